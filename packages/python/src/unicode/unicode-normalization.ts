/**
 * Unicode normalization (UAX #15) over CPython's tables: `unicodedata.normalize` and
 * `is_normalized`, NFC/NFD/NFKC/NFKD, with Hangul syllables decomposed and composed
 * arithmetically. JavaScript's `String.prototype.normalize` is not used: it follows the engine's
 * Unicode version, not CPython 3.13's.
 *
 * @module
 */

import {
  canonicalComposite,
  combiningClass,
  decompositionParts,
  isAsciiText,
} from "./unicode-database.js";

/** A normalization form name as `unicodedata.normalize` takes it. */
export type NormalizationForm = "NFC" | "NFD" | "NFKC" | "NFKD";

const HANGUL_FIRST = 0xac00;
const LEAD_FIRST = 0x1100;
const VOWEL_FIRST = 0x1161;
const TAIL_FIRST = 0x11a7;
const LEAD_COUNT = 19;
const VOWEL_COUNT = 21;
const TAIL_COUNT = 28;
const SYLLABLE_COUNT = LEAD_COUNT * VOWEL_COUNT * TAIL_COUNT;

/** Full decomposition of `text`, in canonical order. CPython: nfd_nfkd() */
function decompose(text: string, compatibility: boolean): number[] {
  const output: number[] = [];
  const pending: number[] = [];
  for (const character of text) {
    pending.push(character.codePointAt(0) ?? 0);
    while (pending.length > 0) {
      const codePoint = pending.pop() ?? 0;
      const syllable = codePoint - HANGUL_FIRST;
      if (syllable >= 0 && syllable < SYLLABLE_COUNT) {
        output.push(LEAD_FIRST + Math.floor(syllable / (VOWEL_COUNT * TAIL_COUNT)));
        output.push(VOWEL_FIRST + Math.floor((syllable % (VOWEL_COUNT * TAIL_COUNT)) / TAIL_COUNT));
        if (syllable % TAIL_COUNT !== 0) output.push(TAIL_FIRST + (syllable % TAIL_COUNT));
        continue;
      }
      const parts = decompositionParts(codePoint, compatibility);
      if (parts === null) output.push(codePoint);
      // Pushed in reverse so the first part is decomposed (and emitted) first.
      else for (let index = parts.length - 1; index >= 0; index--) pending.push(parts[index] ?? 0);
    }
  }
  // Canonical ordering: a stable insertion sort of each run of non-starters by combining class.
  for (let index = 1; index < output.length; index++) {
    const current = output[index] ?? 0;
    const currentClass = combiningClass(current);
    if (currentClass === 0) continue;
    let position = index;
    while (position > 0) {
      const before = output[position - 1] ?? 0;
      const beforeClass = combiningClass(before);
      if (beforeClass <= currentClass || beforeClass === 0) break;
      output[position] = before;
      position--;
    }
    output[position] = current;
  }
  return output;
}

/** Canonical composition of a decomposed, ordered sequence. CPython: nfc_nfkc() */
function compose(codePoints: number[]): number[] {
  const output: number[] = [];
  let starter = -1;
  let lastClass = 0;
  for (const codePoint of codePoints) {
    const currentClass = combiningClass(codePoint);
    if (starter >= 0) {
      // Blocked when something between the starter and this character has class 0 or ≥ its own.
      const adjacent = output.length - 1 === starter;
      if (adjacent || (lastClass !== 0 && lastClass < currentClass)) {
        const composite = composePair(output[starter] ?? 0, codePoint);
        if (composite >= 0) {
          output[starter] = composite;
          continue;
        }
      }
    }
    if (currentClass === 0) starter = output.length;
    lastClass = currentClass;
    output.push(codePoint);
  }
  return output;
}

function composePair(first: number, second: number): number {
  const lead = first - LEAD_FIRST;
  const vowel = second - VOWEL_FIRST;
  if (lead >= 0 && lead < LEAD_COUNT && vowel >= 0 && vowel < VOWEL_COUNT)
    return HANGUL_FIRST + (lead * VOWEL_COUNT + vowel) * TAIL_COUNT;
  const syllable = first - HANGUL_FIRST;
  const tail = second - TAIL_FIRST;
  if (
    syllable >= 0 &&
    syllable < SYLLABLE_COUNT &&
    syllable % TAIL_COUNT === 0 &&
    tail > 0 &&
    tail < TAIL_COUNT
  )
    return first + tail;
  return canonicalComposite(first, second);
}

/**
 * `unicodedata.normalize(form, text)`.
 *
 * @example
 * ```ts
 * normalizeText("NFD", "\u00e9"); // "e\u0301"
 * normalizeText("NFKC", "\ufb01"); // "fi"
 * ```
 * @internal
 */
export function normalizeText(form: NormalizationForm, text: string): string {
  // ASCII is invariant under every form.
  if (isAsciiText(text)) return text;
  const decomposed = decompose(text, form === "NFKC" || form === "NFKD");
  const result = form === "NFC" || form === "NFKC" ? compose(decomposed) : decomposed;
  let normalized = "";
  // In slices: spreading a long array into one call would overflow the argument stack.
  for (let index = 0; index < result.length; index += 4096)
    normalized += String.fromCodePoint(...result.slice(index, index + 4096));
  return normalized;
}
