/**
 * Installs a group of operations (an object literal of methods and accessors, typed against the
 * interface that `Heap` declaration-merges) onto `Heap.prototype`. The members become ordinary
 * non-enumerable prototype properties — exactly what class-body methods are — so `heap.listAppend`
 * is a monomorphic prototype method call, as fast as before the split.
 *
 * Why this exists: one file per built-in type keeps each type's code together, while the public
 * API stays the single `Heap` class. `heap.ts` calls this explicitly for every group at module
 * load (the package is `"sideEffects": false`, so no group may rely on a side-effect import).
 *
 * @example
 * ```ts
 * installOperations(Heap.prototype, listOperations);
 * ```
 * @internal
 */
export function installOperations(prototype: object, operations: object): void {
  const descriptors = Object.getOwnPropertyDescriptors(operations);
  for (const name of Object.keys(descriptors)) {
    const descriptor = descriptors[name]!;
    if (Object.hasOwn(prototype, name))
      throw new Error(`installOperations: '${name}' is already defined on the prototype`);
    descriptor.enumerable = false;
  }
  Object.defineProperties(prototype, descriptors);
}
