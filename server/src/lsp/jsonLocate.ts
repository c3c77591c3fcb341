/**
 * The offset of a JSON path (`rows[3].limit.max`) in JSON text, for putting a diagnostic on the value a
 * validation error names. A tolerant scanner, not a validator: on text it cannot follow it returns the
 * deepest position it reached (0 at worst), never throws.
 */
export function locateJsonPath(text: string, path: string): { start: number; end: number } {
  const segments = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = () => {
    const s = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return text.slice(s + 1, i - 1);
  };
  const skipValue = (): void => {
    ws();
    const c = text[i];
    if (c === '"') skipString();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          ws();
          if (text[i] === '"') skipString();
          ws();
          if (text[i] === ':') i++;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else while (i < text.length && !/[,}\]\s]/.test(text[i])) i++;
  };
  let best = { start: 0, end: Math.min(text.length, 1) };
  ws();
  for (const seg of segments) {
    ws();
    if (typeof seg === 'number') {
      if (text[i] !== '[') return best;
      i++;
      for (let k = 0; k < seg; k++) {
        skipValue();
        ws();
        if (text[i] !== ',') return best;
        i++;
      }
      ws();
    } else {
      if (text[i] !== '{') return best;
      i++;
      let found = false;
      while (i < text.length) {
        ws();
        if (text[i] !== '"') return best;
        const keyStart = i;
        const key = skipString();
        ws();
        if (text[i] === ':') i++;
        ws();
        if (key === seg) {
          best = { start: keyStart, end: keyStart + key.length + 2 };
          found = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
      if (!found) return best;
    }
    const s = i;
    skipValue();
    best = typeof seg === 'number' ? { start: s, end: Math.min(i, s + 1) } : best;
    i = s;
  }
  return best;
}
