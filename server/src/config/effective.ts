// What applies to one letter, from its layers. The order (README, "Configuration"), lowest first:
//   built-in defaults < editor settings (user, then workspace: VS Code merges those) < .imr-lint.jsonc
//   < command-line flags.
// The project file outranks the editor's settings so that a letter gets the same findings in the editor
// as in the CLI and CI, which read only the file; markdownlint's extension orders its files the same way.
import { dirname, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { GuidelineTable } from '../guidelines/table.js';
import type { LoadedProjectConfig } from '../io/projectConfigStore.js';
import type { LayoutId } from '../parse/layouts.js';
import type { SeveritySetting } from '../types.js';

export interface Layer {
  rules?: Record<string, SeveritySetting>;
  layout?: LayoutId;
  /** A guideline table this layer sets (undefined: it sets none). */
  table?: GuidelineTable;
}

export interface Effective {
  rules: Record<string, SeveritySetting>;
  layout?: LayoutId;
  table?: GuidelineTable;
  /** Where the table comes from, for --print-config. */
  tableFrom?: 'settings' | 'project' | 'command line';
}

/** Lowest layer first; a rule level, the layout and the table of a higher layer win key by key. */
export function effective(settings: Layer | undefined, project: LoadedProjectConfig, cli?: Layer): Effective {
  const projectLayer: Layer = { rules: project.config.rules, layout: project.config.layout, table: project.table };
  const out: Effective = { rules: {} };
  const layers: [Layer | undefined, Effective['tableFrom']][] = [[settings, 'settings'], [projectLayer, 'project'], [cli, 'command line']];
  for (const [layer, from] of layers) {
    if (!layer) continue;
    Object.assign(out.rules, layer.rules);
    if (layer.layout) out.layout = layer.layout;
    if (layer.table) [out.table, out.tableFrom] = [layer.table, from];
  }
  return out;
}

const matchers = new Map<string, (path: string) => boolean>();

/** The project file's word on a letter: `ignore` globs win over `include`; undefined: it says nothing. */
export function projectChoice(project: LoadedProjectConfig, file: string): 'include' | 'ignore' | undefined {
  if (!project.path) return undefined;
  const rel = relative(dirname(project.path), file).split(sep).join('/');
  if (rel.startsWith('../')) return undefined;
  const hit = (globs: string[]) => globs.some((g) => matcher(g)(rel));
  if (hit(project.config.ignore)) return 'ignore';
  if (hit(project.config.include)) return 'include';
  return undefined;
}

function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    try {
      // A glob without a slash matches a name in any folder ("*.txt"), as .gitignore does.
      m = picomatch(glob, { dot: true, nocase: true, basename: !glob.includes('/') });
    } catch {
      m = () => false; // picomatch rejects few patterns; such a one matches nothing
    }
    if (matchers.size > 500) matchers.clear();
    matchers.set(glob, m);
  }
  return m;
}
