/**
 * `--schema <name|file>`: a built-in schema by name (the APIs of src/apis/index.ts), or a schema of the user's own
 * in a JSON file `{ "name", "fields", "logical" }`, checked by `defineSchema` with its messages prefixed by the file.
 */
import { APIS, DEFAULT_API } from '../apis/index.js';
import { defineSchema, type Schema, type SchemaDefinition } from '../schema/schema.js';
import { closestMatch } from '../util/did-you-mean.js';

export type SchemaSource =
  { readonly ok: true; readonly schema: Schema } | { readonly ok: false; readonly message: string };

/** Reads a file as UTF-8; the CLI wires it to the file system (tests may too). */
export type ReadFile = (path: string) => Promise<string>;

/** A `--schema` value names a file when it holds a path separator or ends in `.json`; otherwise a built-in name. */
export function isSchemaFile(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || spec.toLowerCase().endsWith('.json');
}

export async function loadSchema(spec: string | undefined, readFile: ReadFile | undefined): Promise<SchemaSource> {
  if (spec === undefined) return { ok: true, schema: DEFAULT_API.schema };
  if (!isSchemaFile(spec)) {
    const api = APIS.get(spec);
    if (api !== undefined) return { ok: true, schema: api.schema };
    const known = [...APIS.keys()];
    const suggestion = closestMatch(spec, known);
    return {
      ok: false,
      message:
        `unknown schema ${JSON.stringify(spec)}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}` +
        ` Built-in schemas: ${known.join(', ')}; or give a JSON file (--schema ./my-api.json)`,
    };
  }
  if (readFile === undefined) return { ok: false, message: `cannot read schema file ${spec}: no file system` };
  let text: string;
  try {
    text = await readFile(spec);
  } catch (error) {
    return { ok: false, message: `cannot read schema file ${spec}: ${readProblem(error)}` };
  }
  let definition: unknown;
  try {
    definition = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, message: `schema file ${spec} is not JSON: ${(error as Error).message}` };
  }
  try {
    return { ok: true, schema: defineSchema(definition as SchemaDefinition) };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, message: `schema file ${spec}: ${error.message.replace(/^defineSchema:? ?/, '')}` };
  }
}

function readProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
