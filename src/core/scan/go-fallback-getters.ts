// Go getters that fall back to a default when their field is unset: `func (c *Config) model() string { if c.Model != ""
// { return c.Model }; return "gpt-4o-mini" }` called as `Model: a.cfg.model()` (an agent loop's Config), or the test
// inverted, `if c.DefaultModel == "" { return "gpt-3.5-turbo" }; return c.DefaultModel` (a CLI's config.Model()), and
// `if c.MaxTurns > 0 { return c.MaxTurns }; return 20`. The field's value when the package states one, else the default
// the method returns, priced as a default is (`os.Getenv` with a fallback). Read where go-getters.ts reads a getter.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { tables, type Fn } from './scope';
import { receiverOf } from './go-methods';
import { evaluate } from './evaluate';
import { statedSource, type EvalScope, type Value } from './value';

/** Files of a package looked through for the method. */
const MAX_FILES = 200;

/** A fallback getter's field, and its default's tokens [from, to) in `scope`. */
interface Fallback {
  scope: EvalScope;
  field: string;
  from: number;
  to: number;
}

/**
 * `recv.name()` of struct `type` (package in `dir`), read in scope `from`, when the method is a fallback getter: the field's value when
 * `known` gives one that is set, else the default it returns (named `default of shown`); undefined when it is no such
 * method or the default is not known.
 */
export function goFallbackGetter(from: EvalScope, dir: string, type: string, name: string, shown: string, depth: number, known: (field: string) => Value | undefined): Value | undefined {
  const fb = fallbackOf(from, dir, type, name);
  if (!fb) return undefined;
  // The type's, the method's and the field's names decide the reading wherever they are written: an edit of one
  // anywhere in the file takes the keystroke path's full analysis (editor/incremental.ts).
  for (const w of [type, name, fb.field]) from.readNames?.add(w);
  const v = known(fb.field);
  if (v && v.runtime === undefined && !v.fallback && ((v.str !== undefined && v.str !== '') || (v.num !== undefined && v.num !== 0))) return v;
  const d = evaluate(fb.scope, fb.from, fb.to, depth + 1);
  if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
  return { ...d, source: statedSource(fb.scope, `default of ${shown}`, d, fb.scope.toks[fb.from].start), fallback: true };
}

/**
 * The method `name` of `type` in the package's files, when its body is a fallback getter. In `from`'s own file, `from`
 * itself is read (the text being edited, and its read spans for the keystroke path), not the index's copy.
 */
function fallbackOf(from: EvalScope, dir: string, type: string, name: string): Fallback | undefined {
  const idx = from.index;
  const files = dirname(from.file) === dir ? [from.file] : [];
  if (idx) for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) if (f !== from.file) files.push(f);
  for (const f of files) {
    const sc: EvalScope | undefined = f === from.file ? from : idx?.scope(f);
    if (!sc || !sc.text.includes(name) || !sc.text.includes(type)) continue;
    for (const fn of tables(sc).fns.get(name) ?? []) {
      const r = receiverOf(sc, fn);
      if (r?.type !== type || fn.expr || !isP(sc.toks[fn.name + 2], ')')) continue;
      const fb = body(sc, fn, r.name);
      if (fb) {
        sc.read?.push({ start: sc.toks[fn.name].start, end: sc.toks[fn.bodyEnd - 1]?.end ?? sc.text.length });
        return fb;
      }
    }
  }
  return undefined;
}

/**
 * `if R.F != ZERO { return R.F } return D` (`>` for a number), or `if R.F == ZERO { return D } return R.F`, ZERO `""`,
 * `0` or `nil`: the field and D.
 */
function body(s: EvalScope, f: Fn, recv: string): Fallback | undefined {
  const { toks, match } = s;
  const k = f.body;
  const field = (at: number) => (toks[at]?.v === recv && isP(toks[at + 1], '.') && isId(toks[at + 2]) ? toks[at + 2].v : undefined);
  const F = toks[k]?.v === 'if' ? field(k + 1) : undefined;
  const op = toks[k + 4]?.v;
  const zero = toks[k + 5];
  const open = k + 6;
  if (!F || !zero || !(zero.t === T.Str ? zero.v === '' : zero.v === '0' || zero.v === 'nil') || !isP(toks[open], '{') || !(match[open] > open)) return undefined;
  const close = match[open];
  const ret = (a: number, b: number) => toks[a]?.v === 'return' && b > a + 1 && !hasComma(s, a + 1, b);
  // The arm returns the field, the rest the default; or the arm the default, the rest the field.
  if ((op === '!=' || op === '>') && ret(open + 1, close) && field(open + 2) === F && close === open + 5 && ret(close + 1, f.bodyEnd)) return { scope: s, field: F, from: close + 2, to: f.bodyEnd };
  if (op === '==' && ret(open + 1, close) && ret(close + 1, f.bodyEnd) && field(close + 2) === F && f.bodyEnd === close + 5) return { scope: s, field: F, from: open + 2, to: close };
  return undefined;
}

/** A top-level comma in toks[a, b): several results (`return x, nil`), not one value. */
function hasComma(s: EvalScope, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (s.match[k] > k) k = s.match[k];
    else if (isP(s.toks[k], ',')) return true;
  }
  return false;
}
