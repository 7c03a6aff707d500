/**
 * Loading records into one API's table (`ota-expr-server load`, and the demo): a JSON array or NDJSON, each record
 * checked on its own (a bad one is reported with its line and skipped), the rest inserted with insertRow in one
 * transaction per file. A record whose key is already stored fails the file (nothing of it is kept), with its line.
 */
import { insertRow, type Schema } from 'ota-expr';
import type { ApiRoute } from './routes.js';
import type { Store } from './store/types.js';

/** A record and the line of the file it starts on (1-based). */
export interface NumberedRecord {
  readonly line: number;
  readonly record: unknown;
}

export interface BadRecord {
  readonly line: number;
  readonly message: string;
}

export interface LoadReport {
  readonly loaded: number;
  readonly bad: readonly BadRecord[];
}

/** The file could not be loaded at all: nothing of it was kept. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
}

/**
 * The records of a file: a JSON array when the first character that is not white space is `[`, else NDJSON (one
 * JSON value a line; blank lines are skipped). A line that is not JSON is a bad record, never the end of the load.
 */
export function parseRecords(text: string): { records: NumberedRecord[]; bad: BadRecord[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trimStart().startsWith('[')) return parseArray(body);
  const records: NumberedRecord[] = [];
  const bad: BadRecord[] = [];
  body.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      records.push({ line: index + 1, record: JSON.parse(line) });
    } catch (error) {
      bad.push({ line: index + 1, message: `not JSON (${(error as Error).message})` });
    }
  });
  return { records, bad };
}

/** A JSON array: parsed whole (an array that is not JSON is one bad "line", the first), then each element numbered. */
function parseArray(text: string): { records: NumberedRecord[]; bad: BadRecord[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      records: [],
      bad: [{ line: 1, message: `the JSON array is not valid JSON (${(error as Error).message})` }],
    };
  }
  if (!Array.isArray(parsed)) return { records: [], bad: [{ line: 1, message: 'not a JSON array' }] };
  // Lines of the elements: each element of a pretty-printed or one-per-line array starts on its own line. Finding
  // them needs a scan of the text; the element's index is reported too, which is exact whatever the layout.
  const starts = elementLines(text, parsed.length);
  return { records: parsed.map((record, index) => ({ line: starts[index] ?? 1, record })), bad: [] };
}

/** The line where each top-level element of a JSON array starts (a small scanner: strings, nesting, commas). */
function elementLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length && lines.length < count; i += 1) {
    const c = text[i]!;
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** Why a record cannot be stored, before the database sees it; undefined when it can. */
export function recordProblem(record: unknown, schema: Schema): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not a JSON object';
  const orgId = (record as Record<string, unknown>)['orgId'];
  if (typeof orgId !== 'string' || orgId === '') return 'orgId must be a non-empty string';
  const id = schema.search?.id;
  if (id !== undefined) {
    const key = (record as Record<string, unknown>)[id];
    if (typeof key !== 'string' || key === '') return `${id} must be a non-empty string`;
  }
  return undefined;
}

/**
 * Inserts the good records in one transaction; the bad ones (not an object, no orgId or id, a value the table cannot
 * hold, a key repeated in the file) are reported and skipped.
 */
export async function loadRecords(
  store: Store,
  route: ApiRoute,
  records: readonly NumberedRecord[],
  alreadyBad: readonly BadRecord[] = [],
): Promise<LoadReport> {
  const bad: BadRecord[] = [...alreadyBad];
  const seen = new Map<string, number>();
  const id = route.schema.search?.id ?? 'id';
  let current = 0;
  try {
    // Statements are made and run one record at a time, so that a big file is never held twice in memory.
    await store.transaction(async (run) => {
      for (const { line, record } of records) {
        const problem = recordProblem(record, route.schema);
        if (problem !== undefined) {
          bad.push({ line, message: problem });
          continue;
        }
        const fields = record as Record<string, unknown>;
        const key = `${String(fields['orgId'])}\u0000${String(fields[id])}`;
        const first = seen.get(key);
        if (first !== undefined) {
          bad.push({
            line,
            message: `${id} ${String(fields[id])} of orgId ${String(fields['orgId'])} is already on line ${first}`,
          });
          continue;
        }
        let inserted;
        try {
          inserted = insertRow(record, { dialect: store.dialect, schema: route.schema });
        } catch (error) {
          bad.push({ line, message: (error as Error).message });
          continue;
        }
        seen.set(key, line);
        current = line;
        for (const statement of inserted.statements) await run(statement.sql, statement.params);
      }
    });
  } catch (error) {
    throw new LoadError(
      `line ${current}: the database refused the record (${storeMessage(error)}); nothing of the file was loaded`,
    );
  }
  bad.sort((a, b) => a.line - b.line);
  return { loaded: seen.size, bad };
}

/** A driver's message without SQL text: the first line, which names the constraint or the problem. */
function storeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
