/**
 * The page: builds the layout once, then keeps it in step with one `PageState` (mirrored in the URL fragment).
 * Every change goes through `apply`, which decides what must be redone: the editor's schema and the field table when
 * the API changes, the diagnostics and compiled outputs when the expression changes, and a search (debounced while
 * typing) whenever the request changes. Searches answer out of order; only the latest one is shown.
 */
import { check } from 'ota-expr/core';
import { API_NAMES, playgroundApi, type PlaygroundApi } from './apis.js';
import { Unreachable, type Backend, type SearchBody } from './backend.js';
import { OUTPUT_LABELS, OUTPUT_TABS, compileOutputs } from './compiled.js';
import { createControls } from './controls.js';
import { renderDiagnostics, type Fix } from './diagnostics-list.js';
import { fill, h } from './dom.js';
import { createEditor } from './editor.js';
import { fieldTable } from './field-table.js';
import { KnownValues } from './known-values.js';
import { readResponse } from './response.js';
import { resultsTable } from './results-table.js';
import { routeOf } from './routes.js';
import { readState, writeState, type PageState } from './state.js';
import { createTabs } from './tabs.js';

/** Long enough to skip the searches of a word being typed, short enough to feel live. */
const SEARCH_DELAY_MS = 250;

const RESULT_TABS = ['table', 'json', 'curl'] as const;
const RESULT_LABELS = { table: 'Table', json: 'Response JSON', curl: 'curl' } as const;

