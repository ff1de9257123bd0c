/**
 * The "Did you mean" name matcher CPython 3.13 runs when it prints a NameError, AttributeError
 * or ImportError (Python/suggestions.c, `_Py_CalculateSuggestions` behind
 * `_suggestions._generate_suggestions`): a Levenshtein distance over the names' UTF-8 bytes in
 * which a case flip costs half an edit, with a bound that lets at most a third of the involved
 * characters change.
 *
 * @module
 */

/** No suggestion is looked for among this many candidates or more. CPython: `MAX_CANDIDATE_ITEMS`. */
export const MAX_CANDIDATE_ITEMS = 750;
/** Names longer than this (after common affixes are trimmed) never match. CPython: `MAX_STRING_SIZE`. */
export const MAX_STRING_SIZE = 40;
/** The cost of inserting, deleting or replacing a byte. CPython: `MOVE_COST`. */
const MOVE_COST = 2;
/** The cost of replacing an ASCII letter by itself in the other case. CPython: `CASE_COST`. */
const CASE_COST = 1;

const encoder = new TextEncoder();

/**
 * The candidate closest to `wrongName` within the distance bound (the first of equals), or
 * undefined: none close enough, `wrongName` itself excluded, or `MAX_CANDIDATE_ITEMS`
 * candidates or more. CPython: `calculate_suggestions`.
 *
 * @example
 * ```ts
 * bestSuggestion(["print", "property"], "prnt"); // "print"
 * ```
 */
export function bestSuggestion(
  candidates: readonly string[],
  wrongName: string,
): string | undefined {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return undefined;
  const wrong = encoder.encode(wrongName);
  let suggestion: string | undefined;
  let suggestionDistance = Number.MAX_SAFE_INTEGER;
  for (const candidate of candidates) {
    if (candidate === wrongName) continue;
    const item = encoder.encode(candidate);
    // No more than 1/3 of the involved characters should need changing, and a match must beat
    // the best so far.
    const maxDistance = Math.min(
      Math.floor(((wrong.length + item.length + 3) * MOVE_COST) / 6),
      suggestionDistance - 1,
    );
    const distance = levenshteinDistance(wrong, item, maxDistance);
    if (distance > maxDistance) continue;
    if (suggestion === undefined || distance < suggestionDistance) {
      suggestion = candidate;
      suggestionDistance = distance;
    }
  }
  return suggestion;
}

/**
 * The weighted edit distance between two byte strings, or any value above `maxCost` once it is
 * certain to exceed it. CPython: `levenshtein_distance`.
 *
 * @example
 * ```ts
 * levenshteinDistance(encode("abc"), encode("Abc"), 10); // 1
 * ```
 */
export function levenshteinDistance(a: Uint8Array, b: Uint8Array, maxCost: number): number {
  // Trim the common prefix and suffix: they cost nothing.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let shorter = a.subarray(start, aEnd);
  let longer = b.subarray(start, bEnd);
  if (shorter.length === 0 || longer.length === 0)
    return (shorter.length + longer.length) * MOVE_COST;
  if (shorter.length > MAX_STRING_SIZE || longer.length > MAX_STRING_SIZE) return maxCost + 1;
  if (longer.length < shorter.length) [shorter, longer] = [longer, shorter];
  if ((longer.length - shorter.length) * MOVE_COST > maxCost) return maxCost + 1;
  // One row of the matrix, updated in place: row[i] = cost(longer[:j], shorter[:i + 1]).
  const row = new Array<number>(shorter.length);
  for (let i = 0; i < shorter.length; i++) row[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let j = 0; j < longer.length; j++) {
    const code = longer[j]!;
    let distance = j * MOVE_COST;
    result = distance;
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < shorter.length; i++) {
      const substitute = distance + substitutionCost(code, shorter[i]!);
      distance = row[i]!;
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    // Everything in this row is already too big.
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** 0 for equal bytes, `CASE_COST` for an ASCII letter in the other case, else `MOVE_COST`. */
function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return asciiLower(a) === asciiLower(b) ? CASE_COST : MOVE_COST;
}

function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
