// The verdict that ends a disputed item's title ("...: Upheld", "... is Overturned."), found by scanning
// back from the end of the text. A regular expression anchored only at `$` ("\s*:?\s*(upheld)\s*$") tries
// every start in a run of blanks and is cubic in it: a pasted PDF page with a long run of spaces in a
// title took minutes. This scan reads each character at most twice.

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);

export interface VerdictAtEnd {
  /** Where the match starts: the colon (withColon), else "is" or the blanks before the colon/word. */
  index: number;
  /** Where the verdict word starts. */
  wordStart: number;
  word: string;
}

function skipSpaceBack(text: string, i: number): number {
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

function endsWithIs(text: string, i: number): boolean {
  return i >= 2 && text.slice(i - 2, i).toLowerCase() === 'is';
}

/**
 * With `withColon` (a title proper): `: [is [:]] Upheld[.]` at the end, as `/:\s*(?:is\s*:?\s*)?(upheld|overturned)\s*\.?\s*$/i`.
 * Without: `[is] [:] Upheld[.]`, the word at a word boundary, as `/(?:\bis)?\s*:?\s*\b(upheld|overturned)\s*\.?\s*$/i`.
 */
export function verdictAtEnd(text: string, withColon: boolean): VerdictAtEnd | undefined {
  let end = skipSpaceBack(text, text.length);
  if (text[end - 1] === '.') end = skipSpaceBack(text, end - 1);
  let word: string | undefined;
  for (const w of ['upheld', 'overturned']) {
    if (end >= w.length && text.slice(end - w.length, end).toLowerCase() === w) word = text.slice(end - w.length, end);
  }
  if (!word) return undefined;
  const wordStart = end - word.length;
  if (withColon) {
    let i = skipSpaceBack(text, wordStart);
    if (text[i - 1] === ':') {
      // ": Upheld" ... or ": is: Upheld" / ": is Upheld": look further for the colon before "is".
      const beforeColon = skipSpaceBack(text, i - 1);
      if (endsWithIs(text, beforeColon)) {
        const j = skipSpaceBack(text, beforeColon - 2);
        if (text[j - 1] === ':') return { index: j - 1, wordStart, word };
      }
      return { index: i - 1, wordStart, word };
    }
    if (endsWithIs(text, i)) {
      const j = skipSpaceBack(text, i - 2);
      if (text[j - 1] === ':') return { index: j - 1, wordStart, word };
    }
    return undefined;
  }
  if (isWord(text[wordStart - 1])) return undefined; // "reupheld"
  let i = skipSpaceBack(text, wordStart);
  if (text[i - 1] === ':') i = skipSpaceBack(text, i - 1);
  if (endsWithIs(text, i) && !isWord(text[i - 3])) return { index: i - 2, wordStart, word };
  return { index: i, wordStart, word };
}
