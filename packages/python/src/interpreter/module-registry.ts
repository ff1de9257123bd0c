import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";

/**
 * `sys.modules`: the heap dict of loaded modules that `import` consults first and fills after
 * running a module (CPython: `PyImport_GetModuleDict`, `import_get_module`). It is a plain dict
 * the program may edit — `del sys.modules['m']` makes the next `import m` run the module again,
 * `sys.modules['x'] = obj` makes `import x` return `obj` — so the interpreter keeps no other
 * record of what was imported.
 *
 * @example
 * ```ts
 * const registry = new ModuleRegistry(machine);
 * registry.store("builtins", builtinsModule);
 * registry.lookup("builtins"); // builtinsModule (borrowed)
 * ```
 * @internal
 */
export class ModuleRegistry {
  /** The dict itself (owned here; `sys.modules` is another reference to it). */
  readonly dict: Ptr;
  /** Set by {@link ModuleRegistry.dispose}: the interpreter is shutting down, nothing imports. */
  closed = false;

  constructor(private readonly machine: Machine) {
    this.dict = machine.heap.newDict();
  }

  /** `sys.modules.get(name)`, borrowed; 0 when absent (or once closed). */
  lookup(name: string): Ptr {
    if (this.closed) return 0;
    return this.machine.heap.dictGetItem(this.dict, this.machine.name(name));
  }

  /**
   * The module object `sys.modules` holds under `name` (borrowed), or 0 when the entry is absent
   * or not a module (the interpreter reads module dicts only through real modules).
   */
  loadedModule(name: string): Ptr {
    const module = this.lookup(name);
    return module !== 0 && this.machine.typeIdOf(module) === this.machine.types.module ? module : 0;
  }

  /** `sys.modules[name] = module` (borrowed). */
  store(name: string, module: Ptr): void {
    this.machine.heap.dictSetItem(this.dict, this.machine.name(name), module);
  }

  /** `sys.modules.pop(name, None)`. */
  remove(name: string): void {
    this.machine.heap.dictDelItem(this.dict, this.machine.name(name));
  }

  /** The entries still present, in insertion (import) order, borrowed. */
  entries(): Array<[name: Ptr, module: Ptr]> {
    const heap = this.machine.heap;
    return heap.isLive(this.dict) ? heap.dictItems(this.dict) : [];
  }

  /** Drops the dict at shutdown (its entries go in insertion order, as the dict clears them). */
  dispose(): void {
    this.closed = true;
    this.machine.decref(this.dict);
  }
}
