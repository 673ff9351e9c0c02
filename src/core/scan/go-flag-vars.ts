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
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { tables } from './scope';
import { LATER } from './links';
import { args } from './calls';
import { evaluate } from './evaluate';
import { goGetterChain } from './go-getters';
import { goTemplateOutput } from './go-text-template';
import { serpentOption, SERPENT_WORDS } from './go-serpent';
import { urfaveFlag, URFAVE_WORDS } from './go-urfave-flags';
import { goFieldMethodValue } from './go-methods';
import type { EvalScope, Value } from './value';
import type { BoundFlag } from './go-struct-flags';

/** Flags read from one file at most, and a package's files read for flags. */
const MAX_FLAGS = 200;
const MAX_FILES = 64;
/** Names in a bound path (`cfg.LLM.Model`) at most. */
const MAX_PATH = 4;
const BOUND = /^(?:String|Int|Int64|Uint|Uint64|Float64)Var(P?)$/;
const NAMED = /^(?:String|Int|Int64|Uint|Uint64|Float64)(P?)$/;
const GET = /^Get(?:String|Int|Int64|Uint|Uint64|Float64)$/;
const FLAG_SETS = new Set(['Flags', 'PersistentFlags', 'LocalFlags']);
/** The standard library's flag package, pflag, cobra, serpent: an import line of one. */
const FLAG_IMPORTS = /"(?:flag|github\.com\/spf13\/(?:pflag|cobra)|github\.com\/coder\/serpent|github\.com\/urfave\/cli(?:\/v[23])?)"/;

/** Words whose edit can change a value read here (editor/reader-words.ts): the declarations and cobra's readers. */
export const GO_FLAG_WORDS = ['String', 'Int', 'Int64', 'Uint', 'Uint64', 'Float64'].flatMap((t) => [`${t}Var`, `${t}VarP`, `${t}P`, `Get${t}`]).concat([...FLAG_SETS, ...SERPENT_WORDS, ...URFAVE_WORDS]);

/** A flag: the scope it is declared in, its name token, its default's token range, the declaration's extent (flag.XVar,
 * cobra's flags, and the struct literals of go-struct-flags.ts). */
type Flag = Omit<BoundFlag, 'path'> & { s: EvalScope };

/** A file's flags: bound ones by `&path`, cobra's named ones by `"name"` (each command's function may declare its own
 * `"model"` flag with another default: summaraizer's five provider commands in one file). */
const FLAGS = new KeyMemo<Token[], Map<string, Flag[]>>();
/** Flags of one name kept per file. */
const MAX_SAME = 16;

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

/** A flag's name: a literal, or a constant holding one (`aiFlagModel string = "model"` in a `const` block, then
 * `cmd.Flags().String(aiFlagModel, "gpt-3.5-turbo", …)` and `GetString(aiFlagModel)`: ioki-mobility/summaraizer
 * internal/cli/cli.go). */
function flagName(s: EvalScope, from: number, to: number): string | undefined {
  const t = s.toks[from];
  if (to !== from + 1) return undefined;
  if (t.t === T.Str) return t.holes?.length ? undefined : t.v;
  const v = isId(t) ? evaluate(s, from, to, 7) : undefined;
  return v && v.runtime === undefined && !v.holes?.length && v.str ? v.str : undefined;
}

/** The file's flags. */
function flagsOf(s: EvalScope): Map<string, Flag[]> {
  const { toks, match } = s;
  let out = FLAGS.get(toks);
  if (out) return out;
  out = new Map();
  FLAGS.set(toks, out);
  if (!s.text.includes('flag') && !s.text.includes('Flags()') && !s.text.includes('serpent.') && !s.text.includes('Flag{')) return out;
  for (let k = 1; k + 3 < toks.length && out.size < MAX_FLAGS; k++) {
    // coder/serpent `Value: serpent.StringOf(&opts.model)` (go-serpent.ts); urfave/cli `&cli.IntFlag{Name: …,
    // Destination: &cfg.maxToken, Value: 3000}` (go-urfave-flags.ts).
    const lit = toks[k].v.endsWith('Of') ? serpentOption(s, k, (i, end) => pathAt(toks, i, end))
      : toks[k].v.endsWith('Flag') ? urfaveFlag(s, k, (i, end) => pathAt(toks, i, end)) : undefined;
    if (lit) {
      const had = out.get('&' + lit.path) ?? [];
      if (had.length < MAX_SAME) out.set('&' + lit.path, [...had, { s, name: lit.name, from: lit.from, to: lit.to, start: lit.start, end: lit.end, numeric: lit.numeric }]);
      continue;
    }
    const b = BOUND.exec(toks[k].v);
    const n = b ? undefined : NAMED.exec(toks[k].v);
    if ((!b && !n) || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < k) continue;
    if (b ? !isP(toks[k + 2], '&') : !onFlagSet(toks, k) || (toks[k + 2].t !== T.Str && !isId(toks[k + 2]))) continue;
    const a = args(s, k + 1, match[k + 1]);
    const short = (b ?? n)![1] ? 1 : 0;
    if (a.length !== (b ? 4 : 3) + short) continue;
    const key = b ? pathAt(toks, a[0].from + 1, a[0].to) : flagName(s, a[0].from, a[0].to);
    const [name, d] = b ? [a[1], a[2 + short]] : [a[0], a[1 + short]];
    const list = key ? out.get(b ? '&' + key : '"' + key) ?? [] : [];
    if (key && list.length < MAX_SAME) out.set(b ? '&' + key : '"' + key, [...list, { s, name: name.from, from: d.from, to: d.to, start: toks[k - 1].start, end: toks[match[k + 1]].end }]);
  }
  return out;
}

