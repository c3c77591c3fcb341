// imr-lint: the command-line front end of the engine. Bundled into dist/cli.cjs; bin/imr-lint.cjs calls main().
import { realpathSync } from 'node:fs';
import { type LoadedSuppressions, SuppressionStore } from '../io/suppressionStore.js';
import { dirname, join, resolve } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { applyFixes } from '../fixes.js';
import { isDeterminationFileName, looksLikeDetermination } from '../detect.js';
import {
  defaultGuidelineTable, GuidelineTableError, loadUserGuidelineTable, MAX_GUIDELINE_TABLE_BYTES, type GuidelineTable,
} from '../guidelines/table.js';
import { lint } from '../engine.js';
import { CONFIG_FILE } from '../config/projectConfig.js';
import { LineIndex } from '../text/lineIndex.js';
import { effective, projectChoice } from '../config/effective.js';
import { type LoadedProjectConfig, ProjectConfigStore } from '../io/projectConfigStore.js';
import { ruleDoc } from '../io/ruleDocs.js';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import type { Finding, SeveritySetting } from '../types.js';
import { decodeLetter, describeError, tooLarge, formatSize, readBounded, readLetter, readOnlyReason, removeStaleTempFiles, writeFileAtomic } from './fileio.js';
import { expandArguments, languageOf } from './files.js';
import { JsonReporter } from './json.js';
import { helpText, parseOptions, UsageError, type CliOptions } from './options.js';
import { Progress, wantsProgress } from './progress.js';
import { displayPath, exitCodeOf, printable, type FileReport } from './report.js';
import type { Reporter } from './reporter.js';
import { SarifReporter } from './sarif.js';
import { COLORS, PLAIN, StylishReporter, wantsColor } from './stylish.js';

export const VERSION: string = pkg.version;