export function startPlayground(root: HTMLElement, backend: Backend): void {
  let state = withOrg(readState(location.hash), backend);
  const values = new KnownValues(backend);
  let api = playgroundApi(state.api);

  // The header: API and organisation.
  const apiSelect = h(
    'select',
    { id: 'api', onchange: () => apply({ api: apiSelect.value as PageState['api'], pageNo: 1, sorters: [] }) },
    ...API_NAMES.map((name) => h('option', { value: name, textContent: `${name} (${routeOf(name).action})` })),
  );
  const orgSelect = h(
    'select',
    { id: 'org', onchange: () => apply({ orgId: orgSelect.value, pageNo: 1 }) },
    ...backend.orgIds.map((orgId) => h('option', { value: orgId, textContent: orgId })),
  );
  const route = h('code', { className: 'route' });

  // The query: editor, diagnostics, compiled outputs; the field table beside them.
  const diagnostics = h('ul', { id: 'diagnostics', className: 'diagnostics', attrs: { 'aria-live': 'polite' } });
  const editorHost = h('div', { className: 'editor' });
  const outputs = createTabs('Compiled output', OUTPUT_TABS, OUTPUT_LABELS);
  const fields = h('aside', { className: 'schema', attrs: { 'aria-label': 'Fields of the selected API' } });

  // The results: status, error, controls, and the table / JSON / curl tabs.
  const summary = h('p', { className: 'summary', attrs: { role: 'status' } });
  const failure = h('div', { className: 'failure', hidden: true, attrs: { role: 'alert' } });
  const controls = createControls((change) => apply(change));
  const results = createTabs('Search results', RESULT_TABS, RESULT_LABELS);
  const curlText = h('pre', { className: 'curl' });
  const copy = h('button', { type: 'button', className: 'copy', textContent: 'Copy curl command' });
  copy.onclick = () => void copyText(curlText.textContent ?? '', copy);
  fill(results.panel('curl'), copy, curlText);

  fill(
    root,
    h(
      'header',
      {},
      h('h1', {}, 'ota-expr playground'),
      h('p', { className: 'mode', attrs: { 'data-mode': backend.mode } }, backend.label),
      h(
        'div',
        { className: 'pickers' },
        h('label', { htmlFor: 'api', textContent: 'API' }),
        apiSelect,
        h('label', { htmlFor: 'org', textContent: 'Organisation' }),
        orgSelect,
        route,
      ),
    ),
    h(
      'main',
      {},
      h(
        'section',
        { className: 'query', attrs: { 'aria-labelledby': 'expression-label' } },
        h('h2', { id: 'expression-label', textContent: 'Expression' }),
        editorHost,
        diagnostics,
        h('h2', { textContent: 'Compiled' }),
        outputs.element,
      ),
      fields,
      h(
        'section',
        { className: 'results-section', attrs: { 'aria-labelledby': 'results-label' } },
        h('h2', { id: 'results-label', textContent: 'Results' }),
        controls.element,
        summary,
        failure,
        results.element,
      ),
    ),
  );

  const editor = createEditor({
    parent: editorHost,
    text: state.expression,
    schema: api.definition.schema,
    values: (path) => values.valuesOf(state.api, orgIdOf(state, backend), path),
    labelledBy: 'expression-label',
    describedBy: 'diagnostics',
    onChange: (expression) => apply({ expression, pageNo: 1 }, { typing: true }),
  });

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let searchNumber = 0;

  /** Moves to a new state: redoes what depends on what changed, then writes the URL. */
  function apply(change: Partial<PageState>, how: { typing?: boolean; fromUrl?: boolean } = {}): void {
    const previous = state;
    state = withOrg({ ...state, ...change }, backend);
    const apiChanged = state.api !== previous.api;
    if (apiChanged) {
      // A new API starts from its own page size and no sorters, unless the change (a link, the back button) says.
      state = { ...state, pageSize: change.pageSize ?? null, sorters: change.sorters ?? [] };
      api = playgroundApi(state.api);
    }
    if (state.pageSize !== null) state = { ...state, pageSize: Math.min(state.pageSize, api.definition.pageSize.max) };
    if (how.fromUrl === true) editor.setText(state.expression);
    render(apiChanged);
    if (how.fromUrl !== true) {
      const hash = writeState(state);
      // Typing replaces the entry (one per keystroke would bury the back button); other moves add one.
      if (hash !== location.hash) {
        if (how.typing === true) location.replace(hash);
        else location.hash = hash;
      }
    }
    clearTimeout(searchTimer);
    if (how.typing === true) searchTimer = setTimeout(search, SEARCH_DELAY_MS);
    else void search();
    loadValues();
  }

  /** Completion values of the API and org shown, once each; after the search, which the server answers first. */
  function loadValues(): void {
    void values.load(state.api, orgIdOf(state, backend));
  }

  function render(apiShown: boolean): void {
    if (apiShown) {
      apiSelect.value = state.api;
      editor.setSchema(api.definition.schema, (path) => values.valuesOf(state.api, orgIdOf(state, backend), path));
      fill(fields, fieldTable(api.description, state.api));
    }
    orgSelect.value = orgIdOf(state, backend);
    route.textContent = `POST ${routeOf(state.api).path}?action=${routeOf(state.api).action}`;
    const checked = check(state.expression, { schema: api.definition.schema });
    renderDiagnostics(diagnostics, checked.diagnostics, applyFix);
    const texts = compileOutputs(api, orgIdOf(state, backend), bodyOf(state, api), checked);
    for (const tab of OUTPUT_TABS) fill(outputs.panel(tab), h('pre', { textContent: texts[tab] }));
    controls.update(api, state, null);
  }

  function applyFix(fix: Fix): void {
    editor.view.dispatch({
      changes: fix.edits.map((edit) => ({ from: edit.start, to: edit.end, insert: edit.insert })),
    });
    editor.view.focus();
  }

  async function search(): Promise<void> {
    const number = (searchNumber += 1);
    const shown = state;
    const shownApi = api;
    summary.textContent = 'Searching…';
    try {
      const exchange = await backend.search(shown.api, orgIdOf(shown, backend), bodyOf(shown, shownApi));
      if (number !== searchNumber) return;
      curlText.textContent = exchange.curl;
      fill(
        results.panel('json'),
        h('pre', { className: 'json', textContent: JSON.stringify(exchange.response, null, 2) }),
      );
      const read = readResponse(exchange.response);
      switch (read.kind) {
        case 'page': {
          failure.hidden = true;
          const pages = Math.max(1, Math.ceil(read.totalSize / read.pageSize));
          summary.textContent = `${read.totalSize} ${read.totalSize === 1 ? 'record matches' : 'records match'} · page ${read.pageNo} of ${pages}`;
          fill(results.panel('table'), resultsTable(shownApi, read.records, `${shown.api}: page ${read.pageNo}`));
          controls.update(shownApi, shown, read.totalSize);
          break;
        }
        case 'error':
          showFailure(`${read.code}: ${read.message}`, 'The request was refused; no results.');
          break;
        case 'not-enos':
          showFailure(`The answer could not be read: ${read.message}.`, 'No results.');
          break;
        default:
          read satisfies never;
      }
    } catch (error) {
      if (number !== searchNumber) return;
      if (!(error instanceof Unreachable)) throw error;
      curlText.textContent = error.curl;
      fill(results.panel('json'), h('pre', { className: 'json', textContent: '(no response)' }));
      showFailure(
        `The server did not answer: ${error.message}`,
        'No results. The editor and the compiled output still work; the search runs again on the next change.',
        true,
      );
    }
  }

  function showFailure(message: string, status: string, retry = false): void {
    fill(
      failure,
      h('p', { className: 'message', textContent: message }),
      retry ? h('button', { type: 'button', textContent: 'Retry', onclick: () => void search() }) : null,
    );
    failure.hidden = false;
    summary.textContent = status;
    fill(results.panel('table'), h('p', { className: 'empty', textContent: 'No results.' }));
    controls.update(api, state, null);
  }

  window.addEventListener('hashchange', () => {
    const next = withOrg(readState(location.hash), backend);
    if (writeState(next) !== writeState(state)) apply(next, { fromUrl: true });
  });

  render(true);
  void search();
  loadValues();
  performance.mark('playground-rendered');
}

function withOrg(state: PageState, backend: Backend): PageState {
  return state.orgId !== null && backend.orgIds.includes(state.orgId) ? state : { ...state, orgId: null };
}

function orgIdOf(state: PageState, backend: Backend): string {
  return state.orgId ?? backend.orgIds[0] ?? '';
}

function bodyOf(state: PageState, api: PlaygroundApi): SearchBody {
  const pageSize = state.pageSize ?? api.definition.pageSize.default;
  const pagination =
    api.definition.sorters !== undefined && state.sorters.length > 0
      ? { pageNo: state.pageNo, pageSize, sorters: state.sorters }
      : { pageNo: state.pageNo, pageSize };
  return { expression: state.expression, pagination };
}

async function copyText(text: string, button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Select the text to copy';
  }
  setTimeout(() => (button.textContent = 'Copy curl command'), 2000);
}
