import type { Ptr } from "@pymem/core";
import type { Machine, TypeRecord } from "./machine.js";
import { TYPE_DICT_OFFSET } from "./object-layouts.js";

/**
 * The type attribute cache (CPython: `_PyType_Lookup`'s method cache keyed by `tp_version_tag`,
 * `type_modified` / `PyType_Modified`). Every class gets a version tag the first time something
 * is looked up on it; a lookup of a machine-owned name on a tagged class is remembered in a
 * direct-mapped table keyed by (tag, name), so the next lookup skips the MRO walk (a hash probe
 * per class). Writing to a class's dict gives it and every class deriving from it a new tag
 * ({@link typeModified}), so no remembered entry of the old contents can match again; entries are
 * borrowed pointers into type dicts, valid exactly as long as the tag they were stored under.
 *
 * A class whose raw dict escaped to Python (`C.__dict__`, `vars(C)` return the dict itself, not
 * CPython's read-only `mappingproxy`) can be written behind the cache's back, so it and every
 * class with it in its MRO are never cached ({@link typeDictEscaped}).
 *
 * @module
 */

/** log2 of the table size (CPython: `MCACHE_SIZE_EXP` is 12). */
const CACHE_SIZE_EXP = 12;
const CACHE_MASK = (1 << CACHE_SIZE_EXP) - 1;
/** The tag of a class that must not be cached (its dict, or a base's, escaped). */
const UNCACHEABLE = 0xffffffff;

/**
 * One machine's type attribute cache: the version tags of its classes (by type id) and the
 * (tag, name) → value table.
 *
 * @example
 * ```ts
 * const value = machine.attributeCache.lookup(machine, record, machine.name("append"));
 * ```
 */
export class AttributeCache {
  /** The version tag of each type id; 0 while none was assigned since the last change. */
  private tags = new Uint32Array(256);
  /** Type ids whose own dict escaped to Python. */
  private readonly escaped = new Set<number>();
  /** Names the machine owns (interned, alive until dispose): the only cacheable keys. */
  private readonly ownedNames = new Set<Ptr>();
  private readonly entryTags = new Uint32Array(1 << CACHE_SIZE_EXP);
  private readonly entryNames = new Uint32Array(1 << CACHE_SIZE_EXP);
  private readonly entryValues = new Uint32Array(1 << CACHE_SIZE_EXP);
  private nextTag = 1;
  private enabled = true;

  /**
   * `record`'s attribute `key` found along its MRO: borrowed, or 0 (CPython: `_PyType_Lookup`).
   */
  lookup(m: Machine, record: TypeRecord, key: Ptr): Ptr {
    const id = record.id;
    let tag = id < this.tags.length ? this.tags[id]! : 0;
    if (tag === 0) tag = this.assignTag(record);
    if (tag === UNCACHEABLE) return findInMro(m, record, key);
    // CPython: MCACHE_HASH — the tag and the name's address mixed.
    const index = (Math.imul(tag, 0x9e3779b1) ^ (key >>> 3)) & CACHE_MASK;
    if (this.entryTags[index] === tag && this.entryNames[index] === key)
      return this.entryValues[index]!;
    const value = findInMro(m, record, key);
    if (this.ownedNames.has(key)) {
      this.entryTags[index] = tag;
      this.entryNames[index] = key;
      this.entryValues[index] = value;
    }
    return value;
  }

  /** Records that `key` is a name the machine owns until dispose (`Machine.name`). */
  ownName(key: Ptr): void {
    this.ownedNames.add(key);
  }

  /** Forgets the tag of type id `id` (a class was registered under it, possibly reused). */
  forgetType(id: number): void {
    if (id < this.tags.length) this.tags[id] = 0;
    this.escaped.delete(id);
  }

  /**
   * Drops the tags of `record` and of every class deriving from it (CPython: `type_modified`
   * walking `tp_subclasses`), so entries stored under the old tags never match again.
   */
  modified(m: Machine, record: TypeRecord): void {
    const tags = this.tags;
    // CPython's type_modified returns early for a type without a valid tag: a class is tagged
    // only after every class along its MRO (assignTag), so no class deriving from an untagged
    // one holds a tag. While the built-in types are filled at start-up none is tagged yet.
    if (record.id >= tags.length || tags[record.id] === 0) return;
    for (const candidate of m.records)
      if (candidate !== undefined && candidate.id < tags.length && m.isSubtype(candidate, record))
        tags[candidate.id] = 0;
  }

