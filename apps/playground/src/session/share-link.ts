/**
 * Encodes a program for the page's URL fragment (`#source=…`): UTF-8, then base64url, so any
 * text survives and the link stays on one line.
 *
 * @example
 * ```ts
 * location.hash = `source=${encodeSource("print('hi')\n")}`;
 * ```
 */
export function encodeSource(source: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(source)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Decodes {@link encodeSource}'s text, or returns undefined for anything that is not valid
 * base64url-encoded UTF-8 (a hand-edited link must not break the page).
 *
 * @example
 * ```ts
 * decodeSource(encodeSource("x = 1\n")); // "x = 1\n"
 * ```
 */
export function decodeSource(encoded: string): string | undefined {
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
