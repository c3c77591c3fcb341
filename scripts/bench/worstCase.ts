// Bench section 6: the inputs that were slow (issue 10), each built at 10 KB, 100 KB and 1 MB around a
// clean letter, timed (best of 3, the block cache cleared), with the growth ratios. Linear means
// t(100 KB) / 10 t(10 KB) and t(1 MB) / 10 t(100 KB) near 1; the budget is 100 ms per 10 KB.
import { lint } from '../../server/src/index.ts';
import { clearMarkdownCache } from '../../server/src/parse/markdownPlain.ts';

type Lang = 'markdown' | 'plaintext';

/** Each case: (letter, target size) -> the text. The filler is repeated until the text has the size. */
function cases(md: string, txt: string): { name: string; lang: Lang; make: (size: number) => string }[] {
  const fill = (unit: string, size: number, base: string) => unit.repeat(Math.max(1, Math.ceil((size - base.length) / unit.length)));
  const title = '**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:** Overturned';
  return [
    { name: 'blanks in an item title (md)', lang: 'markdown', make: (n) => md.replace(title, `**PHYSICAL THERAPY TIMES 8 SESSIONS FOR THE LUMBAR SPINE:${fill(' ', n, md)}** Overturned`) },
    { name: 'blanks and tabs in a title (txt)', lang: 'plaintext', make: (n) => txt.replace('lumbar spine: Overturned', `lumbar spine:${fill(' \t', n, txt)}Overturned`) },
    { name: 'a long line of blanks (txt)', lang: 'plaintext', make: (n) => fill(' ', n, txt) + txt },
    { name: 'page-number list in a citation (md)', lang: 'markdown', make: (n) => md.replace('Section(s): Massage therapy.', `Page(s): ${fill('12, ', n, md)}13.`) },
    { name: 'unclosed inline directives (md)', lang: 'markdown', make: (n) => `${md}\n${fill('<!-- imr-lint-disable ', n, md)}` },
    { name: "'> ' nested quotes (md)", lang: 'markdown', make: (n) => `${md}\n${fill('> ', n, md)}x\n` },
    { name: "'- ' nested lists (md)", lang: 'markdown', make: (n) => `${md}\n${fill('- ', n, md)}x\n` },
    { name: "'1. ' nested on one line (md)", lang: 'markdown', make: (n) => `${fill('1. ', n, md)}${md}` },
    { name: "'*a_' alternations (md)", lang: 'markdown', make: (n) => `${md}\n${fill('*a_', n, md)}` },
    { name: 'header labels repeated (txt)', lang: 'plaintext', make: (n) => fill('<b>Date of Injury:</', n, txt) + txt },
    { name: 'verdict lines repeated (txt)', lang: 'plaintext', make: (n) => txt.replace('neck: Upheld', `neck: Upheld${fill('\nneck: Upheld', n, txt)}`) },
  ];
}

function best(text: string, lang: Lang): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    clearMarkdownCache();
    const t0 = performance.now();
    lint(text, { languageId: lang });
    min = Math.min(min, performance.now() - t0);
    if (min > 5000) break; // one slow run says enough
  }
  return min;
}

export interface WorstRow {
  name: string;
  ms: number[];
  perTenKb: number;
  growth: [number, number];
}

export function worstCase(md: string, txt: string): WorstRow[] {
  const sizes = [10 * 1024, 100 * 1024, 1024 * 1024];
  return cases(md, txt).map((c) => {
    const texts = sizes.map((s) => c.make(s));
    const ms = texts.map((t) => best(t, c.lang));
    return { name: c.name, ms, perTenKb: ms[2] / (texts[2].length / 10240), growth: [ms[1] / (10 * ms[0]), ms[2] / (10 * ms[1])] };
  });
}
