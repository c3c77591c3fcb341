import type { Span } from '../types.js';

// Template leftovers: TODO/TBD/FIXME, XX/XX/XXXX dates, [ITEM]-style slots (named ones only: letters write
// "[MRI]" and "[CI]" as real text), blanks (___), snippet tab stops. Defined once here: unfilled-placeholder
// reports them, and the engine keeps every other rule quiet on them (a draft is not a wall of errors).
const PLACEHOLDER_RE = /\b(?:TODO|TBD|FIXME)\b|\b[X]{1,2}[/-][X]{1,2}[/-][X]{2,4}\b|\[(?:ITEM|TREATMENT|SERVICE|DATE|NAME|PATIENT|AGE|SEX|GENDER|SPECIALTY|STATE|GUIDELINE|CITATION|PAGES?|SECTIONS?|VERDICT|BODY[ _]?PART|QUANTITY|NUMBER|DIAGNOSIS|REQUEST|RATIONALE|CONCLUSION|(?:INSERT|FILL|ENTER|ADD)[A-Z _-]*|X{1,4}|\.\.\.)\]|_{3,}|\$\{\d+(?::[^}\n]*)?\}|\$\{\d+\|[^}\n]*\|\}/g;

// "[insert mechanism of injury]", "[Enter date]": an instruction to the drafter, in any letter case.
const INSTRUCTION_RE = /\[(?:insert|fill\s+in|enter|add)\b[^\]\n]{0,60}\]/gi;
// A status quoted from the records ("a work status of \"TBD\"") is the records' word, not a leftover.
const QUOTED_WORD = (text: string, start: number, end: number) => /["\u201c]$/.test(text.slice(Math.max(0, start - 1), start)) && /^["\u201d]/.test(text.slice(end, end + 1));

export interface Placeholder {
  span: Span;
  text: string;
}

/** The placeholders of the raw text (not the Markdown-plain text: "${1:...}" and "[ITEM]" may be markup to remark). */
export function findPlaceholders(text: string): Placeholder[] {
  const found: { index: number; text: string }[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) found.push({ index: m.index, text: m[0] });
  for (const i of text.matchAll(INSTRUCTION_RE)) if (!found.some((f) => f.index === i.index)) found.push({ index: i.index, text: i[0] });
  found.sort((a, b) => a.index - b.index);
  const out: Placeholder[] = [];
  for (const m of found) {
    const end = m.index + m.text.length;
    if (m.text.startsWith('[') && text[end] === '(') continue; // a Markdown link
    if (/^(?:TODO|TBD|FIXME)$/.test(m.text) && QUOTED_WORD(text, m.index, end)) continue;
    out.push({ span: { start: m.index, end }, text: m.text });
  }
  return out;
}
