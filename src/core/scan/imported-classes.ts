// A class this file imports from another module of the workspace by name (Python `from rag_helper import RAGBase`,
// JS `import { Base } from './base'`), for members a subclass reads: `self.model` in
// `class RAGWithUsage(RAGBase)` is what RAGBase's `__init__(…, model='gpt-5.4-mini')` sets (DataTalksClub/llm-zoomcamp
// 04-evaluation/code/evaluation_utils.py, 05-monitoring/code/metrics.py). The module's file name need not be the
// class's (resolve/classes.ts looks for `RAGBase.py` beside the file only).
import { isId } from '../lex/brackets';
import { tables } from './scope';
import { importsOf } from './imported';
import type { EvalScope } from './value';

const CONSTRUCTOR: Record<string, string> = { python: '__init__', javascript: 'constructor' };

/**
 * The module that defines class `cls` imported here, and the offset where its constructor's body ends (where every
 * member it sets is set; a later class of that module does not count), else the end of the module.
 */
export function importedClass(s: EvalScope, cls: string): { scope: EvalScope; at: number } | undefined {
  const idx = s.index;
  const ctor = CONSTRUCTOR[s.syn.id];
  if (!idx || !ctor) return undefined;
  const b = importsOf(s).names.get(cls);
  if (!b || b.name === '*' || b.name === 'default') return undefined;
  s.read?.push(b.span);
  const path = idx.module(s.file, b.from, s.syn.id);
  const other = path ? idx.scope(path) : undefined;
  if (!other || other === s || !tables(other).classes.has(b.name)) return undefined;
  const { toks } = other;
  for (const f of tables(other).fns.get(ctor) ?? []) {
    let k = f.name - 1;
    while (k >= 0 && !(isId(toks[k]) && toks[k].v === 'class' && isId(toks[k + 1]))) k--;
    if (k >= 0 && toks[k + 1].v === b.name && f.bodyEnd > f.body) return { scope: other, at: toks[f.bodyEnd - 1].end };
  }
  return { scope: other, at: Number.MAX_SAFE_INTEGER };
}
