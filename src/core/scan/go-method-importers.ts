// Calls of an exported method from the module's other packages, on a variable that holds a value of the receiver's
// type: `g := &openai.OpenAIGenerator{}` then `g.GetCommitMessage(apiKey, "Generate a concise commit message …: "+diff)`
// in package commit for `func (o *OpenAIGenerator) GetCommitMessage(apiKey, prompt string)` of package openai
// (held33 tskoyo/ai-git-commit internal/commit/commit.go:49-50 → internal/openai/openai.go:64). Also `var g pkg.T`,
// `g := pkg.T{…}`, `g := new(pkg.T)`, in the calling function or at package level (go-importers.ts reads `pkg.F(`).
// Method sets: https://go.dev/ref/spec#Method_sets (a variable of type T is addressable, so `g.M()` calls (*T).M too).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importingScopes } from './go-importers';
import { tables } from './scope';
import type { EvalScope } from './value';

/** Calls returned at most. */
const MAX_CALLS = 16;

/** `x.method(` in files of other packages of the module importing the package in `dir`, `x` holding a `T`: each `(`. */
export function importerMethodCalls(from: EvalScope, dir: string, type: string, method: string): { scope: EvalScope; open: number }[] {
  const out: { scope: EvalScope; open: number }[] = [];
  for (const { scope: sc, aliases } of importingScopes(from, dir, `go-method-calls:${type}.${method}`, [`.${method}(`, `.${type}`])) {
    for (const v of holders(sc, aliases, type)) {
      const { toks, match } = sc;
      for (let k = v.from; k + 3 < v.to && out.length < MAX_CALLS; k++) {
        if (toks[k].v !== v.name || !isId(toks[k]) || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== method) continue;
        if (isP(toks[k + 3], '(') && match[k + 3] > k + 3) out.push({ scope: sc, open: k + 3 });
      }
    }
  }
  return out;
}

/** Variables of the file holding a `pkg.T` (pkg one of `aliases`), each with the tokens its calls are looked for in. */
function holders(sc: EvalScope, aliases: Set<string>, type: string): { name: string; from: number; to: number }[] {
  const { toks } = sc;
  const isType = (k: number) => aliases.has(toks[k]?.v) && isP(toks[k + 1], '.') && toks[k + 2]?.v === type;
  const out: { name: string; from: number; to: number }[] = [];
  for (let k = 1; k + 3 < toks.length; k++) {
    if (!isType(k) || toks[k].t !== T.Id) continue;
    let a = k - 1;
    // `&pkg.T{…}`, `new(pkg.T)`, `*pkg.T` in `var g *pkg.T`.
    if (isP(toks[a], '&') || isP(toks[a], '*')) a--;
    else if (isP(toks[a], '(') && toks[a - 1]?.v === 'new') a -= 2;
    const made = (isP(toks[a], ':=') || isP(toks[a], '=')) && isId(toks[a - 1]) && !isP(toks[a - 2], '.') && !isP(toks[a - 2], ',');
    const declared = isId(toks[a]) && toks[a - 1]?.v === 'var';
    if (!made && !declared) continue;
    // A literal or `new` makes it; `var g pkg.T` declares a zero value of the type (its methods callable).
    if (made && !isP(toks[k + 3], '{') && toks[a + 1]?.v !== 'new') continue;
    const at = made ? a - 1 : a;
    const fn = [...tables(sc).fns.values()].flat().find((f) => f.body <= at && at < f.bodyEnd);
    out.push({ name: toks[at].v, from: at + 1, to: fn ? fn.bodyEnd : toks.length });
  }
  return out;
}
