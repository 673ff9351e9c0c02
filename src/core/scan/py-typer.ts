// Typer command-line parameters: `def main(model: str = typer.Option("gpt-4o-mini", help=…))`. What runs when the
// option is not given is the default, Typer's first positional argument or `default=` (fastapi/typer typer/params.py:
// `def Option(default: Optional[Any] = ..., *param_decls: str, …)`, `def Argument(default: Optional[Any] = ..., *, …)`;
// `...` marks it required). Priced as that default, named as one (a fallback: the user's value replaces it), as Go's
// `flag.String` default is (calls.ts); an empty one (`typer.Argument("")`) stays run time. A caller in another module passing the parameter on (`complete(model=model)`)
// reads it the same way (file-callers.ts). FastAPI's `Form("groq/llama-3.3-70b-versatile")` / `Query(…)` / `Body(…)`
// parameter default is read the same way (held40 C03): what a request that sends no value gets.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { importsOf } from './imported';
import { args } from './calls';
import { evaluate } from './evaluate';
import { at, statedSource, type EvalScope, type Value } from './value';

/** `typer.Option(…)` / `typer.Argument(…)` (or the names imported from typer) at toks(open, close): its default. */
export function typerDefault(s: EvalScope, fn: string, names: string[], open: number, close: number, depth: number): Value | undefined {
  const web = FASTAPI_PARAMS.has(fn) && fromModule(s, names, 'fastapi');
  if (!web && ((fn !== 'Option' && fn !== 'Argument') || !fromModule(s, names, 'typer'))) return undefined;
  const a = args(s, open, close);
  const d = a.find((x) => x.key === 'default') ?? (a[0]?.key === undefined ? a[0] : undefined);
  // `typer.Option(...)`: required, no default.
  if (!d || (d.to === d.from + 1 && s.toks[d.from].t === T.Punct && s.toks[d.from].v === '...')) return undefined;
  const v = evaluate(s, d.from, d.to, depth + 1);
  if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
  // `typer.Argument("")`: nothing given stands for the user's text (a prompt), not an empty one.
  if (v.str === '') return undefined;
  const what = web ? `default of FastAPI ${fn}() parameter` : `default of CLI ${fn.toLowerCase()}`;
  return { ...v, source: { ...statedSource(s, what, v, at(s, d.from)), fallback: true } };
}

/** FastAPI's request parameter functions whose first argument is the default (fastapi/params.py `def Form(default: Any
 * = Undefined, …)`, `Query(default=…)`, `Body(default=…)`; https://fastapi.tiangolo.com/tutorial/request-forms/). */
const FASTAPI_PARAMS = new Set(['Form', 'Query', 'Body']);

function fromModule(s: EvalScope, names: string[], mod: string): boolean {
  const b = importsOf(s).names.get(names[0]);
  if (!b) return false;
  // The import decides what the call is: an edit of it concerns the value (editor/incremental.ts).
  s.read?.push(b.span);
  return names.length === 2 ? b.from === mod : names.length === 1 && b.from === mod && b.name === names[0];
}

