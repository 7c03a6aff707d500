/**
 * Reading a request body as the gateway does: JSON in UTF-8, an object at the top. The raw bytes are kept apart (the
 * signature covers them as received); every problem is a 99400 message that says what was wrong, never a stack.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type BodyReading =
  { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly msg: string };

/** Whether a Content-Type header names JSON (`application/json`, any parameters) or is absent. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined || header.trim() === '') return true;
  const media = header.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json';
}

/** An empty body is `{}`: every field of a search request is optional. */
export function readJsonObject(raw: Uint8Array | undefined): BodyReading {
  if (raw === undefined || raw.length === 0) return { ok: true, value: {} };
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    return { ok: false, msg: 'the request body is not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's messages name the position, not the text: safe to answer.
    const detail = error instanceof SyntaxError ? `: ${error.message.slice(0, 200)}` : '';
    return { ok: false, msg: `the request body is not valid JSON${detail}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, msg: `the request body must be a JSON object, found ${kindOf(value)}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
