/**
 * docs/EDITOR.md's Monaco mapping functions, run as written against a stand-in model (offsets to 1-based lines and
 * columns, as Monaco's `ITextModel` does) and stand-in enums.
 */
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core.js';
import * as editor from '../../src/editor.js';

const DOC = readFileSync(new URL('../../docs/EDITOR.md', import.meta.url), 'utf8');

interface Position {
  lineNumber: number;
  column: number;
}

/** The first `ts` block of the Monaco section, its imports bound to the sources, its exports returned. */
function mappingFunctions(): Record<string, (...args: unknown[]) => unknown> {
  const monaco = DOC.slice(DOC.indexOf('## Monaco'));
  const block = /```ts\n([^]*?)\n```/.exec(monaco)![1]!;
  const source = block
    .replace(/^import \{([^}]+)\} from 'ota-expr\/(core|editor)';$/gm, (_, names: string, entry: string) => {
      const values = names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => !name.startsWith('type '));
      return `const {${values.join(', ')}} = __${entry};`;
    })
    .replace(/^export function/gm, 'function');
  const names = [...block.matchAll(/^export function (\w+)/gm)].map((match) => match[1]!);
  const js = transformSync(`${source}\nreturn { ${names.join(', ')} };`, { loader: 'ts' }).code;
  return new Function('__core', '__editor', js)(core, editor) as Record<string, (...args: unknown[]) => unknown>;
}

function model(text: string) {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineStarts.push(index + 1);
  return {
    getValue: () => text,
    getPositionAt(offset: number): Position {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line += 1;
      return { lineNumber: line + 1, column: offset - lineStarts[line]! + 1 };
    },
    getOffsetAt: (position: Position) => lineStarts[position.lineNumber - 1]! + position.column - 1,
  };
}

const MONACO = {
  MarkerSeverity: { Error: 8, Warning: 4 },
  languages: { CompletionItemKind: { Field: 3, Operator: 11, Keyword: 17, Value: 13, Enum: 15 } },
};

describe("docs/EDITOR.md's Monaco mapping", () => {
  const { toMarkers, toCompletions, toHover, toQuickFixes } = mappingFunctions();

  it('markers: line and column ranges, severity, message and hint', () => {
    expect(toMarkers!(MONACO, model("productKey = 'a'\nand name = 'x'"))).toEqual([
      {
        startLineNumber: 2,
        startColumn: 10,
        endLineNumber: 2,
        endColumn: 11,
        severity: 8,
        message: 'Do not allow operator op =, allowed op [like]',
        code: 'operator-not-allowed',
      },
    ]);
    const warning = toMarkers!(MONACO, model("status = 'STARTED'")) as { severity: number; message: string }[];
    expect(warning[0]).toMatchObject({ severity: 4, message: expect.stringContaining("(did you mean 'started'?)") });
  });

  it('completion: suggestions with the range the insert replaces', () => {
    const result = toCompletions!(MONACO, model('status = "st'), { lineNumber: 1, column: 13 }) as {
      suggestions: unknown[];
    };
    expect(result.suggestions).toEqual([
      {
        label: '"started"',
        kind: 13,
        insertText: '"started"',
        detail: 'status',
        filterText: '"started"',
        range: { startLineNumber: 1, startColumn: 10, endLineNumber: 1, endColumn: 13 },
      },
      expect.objectContaining({ label: '"stopped"' }),
    ]);
  });

  it('completion on a second line, with a schema', () => {
    const result = toCompletions!(
      MONACO,
      model("status = 'online' and\ndevice"),
      { lineNumber: 2, column: 7 },
      core.schemas.device,
    ) as {
      suggestions: { label: string; range: unknown }[];
    };
    const labels = result.suggestions.map((suggestion) => suggestion.label);
    expect(labels.slice(0, 3)).toEqual(['deviceKey', 'deviceName', 'deviceName.defaultValue']);
    expect(labels.slice(-2)).toEqual(['deviceTags.', 'deviceAttributes.']);
    expect(result.suggestions[0]!.range).toEqual({
      startLineNumber: 2,
      startColumn: 1,
      endLineNumber: 2,
      endColumn: 7,
    });
  });

  it('hover: the range and text', () => {
    expect(toHover!(model("name like 'x'"), { lineNumber: 1, column: 3 })).toEqual({
      range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 5 },
      contents: [{ value: 'name: i18n · like · locales zh_CN, en_US' }],
    });
    expect(toHover!(model("name like 'x'"), { lineNumber: 1, column: 5 })).toBeNull();
  });

  it('quick fixes: edits as ranges, and what the text becomes', () => {
    expect(toQuickFixes!(model('name like ‘x’'))).toEqual([
      {
        title: "replace ‘ and ’ with '",
        kind: 'quickfix',
        edits: [
          { range: { startLineNumber: 1, startColumn: 11, endLineNumber: 1, endColumn: 12 }, text: "'" },
          { range: { startLineNumber: 1, startColumn: 13, endLineNumber: 1, endColumn: 14 }, text: "'" },
        ],
        result: "name like 'x'",
      },
    ]);
  });
});
