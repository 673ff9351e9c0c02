// The engine surface the benchmark measures. bench.ts bundles this file with esbuild (as dist/ is bundled), so the
// figures are those of the shipped code, not of the file-by-file test build (whose cross-module calls go through
// esbuild's export getters).
export { analyze, findSites } from '../../src/core/analyze';
export { analyzeSnapshot, applyEdit } from '../../src/core/incremental';
export { analyzePrefix, firstSliceEnd } from '../../src/core/prefix';
export { encodingFor } from '../../src/core/estimator';
export { buildTable, lookupModel, sheetFromObject, parseSheet } from '../../src/core/pricing';
export { clearTokenMemo, warmTokenizer, isTokenizerReady, countTokens } from '../../src/core/tokenizer';
export { lex } from '../../src/core/lexer';
export { syntaxFor } from '../../src/core/languages';
export { scan, mayHaveCalls } from '../../src/core/scanner';
export { loadShipped } from '../../src/node/sheets';
export { findSourceFiles, readSource } from '../../src/node/files';
export { run } from '../../src/cli/main';
