/**
 * The page's only DOM helper: `h('button', { type: 'button', onclick }, 'Next')`. Plain DOM, no framework: the page has
 * a few dozen elements, and a framework would cost more bytes than the whole of ota-expr (the page weight budget).
 * Properties are assigned (`className`, `onclick`, `value`); `aria-*`, `data-*`, `for` and `role` are attributes.
 */
type Child = Node | string | null | undefined | false;

type Props<K extends keyof HTMLElementTagNameMap> = Partial<
  Omit<HTMLElementTagNameMap[K], 'style' | 'children' | 'dataset'>
> & {
  readonly attrs?: Readonly<Record<string, string>>;
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props<K> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { attrs, ...properties } = props;
  Object.assign(element, properties);
  for (const [name, value] of Object.entries(attrs ?? {})) element.setAttribute(name, value);
  append(element, children);
  return element;
}

/** Replaces the element's children. */
export function fill(element: Element, ...children: readonly Child[]): void {
  element.replaceChildren();
  append(element, children);
}

function append(element: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
}

/** A unique id for `aria-labelledby`, `for` and tab panels. */
let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
