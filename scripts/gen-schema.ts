// Generates the extension's declarative files from their one source (`npm run gen`):
// - package.json `contributes.configuration`, from SettingsSchema (server/src/settings.ts) and the rule registry;
// - schemas/guidelines.schema.json, the JSON Schema of guideline tables, from GuidelineTableSchema;
// - schemas/imr-lint-config.schema.json, the JSON Schema of .imr-lint.jsonc, from ProjectConfigSchema;
// - snippets/<language>.code-snippets, from client/src/snippets.ts.
// `npm run check:gen` (--check) regenerates in memory and exits 1 naming each file that differs from what
// is on disk, so CI fails when someone edits a source and forgets to regenerate (or edits an output by hand).
// Contents are compared, not git state: it works in a fresh clone and with uncommitted edits alike.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { SNIPPETS, snippetFile, type SnippetLanguage } from '../client/src/snippets.ts';
import { GuidelineTableSchema } from '../server/src/guidelines/schema.ts';
import { RULES } from '../server/src/rules/index.ts';
import { SettingsSchema } from '../server/src/settings.ts';
import { ProjectConfigSchema } from '../server/src/config/projectConfig.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECTION = 'imr';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** contributes.configuration: every imr.* setting with type, default, description and limits. */
export function configuration(): JsonObject {
  const schema = z.toJSONSchema(SettingsSchema, { io: 'input', target: 'draft-7' }) as JsonObject;
  const props = schema.properties as Record<string, JsonObject>;
  const properties: JsonObject = {};
  let order = 0;
  for (const [key, p] of Object.entries(props)) {
    const out: JsonObject = { type: p.type, default: p.default ?? null, description: p.description ?? null };
    if (!out.description) throw new Error(`Setting ${SECTION}.${key} has no .describe() in server/src/settings.ts`);
    for (const k of ['enum', 'minimum', 'maximum'] as const) if (p[k] !== undefined) out[k] = p[k];
    if (key === 'rules') {
      // An object whose keys are the rule ids, each an enum of levels, so the settings editor completes both.
      const levels = (p.additionalProperties as JsonObject).enum as Json[];
      const rules: JsonObject = {};
      for (const r of RULES) {
        rules[r.meta.id] = {
          type: 'string',
          enum: levels,
          description: `${r.meta.description} Default: ${r.meta.defaultSeverity}.`,
          markdownDescription: `${r.meta.description} Default: \`${r.meta.defaultSeverity}\`. [Rule documentation](command:imr.showRuleDoc?${encodeURIComponent(JSON.stringify([r.meta.id]))})`,
        };
      }
      out.properties = rules;
      out.additionalProperties = false;
    } else if (p.type === 'object') {
      out.additionalProperties = p.additionalProperties ?? true;
    }
    out.scope = 'resource';
    out.order = order++;
    properties[`${SECTION}.${key}`] = out;
  }
  // Read by vscode-languageclient itself (LanguageClient id "imr"), not by the server.
  properties[`${SECTION}.trace.server`] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    enumDescriptions: ['No trace.', 'Trace the names of the messages.', 'Trace every message with its content.'],
    default: 'off',
    description: 'Traces the communication between VS Code and the IMR language server in the "IMR Determinations" output.',
    scope: 'window',
    order: order++,
  };
  return { title: 'IMR Determinations', properties };
}

/** Descriptions of guideline-table fields (the zod schema documents them in comments); a .describe() wins. */
const TABLE_DESCRIPTIONS: Record<string, string> = {
  '': 'A guideline table for imr-lint: rows that extend or replace the built-in guideline limits, matched by id.',
  $schema: 'The JSON Schema of this file.',
  mtusParts: 'Names of MTUS parts a citation may name ("Chronic Pain Medical Treatment", "Low Back Complaints").',
  rows: 'Guideline rows. A row with the id of a built-in row replaces it; other rows are added.',
  'rows.id': 'Stable id, lower-case letters, digits and dashes. A user row with the id of a built-in row replaces it.',
  'rows.treatment': 'The treatment family this row applies to (rows of one family share their names).',
  'rows.names': 'Words a request uses for this treatment, lower case ("massage therapy", "soft tissue release").',
  'rows.source': 'Where the limit comes from. MTUS rows outrank others (Labor Code 4610.5(c)(2)).',
  'rows.guideline': 'The guideline part and edition, as a citation names them.',
  'rows.guideline.part': 'The guideline part ("Chronic Pain Medical Treatment").',
  'rows.guideline.edition': 'Edition or year ("2009", "2016").',
  'rows.pages': 'Pages of the guideline ("60"), compared with "Page(s):" citations.',
  'rows.sections': 'Sections of the guideline ("Physical medicine treatment"), compared with "Section(s):" citations.',
  'rows.limit': 'The limit as the guideline states it: "9-10 visits over 8 weeks" is {"min": 9, "max": 10, "unit": "visits", "weeks": 8}.',
  'rows.limit.min': 'Lower end of the recommended range.',
  'rows.limit.max': 'Upper end of the recommended range: requests above it are reported.',
  'rows.limit.unit': 'What is counted.',
  'rows.limit.weeks': 'Over how many weeks.',
  'rows.limit.weeksMax': 'Upper end of a range of weeks ("6-8 weeks").',
  'rows.limit.text': "The guideline's own words for the limit, quoted in messages (\"4-6 visits\").",
  'rows.when': 'The row applies only when the item title or clinical summary has every entry; "a|b" means a or b (CRPS, postsurgical...).',
  'rows.unless': 'The row does not apply when the item title has one of these entries; "a|b" means a or b.',
  'rows.checkRequests': 'Compare requested courses with this row\'s limit (rule visits-over-limit).',
  'rows.conditions': 'Conditions of the limit, in words, quoted in messages.',
  'rows.confirmed': 'False until the figure is confirmed from a primary text; such rows only ever produce information.',
  'rows.note': 'A note for people maintaining the table.',
};

