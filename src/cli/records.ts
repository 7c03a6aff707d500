/** Reads the records `filter` works on: one JSON array, or NDJSON (one JSON value per line). */
export type RecordsOutcome =
  { readonly ok: true; readonly records: unknown[] } | { readonly ok: false; readonly message: string };

export function readRecords(input: string): RecordsOutcome {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, records: [] };
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return { ok: true, records: parsed };
    } catch (error) {
      return { ok: false, message: `standard input is not a JSON array: ${(error as Error).message}` };
    }
  }
  const records: unknown[] = [];
  const lines = input.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      return { ok: false, message: `standard input line ${index + 1} is not JSON: ${(error as Error).message}` };
    }
  }
  return { ok: true, records };
}
