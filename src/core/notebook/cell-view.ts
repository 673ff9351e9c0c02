// One cell's view of its notebook's analysis: the calls whose anchor lies in the cell, with every offset made
// relative to the cell's own text (an editor shows each cell as a document of its own). A span that lies in another
// cell (a model constant set in an earlier cell) falls outside [0, cell length]; `cellSpan` finds its cell again.
import type { AnalysisResult } from '../analyze';
import type { AnalyzedCall, CallSite, PromptPart, Span, ValueSource } from '../types';
import { cellLine, segmentAt, type JoinedCells, type Segment } from './cells';

const shiftSpan = (s: Span, by: number): Span => ({ start: s.start - by, end: s.end - by });

/**
 * A value defined in the notebook itself (no `file`): analyze named its cell and line there (a constant in cell 2 read
 * by a call in cell 4); its offset, of the joined text, is made the cell's.
 */
function placeSource(joined: JoinedCells, src: ValueSource | undefined): ValueSource | undefined {
  if (!src || src.file !== undefined || src.cell === undefined) return src;
  const seg = joined.segments.find((s) => s.cell === src.cell);
  return seg ? { ...src, offset: src.offset - seg.start } : src;
}

/** Every offset a call site holds: its spans and the limit insertion point; its values' sources placed in their cells. */
function shiftSite(site: CallSite, by: number, joined: JoinedCells): CallSite {
  const part = (p: PromptPart): PromptPart => {
    const out: PromptPart = { ...p, span: shiftSpan(p.span, by) };
    if (p.source) out.source = placeSource(joined, p.source);
    return out;
  };
  const out: CallSite = { ...site, span: shiftSpan(site.span, by), anchor: shiftSpan(site.anchor, by), parts: site.parts.map(part) };
  if (site.model) out.model = { ...site.model, span: shiftSpan(site.model.span, by), ...(site.model.source ? { source: placeSource(joined, site.model.source) } : {}) };
  if (site.maxOutput) out.maxOutput = { ...site.maxOutput, span: shiftSpan(site.maxOutput.span, by), ...(site.maxOutput.source ? { source: placeSource(joined, site.maxOutput.source) } : {}) };
  if (site.limitInsertion) out.limitInsertion = { ...site.limitInsertion, offset: site.limitInsertion.offset - by };
  return out;
}

export function cellView(result: AnalysisResult, joined: JoinedCells, cell: number): AnalysisResult {
  const seg = joined.segments.find((s) => s.cell === cell);
  if (!seg) return { calls: [], problems: [], approximate: result.approximate };
  const inCell = (c: AnalyzedCall) => c.site.anchor.start >= seg.start && c.site.anchor.start <= seg.start + seg.length;
  const calls = result.calls.filter(inCell).map((c): AnalyzedCall => ({ ...c, site: shiftSite(c.site, seg.start, joined), cell, line: c.line - seg.firstLine + 1 }));
  const problems = result.problems.flatMap((p) => {
    const at = p.line === undefined ? undefined : cellLine(joined, p.line);
    return at?.cell === cell ? [{ ...p, cell, line: at.line }] : [];
  });
  return { calls, problems, approximate: result.approximate };
}

/** A span given relative to cell `from` → the cell holding it and the span relative to that cell. */
export function cellSpan(joined: JoinedCells, from: number, span: Span): { cell: number; span: Span } | undefined {
  const base = joined.segments.find((s) => s.cell === from);
  if (!base) return undefined;
  const start = span.start + base.start;
  const end = span.end + base.start;
  const seg: Segment | undefined = segmentAt(joined, start);
  if (!seg || end > seg.start + seg.length) return undefined;
  return { cell: seg.cell, span: { start: start - seg.start, end: end - seg.start } };
}
