// A Python class's `__init__` runs when the class is called: `GeminiWriter(model=settings.WRITER_MODEL)` in a factory
// of the same file (venkat2305/vidgenai backend/services/script/script_generator.py, whose generators keep the model in
// `self.model = model`). file-callers.ts reads the constructor's parameters from those calls, as from a function's.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import { enclosingDef } from './runnable-tokens';

/** Tokens walked back from `__init__` to its class's header. */
const MAX_CLASS_WALK = 20000;

/**
 * The class whose `__init__` is named at token `at`, when its objects are made only by calling it: undefined for any
 * other function, and when a class of the file derives from it (a subclass's calls and `super().__init__(…)` pass
 * values this reading does not follow).
 */
export function pyConstructorClass(s: EvalScope, at: number): string | undefined {
  if (s.syn.id !== 'python' || s.toks[at].v !== '__init__') return undefined;
  const name = pyClassOf(s, at);
  if (!name) return undefined;
  // Deriving from it or not hangs on every header's bases: an edit of the name there changes the answer.
  s.readNames?.add(name);
  return derived(s, name) ? undefined : name;
}

/** The class whose block holds the `def` named at token `at` directly, by indentation (method-callers.ts too). */
export function pyClassOf(s: EvalScope, at: number): string | undefined {
  const { toks, text } = s;
  if (s.syn.id !== 'python') return undefined;
  // Which class holds the method hangs on the headers and their indentation: an edit of one changes the answer.
  s.readNames?.add('class');
  // The column of toks[k] when it starts its line, else -1: a line break in the gap before it (only the gap is read,
  // so the walk is linear in the text it passes; a search back from every token was 15% of a 10,000-line file).
  const column = (k: number): number => {
    if (k === 0) return toks[0].start - text.lastIndexOf('\n', toks[0].start - 1) - 1;
    for (let p = toks[k].start - 1; p >= toks[k - 1].end; p--) if (text.charCodeAt(p) === 10) return toks[k].start - p - 1;
    return -1;
  };
  let head = at;
  while (head > 0 && column(head) < 0) head--;
  const indent = column(head);
  // A `def` at the margin is in no class (and the walk back would cross the whole file).
  if (indent <= 0) return undefined;
  // The first line above the `def` indented less than it is the header of the block the method is in.
  for (let k = head - 1; k >= 0 && at - k < MAX_CLASS_WALK; k--) {
    const c = column(k);
    if (c < 0 || c >= indent) continue;
    if (!isId(toks[k]) || toks[k].v !== 'class' || !isId(toks[k + 1])) return undefined;
    return toks[k + 1].v;
  }
  return undefined;
}

/** `class name` at the margin of the module, the name not private: other modules may import it and call it. */
export function pyPublicClass(s: EvalScope, name: string): boolean {
  if (s.syn.id !== 'python' || name.startsWith('_')) return false;
  const { toks, text } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v === 'class' && isId(toks[k]) && toks[k + 1].v === name && (toks[k].start === 0 || text[toks[k].start - 1] === '\n')) return true;
  }
  return false;
}

/** A `class X(…, name, …):` header in the file. */
export function derived(s: EvalScope, name: string): boolean {
  const { toks, match } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'class' || !isId(toks[k + 1]) || !isP(toks[k + 2], '(') || match[k + 2] < k) continue;
    for (let j = k + 3; j < match[k + 2]; j++) if (isId(toks[j]) && toks[j].v === name && !isP(toks[j - 1], '.')) return true;
  }
  return false;
}

/** Of several Python `def`s of one name (two classes' `prompt()`), the last one in the class whose method makes the
 * `self.` call at token `at`; undefined when the call is in no class or no definition is in its class. */
export function ownMethod<F extends { name: number }>(s: EvalScope, defs: F[], at: number): F | undefined {
  if (s.syn.id !== 'python' || defs.length < 2) return undefined;
  const caller = enclosingDef(s, at);
  const cls = caller >= 0 ? pyClassOf(s, caller) : undefined;
  return cls === undefined ? undefined : defs.filter((f) => pyClassOf(s, f.name) === cls).pop();
}
