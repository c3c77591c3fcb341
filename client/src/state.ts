// The client's decisions, as pure functions (no `vscode` import) so that node tests can check them:
// what the status bar shows for a document, and how settings are filtered in an untrusted workspace.
import type { LintStatusParams } from '../../server/src/lsp/protocol.js';

/** A lint that takes longer than this shows a spinner; quicker ones never flicker the status bar. */
export const SPINNER_DELAY_MS = 200;

export interface DocStatus {
  version: number;
  busy: boolean;
  /** When the running lint started (ms). */
  busySince: number;
  /** The last finished lint of this document (shown while the next one runs). */
  done?: { version: number; errors: number; warnings: number; infos: number; determination: boolean; items: number; upheld: number; overturned: number };
}

/** The next status of a document after a LINT_STATUS notification; undefined: ignore it (an older version). */
export function nextStatus(prev: DocStatus | undefined, p: LintStatusParams, now: number): DocStatus | undefined {
  if (prev && p.version < prev.version) return undefined;
  if (p.busy) {
    return { version: p.version, busy: true, busySince: prev?.busy && prev.version === p.version ? prev.busySince : now, done: prev?.done };
  }
  return {
    version: p.version,
    busy: false,
    busySince: 0,
    done: {
      version: p.version,
      errors: p.errors ?? 0,
      warnings: p.warnings ?? 0,
      infos: p.infos ?? 0,
      determination: p.determination !== false,
      items: p.items ?? 0,
      upheld: p.upheld ?? 0,
      overturned: p.overturned ?? 0,
    },
  };
}

export interface StatusView {
  visible: boolean;
  text: string;
  tooltip: string;
  /** Render again after this many ms (the spinner delay of a running lint). */
  recheckInMs?: number;
}

const HIDDEN: StatusView = { visible: false, text: '', tooltip: '' };

/** What the status bar item shows for the active document's status at time `now`. */
export function statusView(s: DocStatus | undefined, now: number): StatusView {
  if (!s) return HIDDEN;
  let recheckInMs: number | undefined;
  if (s.busy) {
    const waited = now - s.busySince;
    if (waited >= SPINNER_DELAY_MS) return { visible: true, text: '$(sync~spin) IMR', tooltip: 'IMR: checking the determination…' };
    recheckInMs = SPINNER_DELAY_MS - waited; // meanwhile the last result stays, so quick lints never flicker
  }
  const d = s.done;
  if (!d || !d.determination) return { ...HIDDEN, recheckInMs }; // not known yet, or not a determination
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  // The decision, which VS Code shows nowhere else; the problem counts are its own counter's, so they
  // stay in the tooltip.
  const pending = d.items - d.upheld - d.overturned;
  const verdicts = [d.upheld ? `${d.upheld} Upheld` : '', d.overturned ? `${d.overturned} Overturned` : '', pending ? `${pending} without a verdict` : ''].filter(Boolean);
  const text = d.items === 0 ? '$(law) IMR: no disputed item yet' : `$(law) ${plural(d.items, 'item')}: ${verdicts.join(', ')}`;
  const tooltip = `IMR determination: ${plural(d.errors, 'error')}, ${plural(d.warnings, 'warning')}, ${d.infos} information. Click to open the Problems view.`;
  return { visible: true, text, tooltip, recheckInMs };
}

/**
 * A configuration value as the server may see it in an untrusted workspace: imr.guidelines (a path to a
 * file the server would read) replaced by the user's own value, wherever it sits in `value` (the value of
 * `section`: the whole configuration, the imr section or imr.guidelines itself).
 */
export function withUserGuidelines(settingsSection: string, section: string | undefined, value: unknown, userGuidelines: string): unknown {
  if (section === `${settingsSection}.guidelines`) return userGuidelines;
  if (section === settingsSection) {
    return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>), guidelines: userGuidelines } : value;
  }
  if ((section === undefined || section === '') && value && typeof value === 'object') {
    const all = value as Record<string, unknown>;
    const own = all[settingsSection];
    if (own && typeof own === 'object') return { ...all, [settingsSection]: { ...(own as Record<string, unknown>), guidelines: userGuidelines } };
  }
  return value;
}

/**
 * Whether what was just typed at the start of a line is the snippets' prefix ("imr"): then the suggestions
 * open with the IMR snippets, although Markdown's quick suggestions are off. Only at a line's start, so a
 * word "imr" in a sentence never opens anything.
 */
export function typedSnippetPrefix(lineBeforeCursor: string): boolean {
  return /^[ \t]*imr$/i.test(lineBeforeCursor);
}
