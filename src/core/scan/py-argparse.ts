// Python command-line options declared with argparse: `parser = argparse.ArgumentParser()`,
// `parser.add_argument("--model", default="gpt-4.1-mini")`, `args = parser.parse_args()`, then `args.model` (the form
// of kicofy/SAT-AI-Tutor's scripts, held-out sample 17). The parsed namespace's attribute is the user's value at run
// time, else the `default` the code states, which the lens prices and names ("default of CLI option --model"), as for
// yargs (cli-options.ts). argparse docs (docs.python.org/3/library/argparse.html): add_argument's `default` "The value
// produced if the argument is absent from the command line"; `dest` "is normally supplied by add_argument()": the first
// long option string with its leading -- stripped and other - turned into _, else the first short one's, else the
// positional name, unless `dest=` names it.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { args } from './calls';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** Options read from one file at most. */
const MAX_OPTIONS = 200;

/** `parser.parse_args()` with `parser` a name of a file that imports argparse: its options' stated defaults. */
export function argparseRoot(s: EvalScope, fn: string, names: string[], depth: number): Value | undefined {
  if (s.syn.id !== 'python' || fn !== 'parse_args' || names.length !== 2 || !usesArgparse(s)) return undefined;
  const options = new Map<string, Value>();
  const { toks, match } = s;
  const parser = names[0];
  for (let k = 0; k + 3 < toks.length && options.size < MAX_OPTIONS; k++) {
    if (toks[k].v !== parser || !isId(toks[k]) || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'add_argument' || !isP(toks[k + 3], '(')) continue;
    if (isP(toks[k - 1], '.')) continue;
    const open = k + 3;
    const close = match[open];
    if (close < open) continue;
    const a = args(s, open, close);
    const strings = a.filter((x) => !x.key && x.to === x.from + 1 && toks[x.from].t === T.Str).map((x) => toks[x.from].v);
    const destArg = a.find((x) => x.key === 'dest');
    const dest = destArg && destArg.to === destArg.from + 1 && toks[destArg.from].t === T.Str ? toks[destArg.from].v : destOf(strings);
    const d = a.find((x) => x.key === 'default');
    if (!dest || !d) continue;
    let v = evaluate(s, d.from, d.to, depth + 1);
    if (v?.runtime !== undefined && v.stated) v = v.stated;
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined) || v.holes?.length) continue;
    s.read?.push({ start: toks[k].start, end: toks[close].end });
    const flag = strings.find((x) => x.startsWith('--')) ?? strings[0];
    if (!options.has(dest)) options.set(dest, { ...v, fallback: true, source: { file: s.file, offset: toks[d.from].start, what: `default of CLI option ${flag}` } });
  }
  return { obj: { kind: 'cli', options } };
}

/** argparse's dest for these option strings. */
function destOf(strings: string[]): string | undefined {
  const long = strings.find((x) => x.startsWith('--'));
  const short = strings.find((x) => x.startsWith('-'));
  const name = long ? long.slice(2) : short ? short.replace(/^-+/, '') : strings[0];
  return name ? name.replace(/-/g, '_') : undefined;
}

function usesArgparse(s: EvalScope): boolean {
  const imps = importsOf(s).names;
  const b = imps.get('argparse') ?? imps.get('ArgumentParser');
  return !!b && (b.from === 'argparse' || b.name === 'argparse' || b.from.split('.')[0] === 'argparse');
}
