/**
 * A Python tuple on the JavaScript side: what {@link tuple} builds for `Runtime.fromJS` and what
 * `Runtime.toJS` returns for a tuple (a plain array would become a list).
 *
 * @example
 * ```ts
 * const point = tuple(1, 2);
 * point.items; // [1, 2]
 * ```
 */
export class TupleValue {
  /** The items, in order. */
  readonly items: readonly unknown[];

  constructor(items: readonly unknown[]) {
    this.items = items;
  }
}

/**
 * Marks values as a Python tuple for `Runtime.fromJS`.
 *
 * @example
 * ```ts
 * const obj = runtime.fromJS([1, tuple(2), { k: null }]); // [1, (2,), {'k': None}]
 * ```
 */
export function tuple(...items: unknown[]): TupleValue {
  return new TupleValue(items);
}
