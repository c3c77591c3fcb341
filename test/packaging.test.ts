// Packages the extension as `npm run package` does (production build + vsce package --no-dependencies),
// in a copy of the repository in a temporary folder so the dist/ that other tests run is never rewritten
// under them, then reads the .vsix's zip central directory. It takes about 3 s, so it always runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { ROOT } from './helpers/shared.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VSIX_NAME = `${pkg.name}-${pkg.version}.vsix`;

/** What the .vsix must hold, exactly (vsce renames LICENSE, README and CHANGELOG). */
const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/package.json',
  'extension/readme.md',
  'extension/dist/cli.cjs',
  'extension/dist/client.cjs',
  'extension/dist/server.cjs',
  ...readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/rules/${f}`),
  ...readdirSync(join(ROOT, 'docs', 'walkthrough')).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/walkthrough/${f}`),
  'extension/examples/seed-style-problems.md',
  'extension/schemas/guidelines.schema.json',
  'extension/schemas/imr-lint-config.schema.json',
  'extension/snippets/markdown.code-snippets',
  'extension/snippets/plaintext.code-snippets',
  'extension/syntaxes/imr.injection.tmLanguage.json',
].sort();

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a zip file, from its central directory (no zip library needed). */
function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'zip end-of-central-directory record found');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry signature');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function extract(buf: Buffer, e: ZipEntry): Buffer {
  const nameLen = buf.readUInt16LE(e.localOffset + 26);
  const extraLen = buf.readUInt16LE(e.localOffset + 28);
  const start = e.localOffset + 30 + nameLen + extraLen;
  const data = buf.subarray(start, start + e.compressedSize);
  return e.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

let work: string;
let vsix: Buffer;
let entries: ZipEntry[];
let packagingOutput = '';
let seconds = 0;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'imr-package-'));
  // The files `npm run package` reads: sources for the build, the declarative files, the package metadata.
  for (const p of ['package.json', '.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'README.md', 'tsconfig.json', 'scripts/build.mjs', 'server/src', 'client', 'snippets', 'syntaxes', 'schemas', 'docs', 'examples']) {
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(work, p), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  const t0 = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'package', '--silent'], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  seconds = (Date.now() - t0) / 1000;
  packagingOutput = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `npm run package failed:\n${packagingOutput}`);
  vsix = readFileSync(join(work, VSIX_NAME));
  entries = readZip(vsix);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test(`npm run package produces ${VSIX_NAME} offline, under 1 MB`, () => {
  const size = statSync(join(work, VSIX_NAME)).size;
  process.stdout.write(`# packaged ${VSIX_NAME}: ${(size / 1024).toFixed(1)} KB in ${seconds.toFixed(1)} s\n`);
  assert.ok(size < 1024 * 1024, `${VSIX_NAME} is ${size} bytes`);
  assert.ok(size > 50 * 1024, 'the bundles are in it');
});

test('the .vsix holds exactly the run-time files (no sources, maps, tests or node_modules)', () => {
  assert.deepEqual(entries.map((e) => e.name).sort(), EXPECTED);
});

test('the packaged package.json points at the bundled client and contributes what the extension declares', () => {
  const inner = JSON.parse(extract(vsix, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
  assert.equal(inner.main, './dist/client.cjs');
  assert.deepEqual(inner.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.deepEqual(inner.categories, ['Linters']);
  assert.equal(inner.engines.vscode, '^1.91.0');
  for (const c of ['imr.restartServer', 'imr.showOutput', 'imr.fixAll', 'imr.insertDisputedItem']) {
    assert.ok(inner.contributes.commands.some((x: { command: string; category: string }) => x.command === c && x.category === 'IMR'), c);
  }
  const files = new Set(entries.map((e) => e.name));
  for (const s of inner.contributes.snippets) assert.ok(files.has(`extension/${s.path.replace(/^\.\//, '')}`), s.path);
  for (const g of inner.contributes.grammars) assert.ok(files.has(`extension/${g.path.replace(/^\.\//, '')}`), g.path);
  for (const j of inner.contributes.jsonValidation) assert.ok(files.has(`extension/${j.url.replace(/^\.\//, '')}`), j.url);
  const readme = extract(vsix, entries.find((e) => e.name === 'extension/readme.md')!).toString('utf8');
  assert.match(readme, /^# IMR Determination Lint/);
});

test('the bundles need nothing but Node built-ins and the vscode module (the .vsix has no node_modules)', () => {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const [name, allowed] of [
    ['extension/dist/client.cjs', new Set(['vscode'])],
    ['extension/dist/server.cjs', new Set<string>()],
  ] as const) {
    const code = extract(vsix, entries.find((e) => e.name === name)!).toString('utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    const foreign = [...required].filter((m) => !builtins.has(m) && !allowed.has(m));
    assert.deepEqual(foreign, [], `${name} requires modules that are not in the .vsix`);
    assert.ok(!/sourceMappingURL=data:/.test(code), `${name} has no inline source map`);
  }
});
