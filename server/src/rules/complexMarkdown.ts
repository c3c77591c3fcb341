import type { Rule } from './rule.js';

/**
 * A Markdown block too complex to parse in linear time (nested thousands deep, thousands of emphasis
 * marks, thousands of list items: a badly extracted page) is read as plain text, and the reviewer is told
 * once per block, at information: the checks still run on its words.
 */
export const complexMarkdown: Rule = {
  meta: {
    id: 'complex-markdown',
    defaultSeverity: 'info',
    description: 'A Markdown block is too deeply nested or too dense to parse quickly; it is checked as plain text.',
    fixable: false,
  },
  check({ doc }) {
    return doc.unparsedMarkdown.map((b) => {
      // The block's first line, so the mark stays small.
      const nl = doc.text.slice(b.start, Math.min(b.end, b.start + 200)).search(/[\r\n]/);
      return {
        span: { start: b.start, end: nl < 0 ? Math.min(b.end, b.start + 200) : b.start + nl },
        message: `This block is read as plain text (${b.why}: too complex to parse as Markdown in time). The checks still read its words; its markup is not interpreted.`,
      };
    });
  },
};
