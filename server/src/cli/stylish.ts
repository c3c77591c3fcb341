// Human output, modelled on ESLint's "stylish" formatter.
import type { FileReport } from './report.js';
import { countFindings, plural } from './report.js';

export interface Style {
  underline(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLORS: Style = {
  underline: sgr(4, 24), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), bold: sgr(1, 22),
};
const id = (s: string) => s;
export const PLAIN: Style = { underline: id, dim: id, red: id, yellow: id, blue: id, bold: id };

/** Colour only for a terminal, and never when NO_COLOR is set to something (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** File-level problems are not part of this text: the CLI writes them to stderr as they happen. */
export function formatStylish(reports: readonly FileReport[], style: Style, fixMode: boolean): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let failed = 0;
  for (const r of reports) {
    if (r.error) failed++;
    if (r.findings.length === 0) continue;
    const c = countFindings(r.findings);
    errors += c.errors;
    warnings += c.warnings;
    infos += c.infos;
    fixable += c.fixableErrors + c.fixableWarnings + c.fixableInfos;
    const rows = r.findings.map((f) => ({
      pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      sev: f.severity,
      msg: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
      rule: f.ruleId,
    }));
    const wPos = Math.max(...rows.map((x) => x.pos.length));
    const wSev = Math.max(...rows.map((x) => x.sev.length));
    const wMsg = Math.max(...rows.map((x) => x.msg.length));
    out += `\n${style.underline(r.display)}\n`;
    for (const x of rows) {
      const sevColor = x.sev === 'error' ? style.red : x.sev === 'warning' ? style.yellow : style.blue;
      out += `  ${style.dim(x.pos.padEnd(wPos))}  ${sevColor(x.sev.padEnd(wSev))}  ${x.msg.padEnd(wMsg)}  ${style.dim(x.rule)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0 && failed === 0) return '';
  const summaryColor = errors > 0 || failed > 0 ? style.red : warnings > 0 ? style.yellow : style.blue;
  const parts = [`${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info', 'infos')}`];
  let summary = `\u2716 ${plural(total, 'problem')} (${parts[0]})`;
  if (failed > 0) summary += `; ${plural(failed, 'file')} could not be linted`;
  out += `\n${style.bold(summaryColor(summary))}\n`;
  if (fixable > 0 && !fixMode) {
    out += style.bold(summaryColor(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`)) + '\n';
  }
  return out + '\n';
}
