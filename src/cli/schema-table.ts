/**
 * A schema's description (src/schema/describe.ts) for people: the terminal table of `ota-expr schema`, and the
 * Markdown of `ota-expr schema --markdown`, which is also the generated page docs/schemas/<name>.md and the README's
 * field table (scripts/generate-docs.mjs writes them; test/docs.test.ts checks they are current).
 */
import type { FieldDescription, SchemaDescription } from '../schema/describe.js';
import { displayWidth } from '../diagnostics/code-frame.js';

function valuesText(field: FieldDescription, code: (text: string) => string): string {
  const known =
    field.knownValues.length === 0
      ? undefined
      : `${field.knownValues.map(code).join(', ')} (known values${field.closed ? ', closed' : ''})`;
  const types =
    field.format !== null
      ? `a date and time, ${code(field.format)}`
      : field.valueTypes.length === 1 && field.valueTypes[0] === 'boolean'
        ? `${code('true')} or ${code('false')}`
        : `any ${field.valueTypes.join(', ').replace(/, (?=[^,]*$)/, ' or ')}`;
  const locales = field.locales.length === 0 ? '' : `; locales ${field.locales.map(code).join(', ')}`;
  return `${known ?? types}${locales}`;
}

function logicalText(description: SchemaDescription, code: (text: string) => string): string {
  if (description.logical.length === 0) return 'one comparison only: neither and nor or';
  return `${description.logical.map(code).join(', ')} between comparisons, with parentheses`;
}

/** The sentences under the table, from what the schema holds (only the ones that apply). */
function notes(description: SchemaDescription, code: (text: string) => string): string[] {
  const lines: string[] = [];
  const i18n = description.fields.find((field) => field.type === 'i18n');
  if (i18n !== undefined) {
    const n = i18n.name;
    lines.push(
      `An i18n field is written ${code(n)} (the default text and every locale listed), ${code(`${n}.defaultValue`)} or ` +
        `${code(`${n}.default`)} (the default text), or ${code(`${n}.<locale>`)} (that translation, or the default text when it is missing or empty).`,
    );
  }
  const map = description.fields.find((field) => field.type === 'map');
  if (map !== undefined) {
    lines.push(
      `A map field is written ${code(`${map.name}.<key>`)}, the key being one path segment (letters, digits, ${code('_')}, ${code('-')} and ${code('/')}).`,
    );
  }
  lines.push(
    'Any other field, path or operator is an error (99400): an operator not listed for a field is refused on it.',
  );
  if (description.fields.some((field) => field.knownValues.length > 0)) {
    lines.push(
      "A value outside a field's known values is a warning, not an error: the expression is valid and selects only records holding exactly that value.",
    );
  }
  if (description.fields.some((field) => field.closed)) {
    lines.push('Closed: the typed query builder accepts the known values only; validation is the same.');
  }
  return lines;
}

const HEADERS = ['field', 'type', 'operators', 'values'] as const;

function rows(description: SchemaDescription, code: (text: string) => string): string[][] {
  return description.fields.map((field) => [
    code(field.paths.length === 1 && field.type === 'map' ? field.paths[0]! : field.name),
    field.type,
    field.operators.map(code).join(', '),
    valuesText(field, code),
  ]);
}

export interface TextOptions {
  /** Bold headers (ANSI), for a terminal. */
  readonly color?: boolean;
}

/** The table `ota-expr schema <name>` prints. */
export function schemaText(description: SchemaDescription, options: TextOptions = {}): string {
  const plain = (text: string): string => text;
  const body = rows(description, plain);
  const widths = HEADERS.map((header, column) =>
    Math.max(displayWidth(header), ...body.map((row) => displayWidth(row[column]!))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat(widths[column]! - displayWidth(cell)),
      )
      .join('  ')
      .trimEnd();
  const header = line(HEADERS);
  const fieldCount = `${description.fields.length} field${description.fields.length === 1 ? '' : 's'}`;
  return [
    `Schema ${description.name}: ${fieldCount}; ${logicalText(description, plain)}.`,
    '',
    options.color ? `\u001b[1m${header}\u001b[0m` : header,
    ...body.map(line),
    '',
    ...notes(description, plain),
    '',
  ].join('\n');
}

const markdownCode = (text: string): string => `\`${text}\``;

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The Markdown table of a schema's fields (the README's field table is this). */
export function schemaMarkdownTable(description: SchemaDescription): string {
  const body = rows(description, markdownCode).map((row, index) => {
    const field = description.fields[index]!;
    return [...row, field.paths.map(markdownCode).join(', ')];
  });
  const headers = [...HEADERS, 'paths'];
  const widths = headers.map((header, column) => Math.max(header.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => markdownCell(cell).padEnd(widths[column]!)).join(' | ')} |`;
  return [line(headers), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** The whole generated page docs/schemas/<name>.md. */
export function schemaMarkdownPage(description: SchemaDescription): string {
  return [
    `<!-- Generated from the schema by \`npm run docs\` (ota-expr schema ${description.name} --markdown). Do not edit. -->`,
    '',
    `# Schema \`${description.name}\``,
    '',
    `What an expression may say under the \`${description.name}\` schema (\`--schema ${description.name}\` on the command line). ` +
      `The language itself is described in [LANGUAGE.md](../LANGUAGE.md); every schema is printed by \`ota-expr schema <name>\`.`,
    '',
    schemaMarkdownTable(description),
    '',
    `Logical operators: ${logicalText(description, markdownCode)}.`,
    '',
    ...notes(description, markdownCode).flatMap((note) => [note, '']),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

/** `ota-expr schema` without an argument: the built-in schemas. */
export function schemaList(descriptions: readonly SchemaDescription[], defaultName: string): string {
  const width = Math.max(...descriptions.map((description) => description.name.length));
  const lines = descriptions.map((description) => {
    const mark = description.name === defaultName ? ' (the default)' : '';
    return `  ${description.name.padEnd(width)}  ${description.fields.length} fields: ${description.fields.map((field) => field.name).join(', ')}${mark}`;
  });
  return `Built-in schemas ("ota-expr schema <name>" shows one; --schema <name> selects one):\n${lines.join('\n')}\n`;
}
