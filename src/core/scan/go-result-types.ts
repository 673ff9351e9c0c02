// The struct type a Go local holds when it is assigned a function's result: `cfg, err := config.LoadConfig()` with
// `func LoadConfig() (*Config, error)` in the config package (salihigde/go-openai-api-sample services/
// openai-service.go:19), `cfg := Load()` with `func Load() *Settings` in the same package. go-config.ts then reads the
// field as the type's package sets it (the loader's `cfg.OpenAIModel = getEnvWithDefault("OPENAI_MODEL", …)`).
// Results: https://go.dev/ref/spec#Function_types (a result list, first result the value a `x, err :=` binds first).
import { isId, isP } from '../lex/brackets';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { exprEnd, tables } from './scope';
import { importsOf } from './imported';
import { goPackageFunction, mayDeclareGoIn } from './go-decls';
import type { EvalScope } from './value';

/** Files of an imported package looked through for the function. */
const MAX_FILES = 200;

/** Where a function's first result type is written: the declaring file and the type's first token. */
export interface ResultAt {
  scope: EvalScope;
  at: number;
}

/**
 * At toks[k] the value of an assignment: `F()` / `pkg.F()` (the whole value, arguments any), F a function (not a
 * method) of this package or of an imported package of the module. Its first result's type, where written; undefined
 * for anything else (a method call, a call of a value, a result list that is not read).
 */
export function goCallResultAt(s: EvalScope, k: number): ResultAt | undefined {
  const { toks, match } = s;
  const e = exprEnd(s, k);
  const pkg = isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2]) ? toks[k].v : undefined;
  const nameAt = pkg ? k + 2 : k;
  const open = nameAt + 1;
  if (!isId(toks[nameAt]) || !isP(toks[open], '(') || match[open] !== e - 1) return undefined;
  const name = toks[nameAt].v;
  // The function's name and its result type decide the type: both words are live for the keystroke path.
  s.readNames?.add(name);
  const decl = pkg ? goImportedFunction(s, pkg, name) : ownFunction(s, name);
  const r = decl && resultAt(decl.scope, decl.name);
  if (r && decl.scope === s) s.read?.push({ start: toks[decl.name - 1].start, end: toks[r.at + 2]?.end ?? s.text.length });
  return r;
}

/** The name token of `func name(` (not a method) in s itself or another file of its package. */
function ownFunction(s: EvalScope, name: string): { scope: EvalScope; name: number } | undefined {
  const here = declared(s, name);
  if (here >= 0) return { scope: s, name: here };
  const other = goPackageFunction(s, name);
  return other ? { scope: other.scope, name: declared(other.scope, name) } : undefined;
}

/** `pkg.name` with `pkg` an import of a package of this module: its `func name(`. */
export function goImportedFunction(s: EvalScope, pkg: string, name: string): { scope: EvalScope; name: number } | undefined {
  const idx = s.index;
  const b = importsOf(s).names.get(pkg);
  if (!idx || !b || b.name !== '*') return undefined;
  const dir = goImportDir(idx.files, s.file, b.from);
  if (!dir) return undefined;
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    if (!mayDeclareGoIn(idx, f, name)) continue;
    const sc = idx.scope(f);
    const at = sc ? declared(sc, name) : -1;
    if (sc && at >= 0) {
      s.read?.push(b.span);
      return { scope: sc, name: at };
    }
  }
  return undefined;
}

/** The name token of `func name(` in one file; -1 if none. */
function declared(s: EvalScope, name: string): number {
  const f = tables(s).fns.get(name)?.find((x) => s.toks[x.name - 1]?.v === 'func' && isP(s.toks[x.name + 1], '('));
  return f ? f.name : -1;
}

/** After `func name(…)`: `T`, `*T`, `pkg.T`, or the first of `(T, error)`. */
function resultAt(s: EvalScope, name: number): ResultAt | undefined {
  const { toks, match } = s;
  const close = match[name + 1];
  if (!(close > name + 1)) return undefined;
  let at = close + 1;
  if (isP(toks[at], '(')) at++;
  // A named result (`(cfg *Config, err error)`): the type after the name.
  if (isId(toks[at]) && (isId(toks[at + 1]) || isP(toks[at + 1], '*'))) at++;
  return isId(toks[at]) || isP(toks[at], '*') ? { scope: s, at } : undefined;
}
