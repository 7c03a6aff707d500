/**
 * Pagination and sorters: page number (with previous and next), page size within the API's limits, and where the
 * API takes them (alert rules, contents, severities, types) sorters in order, each a field and a direction.
 */
import type { PlaygroundApi } from './apis.js';
import { fill, h, uniqueId } from './dom.js';
import type { PageState, Sorter } from './state.js';

export type ControlChange = Partial<Pick<PageState, 'pageNo' | 'pageSize' | 'sorters'>>;

export interface SearchControls {
  readonly element: HTMLElement;
  /** Shows the state; `totalSize` (null while unknown) bounds the page number and the Next button. */
  update(api: PlaygroundApi, state: PageState, totalSize: number | null): void;
}

export function createControls(onChange: (change: ControlChange) => void): SearchControls {
  const pageId = uniqueId('page');
  const sizeId = uniqueId('size');
  const previous = h('button', { type: 'button', textContent: 'Previous page', className: 'previous' });
  const next = h('button', { type: 'button', textContent: 'Next page', className: 'next' });
  const page = h('input', { type: 'number', id: pageId, min: '1', step: '1', className: 'page-number' });
  const size = h('input', { type: 'number', id: sizeId, min: '1', step: '1', className: 'page-size' });
  const sizeHint = h('span', { className: 'hint', id: uniqueId('size-hint') });
  size.setAttribute('aria-describedby', sizeHint.id);
  const sorters = h('fieldset', { className: 'sorters' });
  const element = h(
    'div',
    { className: 'controls' },
    h(
      'div',
      { className: 'pager', attrs: { role: 'group', 'aria-label': 'Pagination' } },
      previous,
      h('label', { htmlFor: pageId, textContent: 'Page' }),
      page,
      next,
      h('label', { htmlFor: sizeId, textContent: 'Page size' }),
      size,
      sizeHint,
    ),
    sorters,
  );

  let current: { api: PlaygroundApi; state: PageState; lastPage: number | null } | null = null;

  previous.onclick = () => current !== null && onChange({ pageNo: Math.max(1, current.state.pageNo - 1) });
  next.onclick = () => current !== null && onChange({ pageNo: current.state.pageNo + 1 });
  page.onchange = () => {
    const value = Number(page.value);
    if (Number.isInteger(value) && value >= 1) onChange({ pageNo: value });
    else if (current !== null) page.value = String(current.state.pageNo);
  };
  size.onchange = () => {
    if (current === null) return;
    const { max } = current.api.definition.pageSize;
    const value = Math.min(max, Math.max(1, Math.round(Number(size.value)) || 1));
    size.value = String(value);
    onChange({ pageSize: value, pageNo: 1 });
  };

  let sortersShown = '';
  function renderSorters(api: PlaygroundApi, state: PageState): void {
    // Rebuilt only when they changed, so a select keeps the keyboard focus across the search it starts.
    const key = JSON.stringify([api.name, state.sorters]);
    if (key === sortersShown) return;
    sortersShown = key;
    const fields = api.definition.sorters;
    sorters.hidden = fields === undefined;
    if (fields === undefined) return fill(sorters);
    const set = (list: readonly Sorter[]) => onChange({ sorters: list, pageNo: 1 });
    const rows = state.sorters.map((sorter, index) => {
      const fieldId = uniqueId('sort-field');
      const orderId = uniqueId('sort-order');
      const field = h(
        'select',
        { id: fieldId, onchange: () => set(replace(state.sorters, index, { ...sorter, field: field.value })) },
        ...fields.map((f) => h('option', { value: f.field, textContent: f.field, selected: f.field === sorter.field })),
      );
      const order = h(
        'select',
        {
          id: orderId,
          onchange: () =>
            set(replace(state.sorters, index, { ...sorter, order: order.value === 'DESC' ? 'DESC' : 'ASC' })),
        },
        h('option', { value: 'ASC', textContent: 'ascending', selected: sorter.order === 'ASC' }),
        h('option', { value: 'DESC', textContent: 'descending', selected: sorter.order === 'DESC' }),
      );
      return h(
        'div',
        { className: 'sorter' },
        h('label', { htmlFor: fieldId, textContent: `Sort ${index + 1} by` }),
        field,
        h('label', { htmlFor: orderId, textContent: 'order' }),
        order,
        h('button', {
          type: 'button',
          textContent: 'Remove',
          attrs: { 'aria-label': `Remove sorter ${index + 1}` },
          onclick: () => set(state.sorters.filter((_, i) => i !== index)),
        }),
      );
    });
    const unused = fields.find((f) => !state.sorters.some((s) => s.field === f.field));
    fill(
      sorters,
      h('legend', { textContent: 'Sorters (then by the id)' }),
      ...rows,
      unused === undefined
        ? null
        : h('button', {
            type: 'button',
            className: 'add-sorter',
            textContent: 'Add sorter',
            onclick: () => set([...state.sorters, { field: unused.field, order: 'ASC' }]),
          }),
    );
  }

  return {
    element,
    update(api, state, totalSize) {
      const pageSize = state.pageSize ?? api.definition.pageSize.default;
      const lastPage = totalSize === null ? null : Math.max(1, Math.ceil(totalSize / pageSize));
      current = { api, state, lastPage };
      page.value = String(state.pageNo);
      size.value = String(pageSize);
      size.max = String(api.definition.pageSize.max);
      sizeHint.textContent = `1 to ${api.definition.pageSize.max}`;
      previous.disabled = state.pageNo <= 1;
      next.disabled = lastPage !== null && state.pageNo >= lastPage;
      renderSorters(api, state);
    },
  };
}

function replace<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}
