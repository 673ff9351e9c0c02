// The whole pipeline on one screen: scan → tokenize → price → estimate → advise.
import type { AnalyzeOptions, AnalyzedCall, Cancellation, PriceTable, Problem } from './types';

export interface AnalysisResult {
  calls: AnalyzedCall[];
  problems: Problem[];
  /** True when some counts are approximate because the exact tokenizer was not loaded yet. */
  approximate: boolean;
}

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  expectedOutputTokens: 300,
  callsPerMonth: 10_000,
  compareModels: [],
  allowApproximate: false,
};

export function analyze(
  text: string,
  languageId: string,
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  cancel?: Cancellation,
): AnalysisResult {
  void text; void languageId; void file; void table; void options; void cancel;
  throw new Error('not yet');
}
