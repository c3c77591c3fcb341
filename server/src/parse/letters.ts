// Several letters pasted into one file: each `Case Number:` header label at the start of a line, after
// the first, starts a new letter. Every real letter has exactly one (all 144 checked), so one label means
// one letter and nothing changes.
// No two adjacent optional blank runs ("[ \t]*(?:<b>)?[ \t]*"): on a line of blanks they backtrack
// quadratically.
const CASE_NUMBER_LINE = /^[ \t]*(?:(?:<b>|\*\*)[ \t]*)?Case[ \t]+Number[ \t]*(?:(?:<\/b>|\*\*)[ \t]*)?:/gim;

/** Offsets where the letters of `text` start: [0] for a single letter. Linear: one scan. */
export function letterStarts(text: string): number[] {
  const starts = [0];
  let first = true;
  for (const m of text.matchAll(CASE_NUMBER_LINE)) {
    if (first) {
      first = false;
      continue;
    }
    starts.push(m.index);
  }
  return starts;
}
