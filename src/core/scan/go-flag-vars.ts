// Go command-line flags bound to a variable or a struct field: `flag.StringVar(&cfg.Model, "model", "gpt-4o-mini",
// "usage")`, then `Model: cfg.Model` in the request (https://pkg.go.dev/flag#StringVar: StringVar(p *string, name
// string, value string, usage string), "p points to a string variable in which to store the value of the flag"; IntVar,
// Int64Var, UintVar, Uint64Var, Float64Var likewise; a FlagSet's methods the same). Cobra's pflag adds a shorthand
// before the default (github.com/spf13/pflag string.go: StringVarP(p *string, name, shorthand string, value string,
// usage string)), as in `cmd.Flags().StringVarP(&model, "model", "m", "gpt-4o", "…")`, and reads a flag declared
// without a variable by its name: `cmd.Flags().StringP("model", "m", "gpt-3.5-turbo", "…")`, then `model, _ :=
// cmd.Flags().GetString("model")` (string.go: StringP(name, shorthand string, value string, usage string) *string,
// GetString(name string) (string, error); MacTynow/chad cmd/prompt.go). The variable holds the default unless the flag
// is given: priced and named as flag.String's default is (calls.ts), a fallback. Flags are read in the file, and for a
// package-level variable or a cobra command, in the package's other files.
import { isId, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { tables } from './scope';
import { LATER } from './links';
import { args } from './calls';
import { evaluate } from './evaluate';
import { goGetterChain } from './go-getters';
import type { EvalScope, Value } from './value';

/** Flags read from one file at most, and a package's files read for flags. */
const MAX_FLAGS = 200;
const MAX_FILES = 64;
/** Names in a bound path (`cfg.LLM.Model`) at most. */
const MAX_PATH = 4;
const BOUND = /^(?:String|Int|Int64|Uint|Uint64|Float64)Var(P?)$/;
const NAMED = /^(?:String|Int|Int64|Uint|Uint64|Float64)(P?)$/;
const GET = /^Get(?:String|Int|Int64|Uint|Uint64|Float64)$/;
const FLAG_SETS = new Set(['Flags', 'PersistentFlags', 'LocalFlags']);
/** The standard library's flag package, pflag, cobra: an import line of one. */
const FLAG_IMPORTS = /"(?:flag|github\.com\/spf13\/(?:pflag|cobra))"/;

/** Words whose edit can change a value read here (editor/reader-words.ts): the declarations and cobra's readers. */
export const GO_FLAG_WORDS = ['String', 'Int', 'Int64', 'Uint', 'Uint64', 'Float64'].flatMap((t) => [`${t}Var`, `${t}VarP`, `${t}P`, `Get${t}`]).concat([...FLAG_SETS]);

interface Flag {
  /** The scope it is declared in, its name token's index, its default's token range. */
  s: EvalScope;
  name: number;
  from: number;
  to: number;
  /** The declaration's extent, read when the default is taken. */
  start: number;
  end: number;
}

/** A file's flags: bound ones by `&path`, cobra's named ones by `"name"`. */
const FLAGS = new WeakMap<Token[], Map<string, Flag>>();

/** The dotted path `a.b.c` written at tokens [i, end), or undefined. */
function pathAt(toks: Token[], i: number, end: number): string | undefined {
  if (!isId(toks[i]) || end - i > 2 * MAX_PATH - 1) return undefined;
  let path = toks[i].v;
  for (let k = i + 1; k < end; k += 2) {
    if (!isP(toks[k], '.') || !isId(toks[k + 1]) || k + 1 >= end) return undefined;
    path += '.' + toks[k + 1].v;
  }
  return path;
}

/** `cmd.Flags().` (or `.PersistentFlags()`) ending at the `.` before token k. */
const onFlagSet = (toks: Token[], k: number) => isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && isP(toks[k - 3], '(') && FLAG_SETS.has(toks[k - 4]?.v);

/** The file's flags. */
function flagsOf(s: EvalScope): Map<string, Flag> {
  const { toks, match } = s;
  let out = FLAGS.get(toks);
  if (out) return out;
  out = new Map();
  FLAGS.set(toks, out);
  if (!s.text.includes('flag') && !s.text.includes('Flags()')) return out;
  for (let k = 1; k + 3 < toks.length && out.size < MAX_FLAGS; k++) {
    const b = BOUND.exec(toks[k].v);
    const n = b ? undefined : NAMED.exec(toks[k].v);
    if ((!b && !n) || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < k) continue;
    if (b ? !isP(toks[k + 2], '&') : !onFlagSet(toks, k) || toks[k + 2].t !== T.Str) continue;
    const a = args(s, k + 1, match[k + 1]);
    const short = (b ?? n)![1] ? 1 : 0;
    if (a.length !== (b ? 4 : 3) + short) continue;
    const key = b ? pathAt(toks, a[0].from + 1, a[0].to) : toks[k + 2].v;
    const [name, d] = b ? [a[1], a[2 + short]] : [a[0], a[1 + short]];
    if (key && !out.has(b ? '&' + key : '"' + key)) out.set(b ? '&' + key : '"' + key, { s, name: name.from, from: d.from, to: d.to, start: toks[k - 1].start, end: toks[match[k + 1]].end });
  }
  return out;
}

/** A file importing a flag package may declare the flag below the first screen's cut (`func init()` at the end): a
 * call that looked for one is left to the full analysis when the word comes after it (editor/prefix.ts). */
function laterFlag(s: EvalScope, word: string): void {
  if (s.forward && FLAG_IMPORTS.test(s.text)) s.forward.add(LATER + word);
}

/** The flag declared as `key` in the file, else (`wide`) in the other files of its package. */
function flagFor(s: EvalScope, key: string, wide: boolean): Flag | undefined {
  const here = flagsOf(s).get(key);
  const idx = s.index;
  if (here || !wide || !idx) return here;
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, MAX_FILES)) {
    if (f === s.file || !(idx.text(f) ?? '').includes(key.slice(1))) continue;
    const sc = idx.scope(f);
    const flag = sc && flagsOf(sc).get(key);
    if (flag) return flag;
  }
  return undefined;
}

