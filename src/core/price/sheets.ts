// Price sheets: YAML text or settings objects → validated sheets (checks in sheet-check.ts; the table and lookup
// are in price/table.ts). Pure: text and objects in, plain data out.
// A sheet with any error is rejected whole (problems with file and 1-based line, no sheet), so callers
// keep their last good table. Bad input never throws.
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../util/lazy-yaml';
import type { Problem } from '../types';
import { checkSheet, type LineOf, type ParsedSheet } from './sheet-check';

export type { ParsedSheet } from './sheet-check';

/** Sheets larger than this are refused before parsing. */
const MAX_SHEET_CHARS = 2 * 1024 * 1024;

/** Path → 1-based line, from the YAML node tree (keys give the line of `key:`). */
function lineIndex(root: Node | null | undefined, lc: LineCounter): LineOf {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const lines = new Map<string, number>();
  const lineAt = (n: { range?: [number, number, number] | null } | null | undefined) =>
    n?.range ? lc.linePos(n.range[0]).line : undefined;
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 6 || !node || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === undefined) continue;
        const p = path ? `${path}\u0000${k}` : k;
        const l = lineAt(pair.key as Node) ?? lineAt(pair.value as Node);
        if (l !== undefined && !lines.has(p)) lines.set(p, l);
        walk(pair.value, p, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = `${path}\u0000${i}`;
        const l = lineAt(item as Node);
        if (l !== undefined) lines.set(p, l);
        walk(item, p, depth + 1);
      });
    }
  };
  walk(root, '', 0);
  return (path) => {
    for (let n = path.length; n > 0; n -= 1) {
      const l = lines.get(path.slice(0, n).join('\u0000'));
      if (l !== undefined) return l;
    }
    return undefined;
  };
}

/** Parses and validates one YAML price sheet. Any problem rejects the whole sheet. */
export function parseSheet(text: string, origin: string): { sheet?: ParsedSheet; problems: Problem[] } {
  if (typeof text !== 'string') return { problems: [{ file: origin, message: 'expected the text of a price sheet' }] };
  if (text.length > MAX_SHEET_CHARS) {
    return { problems: [{ file: origin, message: `price sheet is too large (${text.length} characters; the limit is ${MAX_SHEET_CHARS})` }] };
  }
  const lc = new (yaml().LineCounter)();
  let obj: unknown;
  let lineOf: LineOf = () => undefined;
  let doc: Document.Parsed | undefined;
  try {
    doc = yaml().parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      return {
        problems: doc.errors.slice(0, 20).map((e) => ({
          file: origin,
          line: lc.linePos(e.pos[0]).line,
          message: `YAML: ${e.message.split('\n')[0]}`,
        })),
      };
    }
    obj = doc.toJS({ maxAliasCount: 100 });
    lineOf = lineIndex(doc.contents as Node | null, lc);
  } catch (e) {
    // yaml throws on alias bombs (maxAliasCount) and can overflow the stack on absurd nesting.
    const problem: Problem = { file: origin, line: firstAliasLine(doc, lc) ?? 1, message: `YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
    return { problems: [problem] };
  }
  return checkSheet(obj, origin, lineOf, true);
}

/** Line of the first alias (`*name`) in a document: where an alias bomb starts. */
function firstAliasLine(doc: Document.Parsed | undefined, lc: LineCounter): number | undefined {
  if (!doc) return undefined;
  const { visit } = yaml();
  let line: number | undefined;
  try {
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lc.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
  } catch {
    // A document too deep to visit: line 1.
  }
  return line;
}

/** Validates a sheet given as an object (inline settings). `as_of` and `source` are optional there. */
export function sheetFromObject(obj: unknown, origin: string): { sheet?: ParsedSheet; problems: Problem[] } {
  try {
    return checkSheet(obj, origin, () => undefined, false);
  } catch (e) {
    // Getters or proxies in a hostile object.
    return { problems: [{ file: origin, message: `price sheet: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

export { buildTable, isExactTokenizer, lookupModel, otherVendorModel, tokenFactor } from './table';
