// Whether a rationale argues for going beyond the guideline ("an exception is warranted", "despite the
// guideline"): an Overturned request over a guideline's limit is then a decision the reviewer explained,
// not a contradiction. "No exceptional circumstances" negates it.
const EXCEPTION_RE = /\bexception(?:al|s)?\b|\bextenuating\b|\bexceed(?:s|ing)?\s+(?:the\s+)?guidelines?\b[^.]*\b(?:warranted|reasonable|appropriate|justified|supported)\b|\bdespite\s+(?:the\s+)?guidelines?\b/gi;
const NEGATED_RE = /\b(?:no|not|without|absent|neither|nor|lack\s+of)\b[^.;]{0,40}$/i;

export function statesException(rationale: string): boolean {
  EXCEPTION_RE.lastIndex = 0;
  for (let m = EXCEPTION_RE.exec(rationale); m; m = EXCEPTION_RE.exec(rationale)) {
    if (!NEGATED_RE.test(rationale.slice(Math.max(0, m.index - 60), m.index))) return true;
  }
  return false;
}
