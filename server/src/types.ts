// The engine's public contract. Everything here is plain data so that the CLI, the language server and
// tests can share it; nothing imports an editor or does I/O.

/** Offsets into the document text, in UTF-16 code units (JavaScript string indices), end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** LSP-style position: zero-based line, zero-based UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  span: Span;
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, as shown in a quick-fix menu ("Change to 10/22/2009"). */
  title: string;
  edits: TextEdit[];
  /**
   * 'fix': cannot change what the letter decides or asserts, so Fix All, fix on save and `--fix` may apply
   * it. 'suggestion': the reviewer picks it (a verdict, a date, a count, a citation, one of two facts).
   */
  kind: 'fix' | 'suggestion';
  /** The first fix of kind 'fix': `isPreferred` in LSP, the one `--fix` applies. Never a suggestion. */
  preferred?: boolean;
}

export interface RelatedLocation {
  span: Span;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
}

export type LanguageId = 'markdown' | 'plaintext';