/** A file importing a flag package may declare the flag below the first screen's cut (`func init()` at the end): a
 * call that looked for one is left to the full analysis when the word comes after it (editor/prefix.ts). */
function laterFlag(s: EvalScope, word: string): void {
  if (!s.forward) return;
  // Once a file: the search of its whole text was made at each flag looked for (1.6% of the bench's Go file).
  let imports = FLAG_FILES.get(s.toks);
  if (imports === undefined) FLAG_FILES.set(s.toks, (imports = FLAG_IMPORTS.test(s.text)));
  if (imports) s.forward.add(LATER + word);
}

/** Per file (its tokens), whether it imports a flag package. */
const FLAG_FILES = new KeyMemo<object, boolean>();

/** The `{` of the outermost block holding token `at` (the top-level function's body), or -1. */
function outerOpen(s: EvalScope, at: number): number {
  const { toks, match } = s;
  let open = -1;
  for (let k = at - 1; k >= 0; k--) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '{') && match[k] > at) open = k;
  }
  return open;
}

/** One of the flags of a name: the only one, else a named flag declared in the top-level function that reads it at
 * token `at` (the command's `RunE` closure reads what its own function declares); none when that does not decide. */
function oneOf(s: EvalScope, list: Flag[] | undefined, key: string, at: number): Flag | undefined {
  if (!list?.length || list.length === 1 || key[0] === '&') return list?.[0];
  const open = at >= 0 && list[0].s === s ? outerOpen(s, at) : -1;
  const close = open >= 0 ? s.match[open] : -1;
  const mine = open >= 0 ? list.filter((f) => s.toks[f.name].start > s.toks[open].start && s.toks[f.name].start < s.toks[close].start) : [];
  return mine.length === 1 ? mine[0] : undefined;
}

/** The flag declared as `key` in the file, else (`wide`) in the other files of its package; `at` the token reading it. */
function flagFor(s: EvalScope, key: string, wide: boolean, at = -1): Flag | undefined {
  const here = flagsOf(s).get(key);
  const idx = s.index;
  if (here || !wide || !idx) return oneOf(s, here, key, at);
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, MAX_FILES)) {
    if (f === s.file || !(idx.text(f) ?? '').includes(key.slice(1))) continue;
    const sc = idx.scope(f);
    const list = sc && flagsOf(sc).get(key);
    if (list) return oneOf(sc, list, key, -1);
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
  if (flag.numeric && !/^\d+$/.test(d.str ?? '')) return undefined;
  const { str, ...rest } = d;
  return { ...(flag.numeric ? { ...rest, num: Number(str) } : d), source: { file: fs.file, offset: fs.toks[flag.from].start, what: `default of flag -${name}`, fallback: true } };
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
  if (s.syn.id !== 'go' || depth > 8 || open < i + 4 || !GET.test(toks[open - 1].v) || !onFlagSet(toks, open - 1) || open + 2 !== end - 1) return undefined;
  const key = flagName(s, open + 1, open + 2);
  if (key === undefined) return undefined;
  laterFlag(s, key);
  const flag = flagFor(s, '"' + key, true, open);
  return flag ? flagDefault(s, flag, depth) : undefined;
}

/** A Go chain known only at run time, read another way: getters as the fields they return (go-getters.ts), else the
 * default of the flag bound to it, else a text/template's output (go-text-template.ts), else what a method of a
 * receiver field's type returns (go-methods.ts). */
export function goChainValue(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  return goGetterChain(s, i, end, depth) ?? goFlagVar(s, i, end, depth) ?? goFlagGet(s, i, end, depth) ?? goTemplateOutput(s, i, end, depth) ?? goFieldMethodValue(s, i, end, depth);
}
