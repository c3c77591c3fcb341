import type { Rule } from './rule.js';

/** Case numbers are "CM" + 2-digit year + "-" + 7 digits: CM14-0003333. */
export const invalidCaseNumber: Rule = {
  meta: { id: 'invalid-case-number', defaultSeverity: 'error', description: 'The Case Number is not of the form CMyy-nnnnnnn.', fixable: false },
  check({ doc }) {
    const f = doc.header.caseNumber;
    if (!f || !f.raw || /^CM\d{2}-\d{7}$/.test(f.raw)) return [];
    return [{ span: f.valueSpan, message: `Case Number "${f.raw}" is not of the form CMyy-nnnnnnn (e.g. CM14-0003333). Copy it from the assignment notice.` }];
  },
};
