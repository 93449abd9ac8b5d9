// Control characters, line and paragraph separators, and bidirectional embedding/override/isolate
// controls: none belongs in a name, and each could fake lines or reorder text in the mail.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** User-supplied text (names) as one line: breaks become a space, bidi controls are dropped. */
export function singleLine(value: string): string {
  return value.replace(BIDI_CONTROLS, '').replace(LINE_BREAKING, ' ').trim();
}
