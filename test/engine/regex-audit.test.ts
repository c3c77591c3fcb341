// Every regular expression of the server (literals, and `new RegExp(String.raw`...`)` built from constants of
// the same file) is checked for super-linear backtracking with scslre, the analysis behind
// eslint-plugin-regexp's no-super-linear-backtracking. A pattern such as /\d\s*-?\s*years/ is quadratic in
// a run of blanks (20 s for "45" and 100 KB of blanks); fuzzing found such runs one at a time, this finds
// them all. A pattern that only ever sees a bounded input is listed below with its bound.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import ts from 'typescript';
import { ROOT } from '../helpers/shared.ts';

/** file -> the start of a pattern's source, and why its input is bounded. */
const BOUNDED: { file: string; source: string; why: string }[] = [
  { file: 'server/src/detect.ts', source: '^ {0,3}(`{3,}|~{3,})', why: 'the first 20 KB of the text only' },
  { file: 'server/src/features/completion.ts', source: '([A-Za-z][A-Za-z ]*?)', why: 'the 60 characters before the cursor' },
  { file: 'server/src/parse/items.ts', source: '^([\\s\\S]*?)\\s+was\\s+the\\s+original', why: 'titles of at most 3,000 characters' },
  { file: 'server/src/parse/layoutItems.ts', source: '(\\d{1,2})\\)\\s*MAXIMUS', why: 'its lazy group is at most 400 characters' },
  { file: 'server/src/parse/narrative.ts', source: '(?:date\\s+of\\s+(?:the\\s+)?', why: 'the 90 characters before a date, blanks collapsed' },
  { file: 'server/src/parse/narrative.ts', source: '(?:(?:utilization\\s+review|\\bUR|', why: 'the 90 characters before a date, blanks collapsed' },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The text of a string-valued expression built from literals and same-file constants, else undefined. */
function stringOf(node: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return ts.isNoSubstitutionTemplateLiteral(node) ? node.rawText ?? node.text : node.text;
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText;
    let out = t.head.rawText ?? '';
    for (const span of t.templateSpans) {
      const v = ts.isIdentifier(span.expression) && consts.has(span.expression.text) ? stringOf(consts.get(span.expression.text)!, consts, depth + 1) : undefined;
      if (v === undefined) return undefined;
      out += v + (span.literal.rawText ?? '');
    }
    return out;
  }
  if (ts.isIdentifier(node) && consts.has(node.text)) return stringOf(consts.get(node.text)!, consts, depth + 1);
  return undefined;
}

interface Pattern { file: string; line: number; source: string; flags: string }

function patternsIn(file: string): { found: Pattern[]; unresolved: number } {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const collect = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
    ts.forEachChild(n, collect);
  };
  collect(src);
  const found: Pattern[] = [];
  let unresolved = 0;
  const rel = relative(ROOT, file);
  const visit = (n: ts.Node) => {
    const line = src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = n.getText(src);
      const end = text.lastIndexOf('/');
      found.push({ file: rel, line, source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if (ts.isNewExpression(n) && n.expression.getText(src) === 'RegExp' && n.arguments?.length) {
      const source = stringOf(n.arguments[0], consts);
      const flags = n.arguments[1] && ts.isStringLiteral(n.arguments[1]) ? n.arguments[1].text : '';
      if (source === undefined) unresolved++;
      else found.push({ file: rel, line, source, flags });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return { found, unresolved };
}

test('no regular expression of the server backtracks super-linearly, except those with a bounded input (listed)', () => {
  const parser = new RegExpParser();
  const bad: string[] = [];
  const usedBounds = new Set<number>();
  let checked = 0;
  let unresolved = 0;
  for (const file of files(join(ROOT, 'server', 'src'))) {
    const r = patternsIn(file);
    unresolved += r.unresolved;
    for (const p of r.found) {
      checked++;
      const literal = parser.parseLiteral(`/${p.source}/${p.flags.replace(/[gyd]/g, '')}`);
      const reports = analyse(literal, { reportTypes: { Move: false } }).reports;
      if (reports.length === 0) continue;
      const bound = BOUNDED.findIndex((b) => b.file === p.file && p.source.startsWith(b.source));
      if (bound >= 0) usedBounds.add(bound);
      else bad.push(`${p.file}:${p.line} /${p.source.slice(0, 100)}/ (${reports.map((x) => x.type).join(', ')})`);
    }
  }
  process.stdout.write(`# ${checked} regular expressions checked, ${BOUNDED.length} with a bounded input, ${unresolved} built at run time (not checked)\n`);
  assert.ok(checked > 300, `only ${checked} patterns found: the scan is broken`);
  assert.deepEqual(bad, []);
  assert.deepEqual(BOUNDED.filter((_, i) => !usedBounds.has(i)).map((b) => b.source), [], 'a listed pattern is gone or no longer flagged: drop it from the list');
});

test('the audit flags the quadratic shape it exists for', () => {
  const parser = new RegExpParser();
  const flagged = (re: string) => analyse(parser.parseLiteral(re), { reportTypes: { Move: false } }).reports.length > 0;
  assert.equal(flagged(String.raw`/\b\d{1,3}\s*-?\s*years/`), true);
  assert.equal(flagged(String.raw`/\b\d{1,3}\s*(?:-\s*)?years/`), false);
});
