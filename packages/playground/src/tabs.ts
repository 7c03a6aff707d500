/**
 * Accessible tabs (the WAI-ARIA tabs pattern): one tab stop for the list, arrow keys, Home and End move between tabs
 * and show their panel at once; each panel is labelled by its tab.
 */
import { h, uniqueId } from './dom.js';

export interface Tabs<K extends string> {
  readonly element: HTMLElement;
  panel(key: K): HTMLElement;
  select(key: K): void;
  selected(): K;
}

export function createTabs<K extends string>(
  label: string,
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  onSelect: (key: K) => void = () => {},
): Tabs<K> {
  const id = uniqueId('tabs');
  const list = h('div', { className: 'tablist', attrs: { role: 'tablist', 'aria-label': label } });
  const tabs = new Map<K, HTMLButtonElement>();
  const panels = new Map<K, HTMLElement>();
  let current = keys[0]!;
  const element = h('div', { className: 'tabs' }, list);
  for (const key of keys) {
    const tab = h('button', {
      type: 'button',
      id: `${id}-${key}-tab`,
      textContent: labels[key],
      attrs: { role: 'tab', 'aria-controls': `${id}-${key}`, 'data-tab': key },
      onclick: () => select(key),
      onkeydown: (event: KeyboardEvent) => move(event, key),
    });
    const panel = h('div', {
      id: `${id}-${key}`,
      className: 'tabpanel',
      // Focusable: a panel holds text only, and a keyboard user must reach it (and scroll it).
      tabIndex: 0,
      attrs: { role: 'tabpanel', 'aria-labelledby': tab.id, 'data-panel': key },
    });
    tabs.set(key, tab);
    panels.set(key, panel);
    list.append(tab);
    element.append(panel);
  }

  function select(key: K, focus = false): void {
    current = key;
    for (const [other, tab] of tabs) {
      const on = other === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels.get(other)!.hidden = !on;
    }
    if (focus) tabs.get(key)!.focus();
    onSelect(key);
  }

  function move(event: KeyboardEvent, from: K): void {
    const index = keys.indexOf(from);
    const target =
      event.key === 'ArrowRight'
        ? keys[(index + 1) % keys.length]
        : event.key === 'ArrowLeft'
          ? keys[(index - 1 + keys.length) % keys.length]
          : event.key === 'Home'
            ? keys[0]
            : event.key === 'End'
              ? keys[keys.length - 1]
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  }

  select(current);
  return {
    element,
    panel: (key) => panels.get(key)!,
    select: (key) => select(key),
    selected: () => current,
  };
}
