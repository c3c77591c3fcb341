// Human output, modelled on ESLint's "stylish" formatter. Streams: each file's block is written as soon as
// the file is linted, and only the totals are kept.
import type { FileReport } from './report.js';
import { countFindings, plural, printable } from './report.js';
import type { Reporter } from './reporter.js';

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

/**
 * `path`, then `  line:col  severity  message  rule-id` rows (1-based, aligned within the file), then a
 * summary. Nothing at all for a clean run. Files that could not be linted are not part of this text (the
 * CLI writes them to stderr as they happen) but are counted in the summary.
 */
export class StylishReporter implements Reporter {
  private errors = 0;
  private warnings = 0;
  private infos = 0;
  private fixable = 0;
  private failed = 0;

  constructor(private readonly style: Style, private readonly fixMode: boolean) {}

  begin(): string {
    return '';
  }

  file(r: FileReport): string {
    const style = this.style;
    if (r.error) this.failed++;
    if (r.findings.length === 0) return '';
    const c = countFindings(r.findings);
    this.errors += c.errors;
    this.warnings += c.warnings;
    this.infos += c.infos;
    this.fixable += c.fixableErrors + c.fixableWarnings + c.fixableInfos;
    const rows = r.findings.map((f) => ({
      pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      sev: f.severity,
      msg: printable(f.message.replace(/\s*[\r\n]+\s*/g, ' ')),
      rule: printable(f.ruleId),
    }));
    const wPos = Math.max(...rows.map((x) => x.pos.length));
    const wSev = Math.max(...rows.map((x) => x.sev.length));
    const wMsg = Math.max(...rows.map((x) => x.msg.length));
    let out = `\n${style.underline(printable(r.display))}\n`;
    for (const x of rows) {
      const sevColor = x.sev === 'error' ? style.red : x.sev === 'warning' ? style.yellow : style.blue;
      out += `  ${style.dim(x.pos.padEnd(wPos))}  ${sevColor(x.sev.padEnd(wSev))}  ${x.msg.padEnd(wMsg)}  ${style.dim(x.rule)}\n`;
    }
    return out;
  }

  end(): string {
    const style = this.style;
    const total = this.errors + this.warnings + this.infos;
    if (total === 0 && this.failed === 0) return '';
    const color = this.errors > 0 || this.failed > 0 ? style.red : this.warnings > 0 ? style.yellow : style.blue;
    const notLinted = `${plural(this.failed, 'file')} could not be linted`;
    let summary = '\u2716 ';
    if (total > 0) {
      summary += `${plural(total, 'problem')} (${plural(this.errors, 'error')}, ${plural(this.warnings, 'warning')}, ${plural(this.infos, 'info', 'infos')})`;
      if (this.failed > 0) summary += `; ${notLinted}`;
    } else {
      summary += notLinted;
    }
    let out = `\n${style.bold(color(summary))}\n`;
    if (this.fixable > 0 && !this.fixMode) {
      out += style.bold(color(`  ${plural(this.fixable, 'problem')} potentially fixable with the \`--fix\` option.`)) + '\n';
    }
    return out + '\n';
  }
}
