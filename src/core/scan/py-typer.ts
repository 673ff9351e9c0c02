// Typer command-line parameters: `def main(model: str = typer.Option("gpt-4o-mini", help=…))`. What runs when the
// option is not given is the default, Typer's first positional argument or `default=` (fastapi/typer typer/params.py:
// `def Option(default: Optional[Any] = ..., *param_decls: str, …)`, `def Argument(default: Optional[Any] = ..., *, …)`;
// `...` marks it required). Priced as that default, named as one (a fallback: the user's value replaces it), as Go's
// `flag.String` default is (calls.ts); an empty one (`typer.Argument("")`) stays run time. A caller in another module passing the parameter on (`complete(model=model)`)
// reads it the same way (file-callers.ts).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { importsOf } from './imported';
import { args } from './calls';
import { evaluate } from './evaluate';
import { at, statedSource, type EvalScope, type Value } from './value';

/** `typer.Option(…)` / `typer.Argument(…)` (or the names imported from typer) at toks(open, close): its default. */
export function typerDefault(s: EvalScope, fn: string, names: string[], open: number, close: number, depth: number): Value | undefined {
  if ((fn !== 'Option' && fn !== 'Argument') || !fromTyper(s, names)) return undefined;
  const a = args(s, open, close);
  const d = a.find((x) => x.key === 'default') ?? (a[0]?.key === undefined ? a[0] : undefined);
  // `typer.Option(...)`: required, no default.
  if (!d || (d.to === d.from + 1 && s.toks[d.from].t === T.Punct && s.toks[d.from].v === '...')) return undefined;
  const v = evaluate(s, d.from, d.to, depth + 1);
  if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
  // `typer.Argument("")`: nothing given stands for the user's text (a prompt), not an empty one.
  if (v.str === '') return undefined;
  return { ...v, source: { ...statedSource(s, `default of CLI ${fn.toLowerCase()}`, v, at(s, d.from)), fallback: true } };
}

function fromTyper(s: EvalScope, names: string[]): boolean {
  const b = importsOf(s).names.get(names[0]);
  if (!b) return false;
  return names.length === 2 ? b.from === 'typer' : names.length === 1 && b.from === 'typer' && b.name === names[0];
}

