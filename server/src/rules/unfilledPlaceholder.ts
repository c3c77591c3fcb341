import type { Rule, RuleFinding } from './rule.js';

// Template leftovers: TODO/TBD/FIXME, XX/XX/XXXX dates, [ITEM]-style slots (named ones only: letters write
// "[MRI]" and "[CI]" as real text), blanks (___), snippet tab stops.
const PLACEHOLDER_RE = /\b(?:TODO|TBD|FIXME)\b|\b[X]{1,2}[/-][X]{1,2}[/-][X]{2,4}\b|\[(?:ITEM|TREATMENT|SERVICE|DATE|NAME|PATIENT|AGE|SEX|GENDER|SPECIALTY|STATE|GUIDELINE|CITATION|PAGES?|SECTIONS?|VERDICT|BODY[ _]?PART|QUANTITY|NUMBER|DIAGNOSIS|REQUEST|RATIONALE|CONCLUSION|(?:INSERT|FILL|ENTER|ADD)[A-Z _-]*|X{1,4}|\.\.\.)\]|_{3,}|\$\{\d+(?::[^}\n]*)?\}|\$\{\d+\|[^}\n]*\|\}/g;

// "[insert mechanism of injury]", "[Enter date]": an instruction to the drafter, in any letter case.
const INSTRUCTION_RE = /\[(?:insert|fill\s+in|enter|add)\b[^\]\n]{0,60}\]/gi;
// A status quoted from the records ("a work status of \"TBD\"") is the records' word, not a leftover.
const QUOTED_WORD = (text: string, start: number, end: number) => /["\u201c]$/.test(text.slice(Math.max(0, start - 1), start)) && /^["\u201d]/.test(text.slice(end, end + 1));

export const unfilledPlaceholder: Rule = {
  meta: { id: 'unfilled-placeholder', defaultSeverity: 'info', description: 'A template placeholder (TODO, XX/XX/XXXX, [ITEM], ___) is still in the letter.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    // Raw text, not the Markdown-plain text: "${1:...}" and "[ITEM]" may be markup to remark.
    const text = doc.text;
    PLACEHOLDER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    const found: RegExpExecArray[] = [];
    while ((m = PLACEHOLDER_RE.exec(text))) found.push(m);
    for (const i of text.matchAll(INSTRUCTION_RE)) if (!found.some((f) => f.index === i.index)) found.push(i);
    found.sort((a, b) => a.index - b.index);
    for (const m of found) {
      if (m[0].startsWith('[') && text[m.index + m[0].length] === '(') continue; // a Markdown link
      if (/^(?:TODO|TBD|FIXME)$/.test(m[0]) && QUOTED_WORD(text, m.index, m.index + m[0].length)) continue;
      out.push({
        span: { start: m.index, end: m.index + m[0].length },
        message: `"${m[0]}" is a template placeholder. Replace it with the case's own text before the letter is final.`,
      });
    }
    return out;
  },
};
