// The generated declarative files (package.json contributes.configuration, schemas/guidelines.schema.json,
// snippets/*.code-snippets) match their sources, and say what they should.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { GuidelineTableSchema } from '../server/src/guidelines/schema.ts';
import { defaultGuidelineTable, RULES } from '../server/src/index.ts';
import { SettingsSchema } from '../server/src/settings.ts';
import { configSchema, configuration, generatedFiles, guidelinesSchema } from '../scripts/gen-schema.ts';
import { ROOT } from './helpers/shared.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;

function runCheck(cwd: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(cwd, 'scripts', 'gen-schema.ts'), '--check'], { cwd, encoding: 'utf8' });
}

test('npm run check:gen: the committed files are what the generator writes (no drift)', () => {
  const r = runCheck(ROOT);
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /up to date/);
  for (const f of generatedFiles()) assert.ok(f.same(readFileSync(f.path, 'utf8')), f.path);
});

test('check mode fails with exit 1 and names the files that drifted', () => {
  const work = mkdtempSync(join(tmpdir(), 'imr-gen-'));
  try {
    for (const p of ['package.json', 'scripts/gen-schema.ts', 'server/src', 'client/src', 'schemas', 'snippets']) cpSync(join(ROOT, p), join(work, p), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const copy = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8'));
    copy.contributes.configuration.properties['imr.debounceMs'].default = 999;
    writeFileSync(join(work, 'package.json'), JSON.stringify(copy, null, 2));
    writeFileSync(join(work, 'schemas', 'guidelines.schema.json'), '{}\n');
    const r = runCheck(work);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /out of date: package\.json, schemas\/guidelines\.schema\.json\./);
    assert.match(r.stderr, /npm run gen/);
    // Formatting elsewhere in package.json is not drift: only the generated block is compared.
    const restored = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    writeFileSync(join(work, 'package.json'), JSON.stringify(restored));
    writeFileSync(join(work, 'schemas', 'guidelines.schema.json'), readFileSync(join(ROOT, 'schemas', 'guidelines.schema.json')));
    assert.equal(runCheck(work).status, 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('every setting has a type and a description; each SettingsSchema key and imr.trace.server is there', () => {
  const keys = Object.keys(SettingsSchema.shape).map((k) => `imr.${k}`);
  assert.deepEqual(Object.keys(props).sort(), [...keys, 'imr.trace.server'].sort());
  for (const [key, p] of Object.entries(props)) {
    assert.ok(p.type, `${key} has a type`);
    assert.ok(typeof (p.description ?? p.markdownDescription) === 'string' && String(p.description ?? p.markdownDescription).length > 10, `${key} has a description`);
    assert.ok('default' in p, `${key} has a default`);
  }
  assert.deepEqual(props['imr.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.deepEqual(props['imr.run'].enum, ['onType', 'onSave']);
  assert.equal(props['imr.debounceMs'].type, 'integer');
  assert.equal(props['imr.debounceMs'].minimum, 0);
  assert.equal(props['imr.debounceMs'].maximum, 5000);
  // Defaults in package.json are the server's defaults.
  const defaults = SettingsSchema.parse({});
  for (const [k, v] of Object.entries(defaults)) assert.deepEqual(props[`imr.${k}`].default, v, `imr.${k} default`);
});

test('every rule id appears under imr.rules, with the four levels and a description', () => {
  const rules = props['imr.rules'].properties as Record<string, { enum: string[]; description: string; markdownDescription: string }>;
  assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.meta.id).sort());
  for (const [id, r] of Object.entries(rules)) {
    assert.deepEqual(r.enum, ['off', 'info', 'warning', 'error'], id);
    assert.ok(r.description.length > 10, id);
    // A command link: the page ships in the extension and opens in the Markdown preview, with no network.
    assert.ok(r.markdownDescription.endsWith(`[Rule documentation](command:imr.showRuleDoc?${encodeURIComponent(JSON.stringify([id]))})`), id);
  }
  assert.equal(props['imr.rules'].additionalProperties, false);
});

test('configuration() is stable and the guideline schema is draft-07 with descriptions', () => {
  assert.deepEqual(configuration(), pkg.contributes.configuration);
  const schema = guidelinesSchema();
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const onDisk = JSON.parse(readFileSync(join(ROOT, 'schemas', 'guidelines.schema.json'), 'utf8'));
  const row = onDisk.properties.rows.items as { properties: Record<string, { description?: string }>; required: string[] };
  assert.deepEqual(onDisk, schema);
  for (const k of Object.keys(row.properties)) assert.ok(row.properties[k].description, `rows[].${k} has a description`);
  assert.deepEqual([...row.required].sort(), ['confirmed', 'guideline', 'id', 'names', 'source', 'treatment']);
  // The schema describes what the engine accepts: zod's own JSON Schema, plus descriptions.
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description' && k !== '$comment' && k !== 'title' && k !== 'maximum').map(([k, x]) => [k, strip(x)])) : v;
  assert.deepEqual(strip(onDisk), strip(z.toJSONSchema(GuidelineTableSchema, { io: 'input', target: 'draft-7' })));
});

test('package.json wires the schema to guideline-table file names, and the built-in table is valid against the engine schema', () => {
  assert.deepEqual(pkg.contributes.jsonValidation, [
    { fileMatch: ['*.imr-guidelines.json', 'imr-guidelines.json'], url: './schemas/guidelines.schema.json' },
    { fileMatch: ['.imr-lint.jsonc'], url: './schemas/imr-lint-config.schema.json' },
  ]);
  assert.ok(defaultGuidelineTable());
  // A documented example table (README) passes the zod schema the JSON Schema was generated from.
  const example = { rows: [{ id: 'massage-mtus', treatment: 'massage therapy', names: ['massage therapy', 'massage'], source: 'MTUS', guideline: { part: 'Chronic Pain Medical Treatment', edition: '2009' }, pages: ['60'], limit: { min: 4, max: 6, unit: 'visits', text: '4-6 visits' }, checkRequests: true, confirmed: true }] };
  assert.ok(GuidelineTableSchema.safeParse(example).success);
});

test('the .imr-lint.jsonc schema: comments allowed, every rule with its levels, the inline table is the table schema', () => {
  const schema = configSchema();
  assert.equal(schema.allowComments, true);
  assert.equal(schema.additionalProperties, false);
  const props = schema.properties as Record<string, any>;
  assert.deepEqual(Object.keys(props).sort(), ['$schema', 'guidelines', 'ignore', 'include', 'layout', 'rules']);
  assert.deepEqual(Object.keys(props.rules.properties).sort(), RULES.map((r) => r.meta.id).sort());
  assert.deepEqual(props.rules.properties['late-decision'].enum, ['off', 'info', 'warning', 'error']);
  assert.deepEqual(props.guidelines.anyOf[1].required, guidelinesSchema().required);
  assert.deepEqual(props.layout.enum, ['auto', 'standard', 'notice-2013', 'documents-reviewed', 'professional-review']);
});

test('package.json: extension fields', () => {
  assert.equal(pkg.main, './dist/client.cjs');
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.deepEqual(pkg.categories, ['Linters']);
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.91.0');
  assert.deepEqual(pkg.contributes.snippets.map((s: { language: string }) => s.language), ['markdown', 'plaintext']);
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['imr.guidelines']);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'IMR');
  assert.ok(!/test:vscode/.test(pkg.scripts.test), 'npm test does not run the extension-host suite');
});
