// The engine surface the benchmark measures. bench.ts bundles this file with esbuild (as dist/ is bundled), so the
// figures are those of the shipped code, not of the file-by-file test build (whose cross-module calls go through
// esbuild's export getters).
export { analyze, findSites } from '../../src/core/analyze';
export { analyzeSnapshot, applyEdit } from '../../src/core/editor/incremental';
export { analyzePrefix, firstSliceEnd } from '../../src/core/editor/prefix';
export { encodingFor } from '../../src/core/cost/estimator';
export { buildTable, lookupModel, sheetFromObject, parseSheet } from '../../src/core/price/sheets';
export { clearTokenMemo, warmTokenizer, isTokenizerReady, countTokens } from '../../src/core/tokenize/token-count';
export { lex } from '../../src/core/lex/lexer';
export { syntaxFor } from '../../src/core/lex/languages';
export { scan, mayHaveCalls } from '../../src/core/scan/scanner';
export { loadShipped } from '../../src/node/sheets';
export { findSourceFiles, readSource } from '../../src/node/files';
export { run } from '../../src/cli/main';
export { scanFilesNow } from '../../src/node/scan-files';
export { diskIndex } from '../../src/node/resolver';
