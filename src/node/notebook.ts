// A `.ipynb` file from disk through the notebook reader: the file may be large (outputs hold base64 images), so its
// limit is the notebook's, and the code-size limit applies to the code cells alone.
import type { AnalysisResult } from '../core/analyze';
import { analyzeNotebook, NOTEBOOK_MAX_BYTES } from '../core/notebook/analyze-notebook';
import type { ValueIndex } from '../core/resolve/value-index';
import type { AnalyzeOptions, PriceTable } from '../core/types';
import { DEFAULT_MAX_BYTES, readBytes } from './files';

export { NOTEBOOK_MAX_BYTES };

/**
 * `rel` names the notebook in calls and problems; `maxCodeBytes` bounds its code cells' text (as --max-file-kb);
 * `index` resolves what the cells import, from the notebook's own folder (`file`).
 */
export function analyzeNotebookFile(
  file: string,
  rel: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  maxCodeBytes = DEFAULT_MAX_BYTES,
  index?: ValueIndex,
): AnalysisResult {
  const { bytes, problem } = readBytes(file, Math.max(NOTEBOOK_MAX_BYTES, maxCodeBytes));
  if (!bytes) return { calls: [], problems: problem ? [{ ...problem, file: rel }] : [], approximate: false };
  let json = bytes.toString('utf8');
  if (json.charCodeAt(0) === 0xfeff) json = json.slice(1);
  return analyzeNotebook(json, rel, table, options, undefined, maxCodeBytes, index && { index, path: file });
}
