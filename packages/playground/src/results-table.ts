/** A page of records as a table of the API's main columns (apis.ts); the raw response is in its own tab. */
import { cellText, type PlaygroundApi } from './apis.js';
import { h } from './dom.js';

export function resultsTable(api: PlaygroundApi, records: readonly unknown[], caption: string): HTMLElement {
  const table = h(
    'table',
    { className: 'results' },
    h('caption', { textContent: caption }),
    h('thead', {}, h('tr', {}, ...api.columns.map((column) => h('th', { scope: 'col', textContent: column.label })))),
    h(
      'tbody',
      {},
      ...records.map((record) =>
        h('tr', {}, ...api.columns.map((column) => h('td', { textContent: cellText(column.read(record)) }))),
      ),
    ),
  );
  // Wide tables scroll inside their own box on a narrow screen; focusable so the keyboard can scroll it too.
  return h('div', { className: 'scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': caption } }, table);
}
