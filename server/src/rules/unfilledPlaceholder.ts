import type { Rule, RuleFinding } from './rule.js';

// Template leftovers: TODO/TBD/FIXME, XX/XX/XXXX dates, [ITEM]-style slots (named ones only: letters write
// "[MRI]" and "[CI]" as real text), blanks (___), snippet tab stops.
const PLACEHOLDER_RE = /\b(?:TODO|TBD|FIXME)\b|\b[X]{1,2}[/-][X]{1,2}[/-][X]{2,4}\b|\[(?:ITEM|TREATMENT|SERVICE|DATE|NAME|PATIENT|AGE|SEX|GENDER|SPECIALTY|STATE|GUIDELINE|CITATION|PAGES?|SECTIONS?|VERDICT|BODY[ _]?PART|QUANTITY|NUMBER|DIAGNOSIS|REQUEST|RATIONALE|CONCLUSION|(?:INSERT|FILL|ENTER|ADD)[A-Z _-]*|X{1,4}|\.\.\.)\]|_{3,}|\$\{\d+(?::[^}\n]*)?\}|\$\{\d+\|[^}\n]*\|\}/g;

export const unfilledPlaceholder: Rule = {
  meta: { id: 'unfilled-placeholder', defaultSeverity: 'error', description: 'A template placeholder (TODO, XX/XX/XXXX, [ITEM], ___) is still in the letter.', fixable: false },
  check({ doc }) {
    const out: RuleFinding[] = [];
    // Raw text, not the Markdown-plain text: "${1:...}" and "[ITEM]" may be markup to remark.
    const text = doc.text;
    PLACEHOLDER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PLACEHOLDER_RE.exec(text))) {
      if (m[0].startsWith('[') && text[m.index + m[0].length] === '(') continue; // a Markdown link
      out.push({
        span: { start: m.index, end: m.index + m[0].length },
        message: `"${m[0]}" is a template placeholder. Replace it with the case's own text before the letter is final.`,
      });
    }
    return out;
  },
};
