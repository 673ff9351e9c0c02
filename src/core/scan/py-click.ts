// Click command-line options: `@click.option("--model", default="gpt-4o-mini")` above `def main(model, …)`. Click
// calls the function with each option's value, the `default` when the option is not given: the lens prices that
// default, named as one (a fallback), as for argparse (py-argparse.ts) and Typer (py-typer.ts). The parameter an option
// fills is named as Click names it (pallets/click src/click/core.py Option._parse_decls): a declaration without a
// dash is the name; else the longest-prefixed option string (`--max-tokens` before `-m`), dashes turned into `_`,
// lower-cased. `@click.argument("name", default=…)` is named by its declaration.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { args } from './calls';
import { evaluate } from './evaluate';
import { at, statedSource, type EvalScope, type Value } from './value';

/** Tokens walked back from a parameter to its `def`, and decorators read above one. */
const MAX_PARAMS_WALK = 400;
const MAX_DECORATORS = 24;

/** The default of the Click option or argument that fills the parameter named at token `param`, or undefined. */
export function clickDefault(s: EvalScope, param: number, depth: number): Value | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'python' || !usesClick(s)) return undefined;
  let def = param - 1;
  while (def >= 0 && param - def < MAX_PARAMS_WALK && !(toks[def].t === T.Id && toks[def].v === 'def')) def--;
  if (def < 0 || !isP(toks[def + 2], '(') || !(match[def + 2] > param)) return undefined;
  let j = isId(toks[def - 1]) && toks[def - 1].v === 'async' ? def - 1 : def;
  for (let n = 0; n < MAX_DECORATORS && j > 0; n++) {
    // `@a.b(…)` or `@a.b`: back to its `@`.
    const close = isP(toks[j - 1], ')') && match[j - 1] >= 0 && match[j - 1] < j - 1 ? j - 1 : -1;
    let k = close >= 0 ? match[close] - 1 : j - 1;
    const end = k + 1;
    while (k > 0 && (isId(toks[k]) || isP(toks[k], '.'))) k--;
    if (!isP(toks[k], '@')) return undefined;
    const names = [];
    for (let x = k + 1; x < end; x++) if (isId(toks[x])) names.push(toks[x].v);
    const kind = close >= 0 ? clickDecorator(s, names) : undefined;
    if (kind) {
      const open = match[close];
      const a = args(s, open, close);
      const decls = a.filter((x) => !x.key && x.to === x.from + 1 && toks[x.from].t === T.Str).map((x) => toks[x.from].v);
      const d = a.find((x) => x.key === 'default');
      if (d && nameOf(decls, kind) === toks[param].v) {
        s.read?.push({ start: toks[k].start, end: toks[close].end });
        const v = evaluate(s, d.from, d.to, depth + 1);
        if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined) || v.holes?.length) return undefined;
        const flag = decls.find((x) => x.startsWith('--')) ?? decls[0];
        return { ...v, source: { ...statedSource(s, `default of CLI ${kind} ${flag}`, v, at(s, d.from)), fallback: true } };
      }
    }
    j = k;
  }
  return undefined;
}

/** `click.option` / `click.argument`, or the names imported from click. */
function clickDecorator(s: EvalScope, names: string[]): 'option' | 'argument' | undefined {
  const fn = names[names.length - 1];
  if (fn !== 'option' && fn !== 'argument') return undefined;
  const b = importsOf(s).names.get(names[0]);
  if (!b || b.from.split('.')[0] !== 'click' && b.name !== 'click') return undefined;
  return names.length === 2 || (names.length === 1 && b.name === fn) ? fn : undefined;
}

/** The parameter Click passes the value as. */
function nameOf(decls: string[], kind: 'option' | 'argument'): string | undefined {
  if (kind === 'argument') return decls[0]?.replace(/-/g, '_').toLowerCase();
  const bare = decls.find((x) => !x.startsWith('-'));
  if (bare) return bare;
  const prefix = (x: string) => x.length - x.replace(/^-+/, '').length;
  const best = [...decls].sort((a, b) => prefix(b) - prefix(a))[0];
  return best?.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();
}

function usesClick(s: EvalScope): boolean {
  for (const b of importsOf(s).names.values()) if (b.from.split('.')[0] === 'click' || b.name === 'click') return true;
  return false;
}