/** schemas/guidelines.schema.json, for *.imr-guidelines.json files (contributes.jsonValidation). */
export function guidelinesSchema(): JsonObject {
  const schema = z.toJSONSchema(GuidelineTableSchema, { io: 'input', target: 'draft-7' }) as JsonObject;
  const visit = (node: JsonObject, path: string, describe = true) => {
    // 2^53-1 is zod's way of saying "a safe integer": noise in an editor.
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    const d = TABLE_DESCRIPTIONS[path];
    if (describe && d && node.description === undefined) node.description = d;
    const props = node.properties as Record<string, JsonObject> | undefined;
    if (props) for (const [k, v] of Object.entries(props)) visit(v, path ? `${path}.${k}` : k);
    // The objects of an array of objects take their field names from the array's path (rows[].id is "rows.id").
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) visit(node.items as JsonObject, path, false);
  };
  visit(schema, '');
  return {
    $schema: schema.$schema,
    $comment: 'Generated from GuidelineTableSchema (server/src/guidelines/schema.ts) by scripts/gen-schema.ts: do not edit.',
    title: 'IMR guideline table',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** schemas/imr-lint-config.schema.json, for .imr-lint.jsonc (contributes.jsonValidation): comments allowed. */
export function configSchema(): JsonObject {
  const schema = z.toJSONSchema(ProjectConfigSchema, { io: 'input', target: 'draft-7' }) as JsonObject;
  const props = schema.properties as Record<string, JsonObject>;
  // Each rule by name, with its meaning and default, so that the editor completes ids and levels.
  const levels = ((props.rules as JsonObject).additionalProperties as JsonObject | undefined)?.enum ?? ['off', 'info', 'warning', 'error'];
  props.rules = {
    ...props.rules,
    properties: Object.fromEntries(RULES.map((r) => [r.meta.id, { type: 'string', enum: levels, description: `${r.meta.description} Default: ${r.meta.defaultSeverity}.` }])),
    additionalProperties: false,
  } as JsonObject;
  // The inline table is the guideline-table schema itself.
  props.guidelines = { description: props.guidelines.description ?? null, anyOf: [{ type: 'string', minLength: 1, description: 'Path of a guideline table, relative to this file.' }, guidelinesSchemaBody()] };
  return {
    $schema: schema.$schema,
    $comment: 'Generated from ProjectConfigSchema (server/src/config/projectConfig.ts) by scripts/gen-schema.ts: do not edit.',
    title: 'imr-lint project configuration (.imr-lint.jsonc)',
    allowComments: true,
    allowTrailingCommas: true,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

function guidelinesSchemaBody(): JsonObject {
  const { $schema: _s, $comment: _c, ...rest } = guidelinesSchema();
  return rest;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Each generated file with its expected text; package.json keeps everything but contributes.configuration. */
export function generatedFiles(): { path: string; text: string; same(onDisk: string): boolean }[] {
  const pkgPath = join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const config = configuration();
  pkg.contributes = { ...(pkg.contributes ?? {}), configuration: config };
  const exact = (text: string) => (onDisk: string) => onDisk === text;
  const files = [
    {
      path: pkgPath,
      text: json(pkg),
      // Only the generated block is compared: others may format or edit the rest of package.json.
      same: (onDisk: string) => {
        try {
          return isDeepStrictEqual(JSON.parse(onDisk).contributes?.configuration, config);
        } catch {
          return false;
        }
      },
    },
  ];
  const schemaText = json(guidelinesSchema());
  files.push({ path: join(ROOT, 'schemas', 'guidelines.schema.json'), text: schemaText, same: exact(schemaText) });
  const configText = json(configSchema());
  files.push({ path: join(ROOT, 'schemas', 'imr-lint-config.schema.json'), text: configText, same: exact(configText) });
  for (const lang of ['markdown', 'plaintext'] as SnippetLanguage[]) {
    const text = json(snippetFile(lang));
    files.push({ path: join(ROOT, 'snippets', `${lang}.code-snippets`), text, same: exact(text) });
  }
  return files;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function main(): number {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const f of generatedFiles()) {
    const onDisk = read(f.path);
    const same = onDisk !== undefined && f.same(onDisk);
    const rel = relative(ROOT, f.path);
    if (check) {
      if (!same) stale.push(rel);
    } else if (onDisk !== f.text) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.text);
      console.log(`wrote ${rel}`);
    }
  }
  if (check) {
    if (stale.length) {
      console.error(
        `Generated files are out of date: ${stale.join(', ')}.\n` +
          'They are generated from server/src/settings.ts, server/src/guidelines/schema.ts, the rule registry and client/src/snippets.ts. ' +
          'Run `npm run gen` and commit the result.',
      );
      return 1;
    }
    console.log(`Generated files are up to date (${SNIPPETS.length} snippets, ${RULES.length} rules).`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = main();
