/** Attributes for {@link element} and {@link svgElement}: strings, numbers, or false/undefined to omit. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** Children: nodes or text; null/undefined/false are skipped. */
export type Child = Node | string | null | undefined | false;

function apply(node: Element, attributes: Attributes, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
}

/**
 * Creates an HTML element: the playground's whole "framework".
 *
 * @remarks
 * Use it to build view fragments declaratively; views rebuild their content at each step, which
 * is cheap at the sizes drawn (graphs are bounded).
 *
 * @example
 * ```ts
 * const row = element("tr", {}, element("td", { class: "num" }, "42"));
 * ```
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attributes, children);
  return node;
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element (in the SVG namespace).
 *
 * @example
 * ```ts
 * const dot = svgElement("circle", { cx: 5, cy: 5, r: 3 });
 * ```
 */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NAMESPACE, tag);
  apply(node, attributes, children);
  return node;
}

/**
 * Looks up an element by id and checks its type; throws naming the id when the page lacks it.
 *
 * @example
 * ```ts
 * const button = byId("run", HTMLButtonElement);
 * ```
 */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type))
    throw new Error(`playground: #${id} is missing or not a ${type.name}`);
  return found;
}

/**
 * An address as the views print it (`0x1a2b`).
 *
 * @example
 * ```ts
 * hexAddress(4096); // "0x1000"
 * ```
 */
export function hexAddress(address: number): string {
  return `0x${(address >>> 0).toString(16)}`;
}

/**
 * `target`'s `clientWidth` as the browser last laid it out, kept by a `ResizeObserver`: a view
 * that reads it while drawing a step forces no layout (reading `clientWidth` right after the
 * page changed the DOM lays the whole page out again, which profiling found costing more than
 * the drawing). Read directly until the first layout is observed.
 *
 * @example
 * ```ts
 * const width = trackWidth(host);
 * layoutGraph(graph, frames, freed, collected, width());
 * ```
 */
export function trackWidth(target: HTMLElement): () => number {
  let width: number | undefined;
  if (typeof ResizeObserver === "function")
    // Inside the callback the layout is fresh, so reading clientWidth costs nothing more.
    new ResizeObserver(() => {
      width = target.clientWidth;
    }).observe(target);
  return () => width ?? target.clientWidth;
}
