/**
 * Reads the records `filter` works on, as they arrive: NDJSON (one JSON object a line), or one JSON array. A line
 * that is not JSON, or a value that is not an object, is reported with its place and the reading goes on, so one
 * bad line never costs the rest of the stream.
 */
export type RecordEvent =
  | { readonly kind: 'record'; readonly record: object }
  | { readonly kind: 'bad'; readonly where: string; readonly message: string };

export async function* readRecords(chunks: AsyncIterable<string>): AsyncGenerator<RecordEvent> {
  let buffer = '';
  let lineNumber = 0;
  let mode: 'undecided' | 'lines' | 'array' = 'undecided';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (mode === 'undecided') {
      if (lineNumber === 0 && buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      const first = /\S/.exec(buffer);
      if (first === null) continue;
      mode = first[0] === '[' ? 'array' : 'lines';
    }
    if (mode === 'array') continue; // an array is parsed whole, at the end
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      lineNumber += 1;
      const event = lineEvent(buffer.slice(0, newline), lineNumber);
      if (event !== undefined) yield event;
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  }
  if (mode === 'array') {
    const whole = parseJson(buffer);
    if (whole.ok && Array.isArray(whole.value)) {
      for (const [index, value] of (whole.value as unknown[]).entries())
        yield valueEvent(value, `array index ${index}`);
      return;
    }
    // Not one array after all (NDJSON whose first line is an array, or a broken array): read it line by line, so
    // that the problem is reported where it is.
    for (const line of buffer.split('\n')) {
      lineNumber += 1;
      const event = lineEvent(line, lineNumber);
      if (event !== undefined) yield event;
    }
    return;
  }
  if (buffer !== '') {
    const event = lineEvent(buffer, lineNumber + 1);
    if (event !== undefined) yield event;
  }
}

function lineEvent(raw: string, lineNumber: number): RecordEvent | undefined {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return undefined;
  const parsed = parseJson(line);
  if (!parsed.ok) return { kind: 'bad', where: `line ${lineNumber}`, message: `not JSON: ${parsed.message}` };
  return valueEvent(parsed.value, `line ${lineNumber}`);
}

function valueEvent(value: unknown, where: string): RecordEvent {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { kind: 'record', record: value };
  return { kind: 'bad', where, message: `not a record: found ${describeValue(value)}, and filter reads JSON objects` };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** `number 42`, `null`, `string "s"`, `an array`: what stood where a record belongs, cut to a readable length. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `${typeof value} ${shown}`;
}

/** A whole text as one chunk, for callers that have the input already. */
export async function* chunksOf(text: string): AsyncGenerator<string> {
  yield text;
}
