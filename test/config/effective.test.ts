import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { effective, projectChoice } from '../../server/src/config/effective.ts';
import { parseProjectConfig } from '../../server/src/config/projectConfig.ts';
import { defaultGuidelineTable, loadUserGuidelineTable } from '../../server/src/guidelines/table.ts';
import type { LoadedProjectConfig } from '../../server/src/io/projectConfigStore.ts';

const project = (text: string, path = join('/team', '.imr-lint.jsonc')): LoadedProjectConfig => {
  const { config, problems } = parseProjectConfig(text);
  return { path, config, problems, text, table: config.guidelinesTable };
};

test('precedence: settings < project file < command line, rule by rule; what a layer does not name passes through', () => {
  const p = project('{"rules": {"late-decision": "warning", "pronoun-mismatch": "error"}, "layout": "notice-2013"}');
  const settings = { rules: { 'late-decision': 'off' as const, 'age-mismatch': 'off' as const }, layout: 'standard' as const };
  const e = effective(settings, p, { rules: { 'pronoun-mismatch': 'info' } });
  assert.deepEqual(e.rules, { 'late-decision': 'warning', 'age-mismatch': 'off', 'pronoun-mismatch': 'info' });
  assert.equal(e.layout, 'notice-2013', 'the file outranks the settings');
  // No project file: the settings alone.
  assert.deepEqual(effective(settings, project('{}', undefined as never)).rules, settings.rules);
});

test('the guideline table: the highest layer that sets one, and where it came from', () => {
  const mine = loadUserGuidelineTable('{"rows": []}', 'mine.json');
  const inline = project('{"guidelines": {"rows": []}}');
  assert.equal(effective({ table: mine }, project('{}')).tableFrom, 'settings');
  assert.equal(effective({ table: mine }, inline).tableFrom, 'project');
  assert.notEqual(effective({ table: mine }, inline).table, mine);
  assert.equal(effective({ table: mine }, inline, { table: defaultGuidelineTable() }).tableFrom, 'command line');
  assert.equal(effective(undefined, project('{}')).table, undefined, 'none set: the caller uses the built-in table');
});

test('include and ignore globs are relative to the file; ignore wins; a letter outside the folder is not matched', () => {
  const p = project('{"include": ["drafts/**/*.txt", "*.note"], "ignore": ["archive/**", "drafts/old/**"]}');
  assert.equal(projectChoice(p, '/team/drafts/march/a.txt'), 'include');
  assert.equal(projectChoice(p, '/team/deep/x/file.note'), 'include', 'a glob without a slash matches a name anywhere');
  assert.equal(projectChoice(p, '/team/drafts/old/b.txt'), 'ignore');
  assert.equal(projectChoice(p, '/team/archive/2016/c.md'), 'ignore');
  assert.equal(projectChoice(p, '/team/cases/d.md'), undefined);
  assert.equal(projectChoice(p, '/elsewhere/archive/e.md'), undefined);
  assert.equal(projectChoice(project('{"ignore": ["[z-a]"]}'), '/team/x.md'), undefined, 'a glob picomatch rejects matches nothing');
});