/** --fix applies fixes, re-lints and repeats while fixes still apply (overlapping fixes wait a round). */
const MAX_FIX_PASSES = 10;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Read by --stdin (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    // A bug, not the user's mistake: say so plainly, with the stack for the report.
    io.stderr.write(`imr-lint: internal error: ${(e as Error)?.stack ?? String(e)}\nPlease report it.\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string, hint = true): number => {
    io.stderr.write(`imr-lint: ${message.split('\n').map(printable).join('\n')}\n${hint ? 'Run "imr-lint --help" for usage.\n' : ''}`);
    return 2;
  };

  let opts: CliOptions;
  try {
    opts = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  if (opts.help) {
    io.stdout.write(helpText(VERSION));
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts.explain) {
    const page = ruleDoc(opts.explain);
    const meta = RULES_BY_ID.get(opts.explain)!.meta;
    io.stdout.write(page ?? `${meta.id} (${meta.defaultSeverity}): ${meta.description}\n(The rule pages are not installed here.)\n`);
    return 0;
  }
  // The nearest .imr-lint.jsonc of each letter, or the one --config names for all of them.
  const configs = new ProjectConfigStore();
  let fixedConfig: LoadedProjectConfig | undefined;
  if (opts.config !== undefined) {
    const path = resolve(io.cwd, opts.config);
    fixedConfig = configs.load(path);
    if (!fixedConfig.text && fixedConfig.problems.length > 0) return fail(fixedConfig.problems[0].message.replace(/; it is ignored\.$/, '.'), false);
  }
  const configFor = (file: string) => fixedConfig ?? configs.forFile(resolve(io.cwd, file));
  const toldConfig = new Set<string>();
  /** A configuration file's problems, once per file, on stderr (path:line:column, as compilers write). */
  const tellConfig = (c: LoadedProjectConfig) => {
    if (!c.path || toldConfig.has(c.path) || c.problems.length === 0) return;
    toldConfig.add(c.path);
    for (const p of c.problems) {
      const at = new LineIndex(c.text).positionAt(p.start);
      const [line, column] = [at.line + 1, at.character + 1];
      io.stderr.write(`imr-lint: ${printable(`${displayPath(c.path, io.cwd)}:${line}:${column}: ${p.severity}: ${p.message}`)}\n`);
    }
  };
  if (opts.printConfig !== undefined) {
    const file = resolve(io.cwd, opts.printConfig);
    const c = configFor(file);
    tellConfig(c);
    io.stdout.write(`${JSON.stringify(printedConfig(file, c, opts), null, 2)}\n`);
    return 0;
  }
  if (opts.patterns.length === 0 && !opts.stdin) return fail('No files given. Name files, folders or globs to lint, e.g. imr-lint letters/.');

  let table: GuidelineTable;
  if (opts.guidelines !== undefined) {
    let json: string;
    try {
      // Checked before reading: a 100 MB table would take seconds and a gigabyte to parse.
      const read = readBounded(resolve(io.cwd, opts.guidelines), MAX_GUIDELINE_TABLE_BYTES);
      if ('tooLarge' in read) {
        return fail(`Guideline table ${opts.guidelines} is too large (${read.exact ? '' : 'more than '}${formatSize(read.exact ? read.tooLarge : MAX_GUIDELINE_TABLE_BYTES)}; the limit is ${formatSize(MAX_GUIDELINE_TABLE_BYTES)}).`, false);
      }
      json = read.buf.toString('utf8');
    } catch (e) {
      return fail(`Cannot read guideline table ${opts.guidelines} (${describeError(e)}).`, false);
    }
    try {
      table = loadUserGuidelineTable(json, opts.guidelines);
    } catch (e) {
      if (e instanceof GuidelineTableError) {
        const problems = e.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
        return fail(`Invalid guideline table ${e.file}:\n${problems}`, false);
      }
      throw e;
    }
  } else {
    table = defaultGuidelineTable();
  }
  const cliLayer = { rules: opts.rules, table: opts.guidelines !== undefined ? table : undefined };
  if (opts.stdin) return lintStdin(opts, io, configFor, tellConfig, cliLayer);

  const { files, problems, unreadable } = expandArguments(opts.patterns, io.cwd);
  if (problems.length > 0) return fail(problems.join('\n'));
  if (files.length === 0 && unreadable.length === 0) return fail('No files to lint.');

  const out = new Output(io.stdout);
  const reporter: Reporter =
    opts.format === 'json' ? new JsonReporter(opts.fix)
    : opts.format === 'sarif' ? new SarifReporter({ cwd: io.cwd, version: VERSION, rules: opts.rules })
    : new StylishReporter(wantsColor(io.stdout, io.env) ? COLORS : PLAIN, opts.fix);
  const progress = new Progress(io.stderr, files.length, wantsProgress(io.stderr, io.env, files.length));
  let exitCode: 0 | 1 = 0;
  // The same suppressions the editor honours: .imr-lint/suppressions.json found above each letter.
  const suppressions = new SuppressionStore();
  const toldAbout = new Set<string>();
  const fixing: FixContext = { cleaned: new Set(), removed: [] };
  out.write(reporter.begin());
  // A folder inside a walk that could not be read: its letters are not linted, which fails the run.
  const folderReports: FileReport[] = unreadable.map((u) => ({
    file: u.path,
    display: displayPath(u.path, io.cwd),
    findings: [],
    error: { code: 'unreadable', message: `Cannot read the folder (${u.reason}); the letters in it are not linted.` },
  }));
  for (const report of folderReports) {
    exitCode = 1;
    if (opts.format === 'stylish') io.stderr.write(`imr-lint: ${printable(`${report.display}: ${report.error!.message}`)}\n`);
    out.write(reporter.file(report));
  }
  for (const file of files) {
    const hidden = suppressions.forLetter(resolve(io.cwd, file));
    if (hidden.error && hidden.path && !toldAbout.has(hidden.path)) {
      toldAbout.add(hidden.path);
      progress.clear();
      io.stderr.write(`imr-lint: ${printable(`${displayPath(hidden.path, io.cwd)} is ignored: ${hidden.error}`)}. The findings it would hide are reported.\n`);
    }
    const project = configFor(file);
    tellConfig(project);
    if (projectChoice(project, resolve(io.cwd, file)) === 'ignore') {
      progress.tick(printable(displayPath(file, io.cwd)));
      continue;
    }
    const report = lintFile(file, opts, { project, cli: cliLayer }, io.cwd, hidden, fixing);
    if (fixing.removed.length > 0) {
      progress.clear();
      for (const removed of fixing.removed.splice(0)) {
        io.stderr.write(`imr-lint: ${printable(displayPath(removed, io.cwd))}: removed a temporary copy of a letter left by an interrupted --fix.\n`);
      }
    }
    if (exitCodeOf([report]) === 1) exitCode = 1;
    if (opts.format === 'stylish' && (report.error || report.fixNotWritten)) {
      progress.clear();
      const what = report.error ? report.error.message : `fixes not written: ${report.fixNotWritten}.`;
      io.stderr.write(`imr-lint: ${printable(`${report.display}: ${what}`)}\n`);
    }
    const chunk = reporter.file(report);
    if (chunk) {
      if (io.stdout.isTTY) progress.clear(); // same terminal: don't print over the bar
      out.write(chunk);
    }
    progress.tick(printable(report.display));
  }
  progress.clear();
  out.write(reporter.end());
  await out.flush();
  return exitCode;
}

/** --stdin: one letter from standard input, reported under --stdin-filename (or "<stdin>"). */
async function lintStdin(opts: CliOptions, io: CliIo, configFor: (file: string) => LoadedProjectConfig, tellConfig: (c: LoadedProjectConfig) => void, cli: Layers['cli']): Promise<number> {
  const name = opts.stdinFilename ?? '<stdin>';
  const file = opts.stdinFilename !== undefined ? resolve(io.cwd, opts.stdinFilename) : name;
  // Without a name: the configuration of the current folder, as for a letter there.
  const project = configFor(opts.stdinFilename !== undefined ? file : join(io.cwd, 'stdin.md'));
  tellConfig(project);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin ?? process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > opts.maxSize) break; // the rest is not read
    chunks.push(b);
  }
  const decoded = size > opts.maxSize ? tooLarge(size, opts.maxSize) : decodeLetter(Buffer.concat(chunks), opts.maxSize);
  const report: FileReport = decoded.ok
    ? { file, display: name, findings: lint(decoded.text, lintOptionsOf(opts.stdinFilename ?? 'stdin.md', { project, cli })).findings }
    : { file, display: name, findings: [], error: { code: decoded.code, message: decoded.message.replace('The file', 'Standard input') } };
  const out = new Output(io.stdout);
  const reporter: Reporter =
    opts.format === 'json' ? new JsonReporter(false)
    : opts.format === 'sarif' ? new SarifReporter({ cwd: io.cwd, version: VERSION, rules: opts.rules })
    : new StylishReporter(wantsColor(io.stdout, io.env) ? COLORS : PLAIN, false);
  if (report.error && opts.format === 'stylish') io.stderr.write(`imr-lint: ${printable(`${name}: ${report.error.message}`)}\n`);
  out.write(reporter.begin());
  out.write(reporter.file(report));
  out.write(reporter.end());
  await out.flush();
  return exitCodeOf([report]);
}

/** What --print-config prints: the file found, and what applies to the letter (every rule's level). */
function printedConfig(file: string, c: LoadedProjectConfig, opts: CliOptions) {
  const e = effective(undefined, c, { rules: opts.rules });
  return {
    file,
    configFile: c.path ?? null,
    ignored: projectChoice(c, file) === 'ignore',
    included: projectChoice(c, file) === 'include',
    layout: e.layout ?? 'auto',
    guidelines: opts.guidelines !== undefined ? { from: 'command line', path: resolve(opts.guidelines) } : c.config.guidelinesPath !== undefined ? { from: CONFIG_FILE, path: c.config.guidelinesPath, loaded: !!c.table } : c.config.guidelinesTable ? { from: CONFIG_FILE, inline: true } : { from: 'built-in' },
    rules: Object.fromEntries(RULES.map((r) => [r.meta.id, e.rules[r.meta.id] ?? r.meta.defaultSeverity])),
    problems: c.problems.map((p) => {
      const at = new LineIndex(c.text).positionAt(p.start);
      return { line: at.line + 1, column: at.character + 1, severity: p.severity, message: p.message };
    }),
  };
}

/** --fix: the folders already rid of stale temporary files, and what was removed (to tell the user). */
interface FixContext {
  cleaned: Set<string>;
  removed: string[];
}

/** The configuration layers of one letter: its project file, then the command line's flags. */
interface Layers {
  project: LoadedProjectConfig;
  cli: { rules: Record<string, SeveritySetting>; table?: GuidelineTable };
}

function lintOptionsOf(file: string, layers: Layers, hidden?: LoadedSuppressions) {
  const e = effective(undefined, layers.project, layers.cli);
  return { languageId: languageOf(file), guidelines: e.table ?? defaultGuidelineTable(), rules: e.rules, layout: e.layout, suppressions: hidden?.entries ?? [], file: hidden?.file };
}

/** Reads, lints and (with --fix) fixes one file. Keeps only the findings: models are dropped at once. */
function lintFile(file: string, opts: CliOptions, layers: Layers, cwd: string, hidden: LoadedSuppressions, fixing: FixContext): FileReport {
  const display = displayPath(file, cwd);
  const read = readLetter(file, opts.maxSize);
  if (!read.ok) return { file, display, findings: [], error: { code: read.code, message: read.message } };
  const lintOptions = lintOptionsOf(file, layers, hidden);
  const findings: Finding[] = lint(read.text, lintOptions).findings;
  if (!opts.fix) return { file, display, findings };
  // Only a determination is ever written (the editor's test, documentFilter.ts): a README, a changelog or
  // an empty file is linted and reported, never rewritten. The project file's "include" counts as one.
  const included = projectChoice(layers.project, resolve(cwd, file)) === 'include';
  if (read.text.trim() === '' || !(included || isDeterminationFileName(file) || looksLikeDetermination(read.text))) {
    return { file, display, findings, fixesApplied: 0 };
  }
  cleanFolderOf(file, fixing);

  let text = read.text;
  let current = findings;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const r = applyFixes(text, current);
    if (r.applied === 0 || r.text === text) break;
    text = r.text;
    applied += r.applied;
    current = lint(text, lintOptions).findings;
  }
  if (text === read.text) return { file, display, findings, fixesApplied: 0 };
  const readOnly = readOnlyReason(file, read.mode);
  if (readOnly) return { file, display, findings, fixesApplied: 0, fixNotWritten: readOnly };
  try {
    writeFileAtomic(file, read.bom ? `\ufeff${text}` : text, read);
  } catch (e) {
    return { file, display, findings, fixesApplied: 0, fixNotWritten: `could not write the file (${describeError(e)})` };
  }
  return { file, display, findings: current, fixesApplied: applied };
}

/** Once per folder that --fix may write to: the temporary copies a killed run left there go. */
function cleanFolderOf(file: string, fixing: FixContext): void {
  let dir: string;
  try {
    dir = dirname(realpathSync(file)); // where writeFileAtomic writes its temporary copy
  } catch {
    return;
  }
  if (fixing.cleaned.has(dir)) return;
  fixing.cleaned.add(dir);
  fixing.removed.push(...removeStaleTempFiles(dir));
}

/** stdout, written as we go. A reader that went away (`imr-lint ... | head`) is not an error: output stops. */
class Output {
  private closed = false;
  private failure: Error | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code !== 'EPIPE') this.failure = err;
    });
  }

  write(text: string): void {
    if (text && !this.closed) this.stream.write(text);
  }

  /** Resolves once everything written so far has been handed to the system. */
  flush(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => (this.failure ? reject(this.failure) : resolve());
      if (this.closed) return done();
      this.stream.write('', () => done());
    });
  }
}

// Run as a script (dist/cli.cjs, as the editor's imr-lint task runs it); bin/imr-lint.cjs requires it instead.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
