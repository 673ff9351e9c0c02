// Command-line options declared with yargs: `yargs(hideBin(process.argv)).command('review', '…', (y) =>
// y.option('modelString', { type: 'string', default: 'openai:gpt-4.1-mini' }))….parse()` (mattzcarey/code-review-gpt
// src/args.ts). The parsed arguments are an object whose member is the option's value: the user's at run time, else
// the `default` the code states, which is what the lens prices and names ("default of CLI option --modelString").
// yargs: `.option(key, [opt])` / `.options({key: opt})` with `opt.default` "Set a default value for the option"
// (yargs docs/api.md, .option(key, [opt]) and .default(key, value)); `.command(cmd, desc, builder)` with a builder
// function that declares the command's options (docs/api.md, .command()); `.parse()`, `.parseSync()` and `.argv`
// give the parsed arguments; options are also reachable camel-cased (yargs-parser camel-case-expansion, on by default).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { itemEnd } from './zod-schema';
import { evaluate } from './evaluate';
import { argparseRoot } from './py-argparse';
import { typerDefault } from './py-typer';
import { optsCall } from './commander-options';
import type { EvalScope, Value } from './value';

export interface CliObj {
  kind: 'cli';
  /** Option name → its stated default (with where it is written). */
  options: ReadonlyMap<string, Value>;
}

/** Options read from one chain at most. */
const MAX_OPTIONS = 200;

/** `yargs(…)` (the yargs package's default export, called): an options object with none yet, or undefined; Python's
 * `parser.parse_args()` (py-argparse.ts), a Typer option's default (py-typer.ts). */
export function cliRoot(s: EvalScope, fn: string, names: string[], depth: number, open: number, close: number): Value | undefined {
  // A Typer parameter's `typer.Option(default, …)`: that default (py-typer.ts).
  if (s.syn.id === 'python') return argparseRoot(s, fn, names, depth) ?? typerDefault(s, fn, names, open, close, depth);
  if (s.syn.id !== 'javascript') return undefined;
  // commander's `program.opts()` (commander-options.ts).
  if (names.length === 2) return optsCall(s, names, depth);
  if (names.length !== 1) return undefined;
  const b = importsOf(s).names.get(fn);
  return b && b.from === 'yargs' && b.name === 'default' ? { obj: { kind: 'cli', options: new Map() } } : undefined;
}

/** A method of the yargs chain at toks(open, close): the options it declares added; any other method keeps the set. */
export function cliCall(s: EvalScope, base: CliObj, fn: string, open: number, close: number, depth: number): Value {
  const options = new Map(base.options);
  if (fn === 'option' || fn === 'options' || fn === 'positional' || fn === 'command') readOptions(s, open, close, options, depth);
  return { obj: { kind: 'cli', options } };
}

/** `argv.modelString`: the option's stated default (kebab or camel case), the parsed object itself for `.argv`. */
export function cliMember(obj: CliObj, name: string): Value | undefined {
  if (name === 'argv') return { obj };
  const kebab = name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return obj.options.get(name) ?? obj.options.get(kebab) ?? obj.options.get(camel);
}

/**
 * Every `.option('name', { …, default: v })`, `.positional('name', {…})` and `.options({ name: {…} })` between
 * toks(open, close), at any depth: the call's own arguments and a command's builder function alike.
 */
function readOptions(s: EvalScope, open: number, close: number, out: Map<string, Value>, depth: number): void {
  const { toks, match } = s;
  // The method's own call is the first: `option(` at open - 1.
  for (let k = open - 1; k < close && out.size < MAX_OPTIONS; k++) {
    const tk = toks[k];
    if (!isId(tk) || !isP(toks[k + 1], '(') || !(k === open - 1 || isP(toks[k - 1], '.'))) continue;
    const o = k + 1;
    if ((tk.v === 'option' || tk.v === 'positional') && toks[o + 1]?.t === T.Str && isP(toks[o + 2], ',') && isP(toks[o + 3], '{')) {
      stated(s, toks[o + 1].v, o + 3, out, depth);
    } else if (tk.v === 'options' && isP(toks[o + 1], '{') && match[o + 1] > o) {
      const end = match[o + 1];
      for (let j = o + 2; j < end; j = itemEnd(s, j, end) + 1) {
        if ((isId(toks[j]) || toks[j].t === T.Str) && isP(toks[j + 1], ':') && isP(toks[j + 2], '{')) stated(s, toks[j].v, j + 2, out, depth);
      }
    }
  }
}

/** The `default:` of the option object whose `{` is at toks[brace], if the code states one. */
function stated(s: EvalScope, name: string, brace: number, out: Map<string, Value>, depth: number): void {
  const { toks, match } = s;
  const end = match[brace];
  if (end < brace) return;
  for (let k = brace + 1; k < end; k = itemEnd(s, k, end) + 1) {
    if (!isId(toks[k]) || toks[k].v !== 'default' || !isP(toks[k + 1], ':')) continue;
    const v = evaluate(s, k + 2, itemEnd(s, k + 2, end), depth + 1);
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return;
    s.read?.push({ start: toks[brace].start, end: toks[end].end });
    out.set(name, { ...v, fallback: true, source: { file: s.file, offset: toks[k + 2].start, what: `default of CLI option --${name}` } });
    return;
  }
}
