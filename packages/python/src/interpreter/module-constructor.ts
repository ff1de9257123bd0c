import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { Machine } from "./machine.js";
import { defineMethod } from "./native-arguments.js";

/**
 * `types.ModuleType(name, doc=None)` — `type(sys)('m')` — makes an empty module whose dict holds
 * CPython's five initial entries (CPython: `module___init___impl` / `module_init_dict`), so
 * programs can build a module and place it in `sys.modules` for `import` to find.
 *
 * @example
 * ```ts
 * installModuleConstructor(machine); // then: type(sys)('plugins') → <module 'plugins'>
 * ```
 * @internal
 */
export function installModuleConstructor(m: Machine): void {
  defineMethod(m, "module", "__new__", (_context, args, keywords) => {
    if (args.length > 2)
      m.raise("TypeError", `module() takes at most 2 arguments (${args.length} given)`);
    let name: Ptr | undefined = args[0];
    let doc: Ptr | undefined = args[1];
    for (const [keyword, value] of keywords) {
      if (keyword === "name" && name === undefined) name = value;
      else if (keyword === "doc" && doc === undefined) doc = value;
      else if (keyword === "name" || keyword === "doc")
        m.raise(
          "TypeError",
          `argument for module() given by name ('${keyword}') and position (${keyword === "name" ? 1 : 2})`,
        );
      else m.raise("TypeError", `module() got an unexpected keyword argument '${keyword}'`);
    }
    if (name === undefined)
      m.raise("TypeError", "module() missing required argument 'name' (pos 1)");
    if (m.heap.kindOf(name) !== ObjectKind.STR)
      m.raise("TypeError", `module() argument 'name' must be str, not ${m.typeName(name)}`);
    const dict = m.heap.newDict();
    const none = m.heap.none;
    const entries: Array<[string, Ptr]> = [
      ["__name__", name],
      ["__doc__", doc ?? none],
      ["__package__", none],
      ["__loader__", none],
      ["__spec__", none],
    ];
    try {
      for (const [key, value] of entries) m.heap.dictSetItem(dict, m.name(key), value);
    } catch (error) {
      m.decref(dict); // a MemoryError part-way: the entries set go with the dict
      throw error;
    }
    return m.newModule(m.heap.strValue(name), dict);
  });
}
