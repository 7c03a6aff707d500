/**
 * The selected API's fields, from `describeSchema`: what validation accepts, so the table and the editor's
 * diagnostics never disagree.
 */
import type { FieldDescription, SchemaDescription } from 'ota-expr/core';
import { h } from './dom.js';

export function fieldTable(description: SchemaDescription, apiLabel: string): HTMLElement {
  const table = h(
    'table',
    { className: 'fields' },
    h('caption', {}, `Fields of ${apiLabel}`, h('span', { className: 'logical' }, logicalText(description))),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['field', 'type', 'operators', 'values'].map((name) => h('th', { scope: 'col', textContent: name })),
      ),
    ),
    h('tbody', {}, ...description.fields.map(fieldRow)),
  );
  // A narrow screen scrolls the table in its own box (focusable, so the keyboard can too), never the page.
  return h(
    'div',
    { className: 'scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': `Fields of ${apiLabel}` } },
    table,
  );
}

function fieldRow(field: FieldDescription): HTMLTableRowElement {
  return h(
    'tr',
    { attrs: { 'data-field': field.name } },
    h('th', { scope: 'row' }, h('code', { textContent: field.type === 'map' ? `${field.name}.<key>` : field.name })),
    h('td', { textContent: field.type }),
    h('td', {}, ...field.operators.flatMap((op, i) => [i > 0 ? ' ' : null, h('code', { textContent: op })])),
    h('td', { textContent: valuesText(field) }),
  );
}

function valuesText(field: FieldDescription): string {
  if (field.knownValues.length > 0) return `${field.knownValues.join(', ')}${field.closed ? '' : ' (known)'}`;
  if (field.format !== null) return field.format;
  if (field.locales.length > 0) return `locales ${field.locales.join(', ')}`;
  return field.valueTypes.join(' | ');
}

function logicalText(description: SchemaDescription): string {
  return description.logical.length === 0 ? ' · one comparison only' : ` · joined by ${description.logical.join(', ')}`;
}