  /** Marks `record`'s dict as reachable from Python: it and its subclasses stop being cached. */
  escape(m: Machine, record: TypeRecord): void {
    if (this.escaped.has(record.id)) return;
    this.escaped.add(record.id);
    this.modified(m, record);
  }

  /** Turns the cache off for good (dispose clears type dicts while finalizers may still run). */
  disable(): void {
    this.enabled = false;
    this.tags.fill(UNCACHEABLE);
  }

  /**
   * A fresh tag for `record`, or {@link UNCACHEABLE} when a dict along its MRO escaped; the
   * classes along its MRO that have none are tagged first (CPython: `assign_version_tag` does the
   * bases first), which is what lets {@link AttributeCache.modified} stop at an untagged class.
   */
  private assignTag(record: TypeRecord): number {
    const mro = record.mro;
    const highestId = mro.reduce((highest, r) => Math.max(highest, r.id), record.id);
    if (highestId >= this.tags.length) {
      const grown = new Uint32Array(Math.max(highestId + 1, this.tags.length * 2));
      grown.set(this.tags);
      this.tags = grown;
    }
    for (let i = mro.length - 1; i >= 0; i--) {
      const base = mro[i]!;
      if (base !== record && this.tags[base.id] === 0) this.tagOne(base);
    }
    return this.tagOne(record);
  }

  /** Gives `record` alone a fresh tag (or {@link UNCACHEABLE}); `tags` already covers its id. */
  private tagOne(record: TypeRecord): number {
    const id = record.id;
    let tag = UNCACHEABLE;
    if (this.enabled && !record.mro.some((r) => this.escaped.has(r.id))) {
      tag = this.nextTag++;
      // Tags are never reused: on wrap-around (4 billion changes) stop caching rather than risk it.
      if (tag >= UNCACHEABLE) {
        this.disable();
        tag = UNCACHEABLE;
      }
    }
    this.tags[id] = tag;
    return tag;
  }
}

/** The MRO walk itself: the first class along `record`'s MRO whose dict holds `key`; borrowed or 0. */
function findInMro(m: Machine, record: TypeRecord, key: Ptr): Ptr {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const mro = record.mro;
  for (let i = 0; i < mro.length; i++) {
    const dict = u32[(mro[i]!.object + TYPE_DICT_OFFSET) >>> 2]!;
    if (heap.dictLength(dict) === 0) continue;
    const value = heap.dictGetItem(dict, key);
    if (value !== 0) return value;
  }
  return 0;
}

/**
 * A class's dict was written (`cls.x = v`, `del cls.x`, a method installed on a built-in type):
 * invalidates the cached lookups of it and its subclasses (CPython: `PyType_Modified`).
 *
 * @example
 * ```ts
 * heap.dictSetItem(machine.typeDict(record), key, value);
 * typeModified(machine, record);
 * ```
 */
export function typeModified(m: Machine, record: TypeRecord): void {
  m.attributeCache.modified(m, record);
}

/**
 * A class's raw dict is being handed to Python (`C.__dict__`), which may write to it without
 * {@link typeModified}: the class and its subclasses are looked up uncached from now on.
 *
 * @example
 * ```ts
 * typeDictEscaped(machine, machine.recordOfType(cls));
 * return machine.incref(machine.typeDict(record));
 * ```
 */
export function typeDictEscaped(m: Machine, record: TypeRecord): void {
  m.attributeCache.escape(m, record);
}

/**
 * Called once a class statement registered `record`, whose dict is the namespace its body ran in
 * (pymem does not copy it, as CPython's `type_new` does): when something besides the class
 * statement held that namespace before the class was made (`ns = locals()` in the body), writes
 * through it would bypass {@link typeModified}, so the class is treated as escaped.
 *
 * @example
 * ```ts
 * const namespaceReferences = heap.memory.i32[namespace >> 2]!; // before the class holds it
 * noteClassNamespace(machine, record, namespaceReferences);
 * ```
 */
export function noteClassNamespace(
  m: Machine,
  record: TypeRecord,
  namespaceReferences: number,
): void {
  if (namespaceReferences > 1) typeDictEscaped(m, record);
}
