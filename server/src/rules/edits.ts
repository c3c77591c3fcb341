/**
 * Where text typed "after a label" belongs: past the label's colon and any closing emphasis, so that
 * "**MAXIMUS guideline:**" gets its text after the "**", as letters write it. `labelEnd` is where the
 * label's words end (before or after its colon). Returns the insertion offset and whether a colon was seen.
 */
export function afterLabel(text: string, labelEnd: number): { at: number; colon: boolean } {
  let at = labelEnd;
  let colon = text[labelEnd - 1] === ':';
  for (let i = labelEnd; i < text.length && /[:*_ \t]/.test(text[i]); i++) {
    if (text[i] === ':') colon = true;
    if (text[i] !== ' ' && text[i] !== '\t') at = i + 1;
  }
  return { at, colon };
}
