// Go `config.Get().OpenAIModel`: a package function without parameters that returns its settings struct (`func Get()
// Config { once.Do(load); return cfg }`, cristalhq/aconfig in DailyPepper/telegram-bot internal/config/config.go), read
// for one field: the default the field's struct tag states (go-tags.ts), as `var c config.Config; c.OpenAIModel` is.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { importsOf } from './imported';
import { siblingScopes } from './go-decls';
import { fieldTagValue, typeBody } from './go-tags';
import type { EvalScope, Value } from './value';

/** Files of a package looked through for the function. */
const MAX_FILES = 200;

/** The tag default of `field` of the struct `fn()` (`names`: `[pkg, fn]` or `[fn]`) returns; the call has no arguments. */
export function goResultTag(s: EvalScope, names: string[], open: number, close: number, field: string): Value | undefined {
  if (close !== open + 1 || names.length < 1 || names.length > 2) return undefined;
  const fn = names[names.length - 1];
  for (const sc of packageScopes(s, names, fn)) {
    const k = funcResult(sc, fn);
    const body = k >= 0 ? typeBody(sc, k) : undefined;
    const v = body && fieldTagValue(body, field, `${names.join('.')}().${field}`);
    if (v) return v;
  }
  return undefined;
}

/** The scopes `fn` may be declared in: the imported package's files (`config.Get`), or this package's (`Get`). */
function* packageScopes(s: EvalScope, names: string[], fn: string): Generator<EvalScope> {
  if (names.length === 1) {
    yield s;
    yield* siblingScopes(s, fn);
    return;
  }
  const idx = s.index;
  const b = importsOf(s).names.get(names[0]);
  const dir = idx && b && b.name === '*' ? goImportDir(idx.files, s.file, b.from) : undefined;
  if (!dir || !idx) return;
  s.read?.push(b!.span);
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    if (!(idx.text(f) ?? '').includes(`func ${fn}(`)) continue;
    const sc = idx.scope(f);
    if (sc) yield sc;
  }
}

/** The token of the result type of `func name()` (no receiver, no parameters) in sc, or -1. */
function funcResult(sc: EvalScope, name: string): number {
  const { toks, match } = sc;
  for (let k = 1; k + 3 < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id || tk.v !== name || toks[k - 1].v !== 'func' || !isP(toks[k + 1], '(') || match[k + 1] !== k + 2) continue;
    return isP(toks[k + 3], '{') ? -1 : k + 3;
  }
  return -1;
}
