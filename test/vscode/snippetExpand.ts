// A small expander for VS Code snippet syntax (tab stops, placeholders, choices, variables, mirrors and
// transforms with conditional formats), to see what a snippet inserts without an editor. It follows
// VS Code's rules for the parts the IMR snippets use: a mirror ($3) shows the value of the tab stop's
// placeholder; a choice expands to its first option; a transform ${N/regex/format/} is applied only when
// the user leaves tab stop N, so at insertion its mirror shows the raw value (`applyTransforms` gives the
// text after tabbing through). The extension-host suite checks this model against the real editor.
// No `vscode` import: used by node tests and by the extension-host suite alike.

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tab'; index: number; children?: Node[]; choices?: string[]; transform?: Transform }
  | { kind: 'var'; name: string; children?: Node[]; transform?: Transform };

interface Transform {
  regex: string;
  format: string;
  flags: string;
}

export interface ExpandOptions {
  /** Values typed into tab stops, by index (a choice's value is one of its options). */
  values?: Record<number, string>;
  /** The date used for CURRENT_* variables. */
  now?: Date;
  /** Apply ${N/regex/format/} transforms (the text once the user has tabbed through); default: as inserted. */
  applyTransforms?: boolean;
}

export interface Expansion {
  text: string;
  /** Where each tab stop's text ended up (every occurrence, mirrors included), as offsets into `text`. */
  stops: Map<number, { start: number; end: number; text: string }[]>;
}

export function expandSnippet(body: string | string[], options: ExpandOptions = {}): Expansion {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(src).parse();
  const now = options.now ?? new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const variables: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
  };
  // The value of each tab stop: what the user typed, else the first placeholder text or choice found.
  const values = new Map<number, string>();
  for (const [k, v] of Object.entries(options.values ?? {})) values.set(Number(k), v);
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'text') continue;
      if (n.kind === 'tab' && !n.transform && !defaults.has(n.index)) {
        if (n.choices) defaults.set(n.index, n.choices[0]);
        else if (n.children) defaults.set(n.index, n.children);
      }
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);

  const stops = new Map<number, { start: number; end: number; text: string }[]>();
  let out = '';
  const valueOf = (index: number): string => {
    if (values.has(index)) return values.get(index)!;
    const d = defaults.get(index);
    if (d === undefined) return '';
    const v = typeof d === 'string' ? d : renderDetached(d);
    values.set(index, v);
    return v;
  };
  const renderDetached = (list: Node[]): string => {
    const saved = out;
    out = '';
    const savedStops = new Map(stops);
    render(list);
    const r = out;
    out = saved;
    stops.clear();
    for (const [k, v] of savedStops) stops.set(k, v);
    return r;
  };
  const render = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'text') out += n.text;
      else if (n.kind === 'var') {
        const v = variables[n.name];
        const text = v !== undefined ? v : n.children ? renderDetached(n.children) : n.name;
        out += n.transform ? applyTransform(text, n.transform) : text;
      } else {
        const start = out.length;
        const text = n.transform && options.applyTransforms ? applyTransform(valueOf(n.index), n.transform) : valueOf(n.index);
        out += text;
        if (n.index !== 0) {
          const list = stops.get(n.index) ?? [];
          list.push({ start, end: out.length, text });
          stops.set(n.index, list);
        }
      }
    }
  };
  render(nodes);
  return { text: out, stops };
}

function applyTransform(value: string, t: Transform): string {
  const re = new RegExp(t.regex, t.flags.replace(/[^gimsuy]/g, ''));
  return value.replace(re, (...args) => {
    const tail = typeof args[args.length - 1] === 'object' ? 3 : 2; // (match, p1..pn, offset, string[, groups])
    const groups = args.slice(0, -tail) as (string | undefined)[];
    return formatWith(t.format, groups);
  });
}

/** A transform's format string: $1, ${1}, ${1:/upcase}, ${1:+if}, ${1:-else}, ${1:?if:else}, ${1:else}. */
function formatWith(format: string, groups: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      out += format[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const simple = /^\$(\d+)/.exec(format.slice(i));
    if (simple) {
      out += groups[Number(simple[1])] ?? '';
      i += simple[0].length - 1;
      continue;
    }
    const m = /^\$\{(\d+)(?::(\/upcase|\/downcase|\/capitalize|\+[^}]*|-[^}]*|\?[^}]*|[^}]*))?\}/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    const g = groups[Number(m[1])];
    const op = m[2];
    if (op === undefined) out += g ?? '';
    else if (op === '/upcase') out += (g ?? '').toUpperCase();
    else if (op === '/downcase') out += (g ?? '').toLowerCase();
    else if (op === '/capitalize') out += g ? g[0].toUpperCase() + g.slice(1) : '';
    else if (op.startsWith('+')) out += g ? op.slice(1) : '';
    else if (op.startsWith('?')) {
      const [ifText, elseText = ''] = op.slice(1).split(':');
      out += g ? ifText : elseText;
    } else if (op.startsWith('-')) out += g ? g : op.slice(1);
    else out += g ? g : op;
    i += m[0].length - 1;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node[] {
    const nodes = this.nodes(() => false);
    if (this.i < this.s.length) throw new Error(`Unexpected "${this.s[this.i]}" at ${this.i}`);
    return nodes;
  }

  private nodes(stop: () => boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (this.i < this.s.length && !stop()) {
      const c = this.s[this.i];
      if (c === '\\' && /[$}\\]/.test(this.s[this.i + 1] ?? '')) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += '$';
          this.i++;
        }
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const rest = this.s.slice(this.i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { kind: 'tab', index: Number(m[1]) };
    }
    m = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { kind: 'var', name: m[1] };
    }
    m = /^\$\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (!m) return undefined;
    const isTab = /^\d/.test(m[1]);
    const start = this.i;
    this.i += m[0].length;
    const next = this.s[this.i];
    const node: Node = isTab ? { kind: 'tab', index: Number(m[1]) } : { kind: 'var', name: m[1] };
    if (next === '}') {
      this.i++;
      return node;
    }
    if (next === ':') {
      this.i++;
      node.children = this.nodes(() => this.s[this.i] === '}');
      if (this.s[this.i] !== '}') throw new Error(`Unclosed placeholder at ${start}`);
      this.i++;
      return node;
    }
    if (next === '|' && node.kind === 'tab') {
      const close = this.s.indexOf('|}', this.i + 1);
      if (close < 0) throw new Error(`Unclosed choice at ${start}`);
      node.choices = this.s
        .slice(this.i + 1, close)
        .split(/(?<!\\),/)
        .map((x) => x.replace(/\\([,|\\])/g, '$1'));
      this.i = close + 2;
      return node;
    }
    if (next === '/') {
      const parts: string[] = [];
      let cur = '';
      this.i++;
      while (this.i < this.s.length && parts.length < 2) {
        const c = this.s[this.i];
        if (c === '\\' && this.s[this.i + 1] === '/') {
          cur += '/';
          this.i += 2;
        } else if (c === '/') {
          parts.push(cur);
          cur = '';
          this.i++;
        } else {
          cur += c;
          this.i++;
        }
      }
      const close = this.findClose(this.i);
      const flags = this.s.slice(this.i, close);
      this.i = close + 1;
      node.transform = { regex: parts[0] ?? '', format: parts[1] ?? '', flags };
      return node;
    }
    throw new Error(`Bad snippet syntax at ${start}`);
  }

  private findClose(from: number): number {
    const i = this.s.indexOf('}', from);
    if (i < 0) throw new Error(`Unclosed transform at ${from}`);
    return i;
  }
}