/** The flag's default, a fallback named after it. */
function flagDefault(s: EvalScope, flag: Flag, depth: number): Value | undefined {
  const fs = flag.s;
  if (fs === s) s.read?.push({ start: flag.start, end: flag.end });
  const d = evaluate(fs, flag.from, flag.to, depth + 1);
  if (!d || d.runtime !== undefined || d.holes?.length || (d.str === undefined && d.num === undefined) || d.str === '') return undefined;
  const name = evaluate(fs, flag.name, flag.name + 1, depth + 1)?.str ?? '?';
  return { ...d, source: { file: fs.file, offset: fs.toks[flag.from].start, what: `default of flag -${name}`, fallback: true } };
}

/** The default of the flag bound to the name or field path at [i, end) (`cfg.Model`), when the file (or, for a
 * package-level name this file does not bind, its package) binds one. */
export function goFlagVar(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  if (s.syn.id !== 'go' || depth > 8) return undefined;
  const path = pathAt(s.toks, i, end);
  if (!path) return undefined;
  laterFlag(s, path.slice(path.lastIndexOf('.') + 1));
  const flag = flagFor(s, '&' + path, !tables(s).binds.get(s.toks[i].v)?.length);
  // `flag.StringVar(&cfg.Model, "model", cfg.Model, …)`: the value set before stays the default, read as before.
  if (!flag || pathAt(flag.s.toks, flag.from, flag.to) === path) return undefined;
  return flagDefault(s, flag, depth);
}

/** `cmd.Flags().GetString("model")` at [i, end): the default of the flag declared with that name. */
export function goFlagGet(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  const { toks, match } = s;
  const open = end - 1 >= 0 && isP(toks[end - 1], ')') ? match[end - 1] : -1;
  if (s.syn.id !== 'go' || depth > 8 || open < i + 4 || !GET.test(toks[open - 1].v) || !onFlagSet(toks, open - 1) || toks[open + 1]?.t !== T.Str || open + 2 !== end - 1) return undefined;
  laterFlag(s, toks[open + 1].v);
  const flag = flagFor(s, '"' + toks[open + 1].v, true);
  return flag ? flagDefault(s, flag, depth) : undefined;
}

/** A Go chain known only at run time, read another way: getters as the fields they return (go-getters.ts), else the
 * default of the flag bound to it. */
export function goChainValue(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  return goGetterChain(s, i, end, depth) ?? goFlagVar(s, i, end, depth) ?? goFlagGet(s, i, end, depth);
}
