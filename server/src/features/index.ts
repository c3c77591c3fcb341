// Editor features as pure functions of a lint result (and the guideline table): the language server calls
// them; nothing here does I/O or knows about the editor beyond the LSP types.
export { completionItems, ITEM_LABELS, CA_NO_CITATION, REVIEWER_NO_CITATION } from './completion.js';
export { hoverAt } from './hover.js';
export { documentSymbols } from './symbols.js';
export { foldingRanges } from './folding.js';
export { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS } from './semanticTokens.js';
