// A method with no arguments called on a constructor-injected service: Kotlin `class OpenAiService(private val prefs:
// SharedPreferencesService)` then `ModelId(prefs.getChatModel())` (held-out 34 C19, L4TTiCe/BotForge
// OpenAiService.kt:81), Java `private final SettingsService settings;` then `.model(settings.getModel())`. The receiver
// is declared with an application class, or with an interface that exactly one class of the module implements (what
// a container or a hand-written constructor call can only pass); that class's method is read: its expression body
// (`= x`) or its returns, through a Kotlin custom getter (kotlin-getters.ts), a stored setting's default
// (stored-settings.ts), `?:` and the constants they name. A method returning a field that a setter, a `var` or
// Lombok's @Setter / @Data may replace gives nothing (config_properties fixture's PlainSettings): its initializer is
// not what runs.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { jvmModuleSources } from '../resolve/jvm-modules';
import { dirname, join } from '../resolve/files';
import { exprEnd, tables, type Fn } from './scope';
import { fnValue } from './fn-values';
import { classScopes } from './imported';
import { declaredType } from './config-properties';
import { searchRoot } from './jvm-callers';
import { hasKotlinGetter, kotlinGetter } from './kotlin-getters';
import { SELF, type EvalScope, type Value } from './value';

/** Files of a module read for the implementations of an interface at most (those naming it). */
const MAX_IMPL_FILES = 400;
/** Tokens read from `class X` to its body's `{`. */
const MAX_HEADER = 200;

interface ClassAt {
  scope: EvalScope;
  /** The body's `{`. */
  open: number;
}

/** `recv.fn()` / `this.recv.fn()` with `recv` declared as an application class or a singly implemented interface. */
export function serviceMethod(s: EvalScope, names: string[], base: Value | undefined, argCount: number, depth: number, notApp: Set<string>): Value | undefined {
  if (argCount !== 0 || !s.index || (base && base.runtime === undefined)) return undefined;
  if (names.length !== 2 && !(names.length === 3 && SELF.has(names[0]))) return undefined;
  const recv = names[names.length - 2];
  const fn = names[names.length - 1];
  if (!/^[a-z_]/.test(recv)) return undefined;
  const type = declaredType(s, recv);
  if (!type || notApp.has(type)) return undefined;
  const cls = implementation(s, type);
  if (!cls) return undefined;
  const f = methodIn(cls, fn);
  if (!f || returnsReplaceable(cls, f)) return undefined;
  // The class in this file (an interface and its implementation beside the call): an edit of the method concerns the call.
  cls.scope.read?.push({ start: cls.scope.toks[f.name].start, end: cls.scope.toks[f.bodyEnd - 1]?.end ?? cls.scope.text.length });
  const v = fnValue(cls.scope, f, fn, depth + 1);
  if (!v || v.runtime !== undefined) return undefined;
  // `String base = """…"""; return base;` (zavier/share-expense AiPromptProvider.getSuggestionPrompt): the text is what
  // the method returns, as a direct `return """…""";` is, not a name of the caller's file.
  const { toks } = cls.scope;
  const local = v.source && v.source.file === cls.scope.file && v.source.offset >= toks[f.body].start && v.source.offset < (toks[f.bodyEnd - 1]?.end ?? 0);
  if (v.str !== undefined && local && !/^(file |returned by |string resource )/.test(v.source!.what)) {
    return { ...v, source: { file: cls.scope.file, offset: cls.scope.toks[f.name].start, what: `returned by ${fn}()` } };
  }
  return v;
}

/** The class `type` names: itself, or the one class of the module that implements it when it is an interface. */
function implementation(s: EvalScope, type: string): ClassAt | undefined {
  const own = tables(s).classes.has(type) ? [s] : [];
  for (const sc of [...own, ...classScopes(s, type)]) {
    const d = declaration(sc, type);
    if (!d) continue;
    if (d.kind === 'class') return { scope: sc, open: d.open };
    const impls = implementors(s, sc, type);
    return impls.length === 1 ? impls[0] : undefined;
  }
  return undefined;
}

/** `class NAME … {` / `interface NAME … {` (`abstract class` counts as an interface: its subclasses run) in the file. */
function declaration(s: EvalScope, name: string): { kind: 'class' | 'interface'; open: number } | undefined {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k + 1].v !== name || isP(toks[k - 1], '.')) continue;
    const w = toks[k].v;
    if (w !== 'class' && w !== 'interface' && w !== 'object') continue;
    const open = bodyOpen(s, k + 2);
    if (open < 0) return undefined;
    return { kind: w === 'interface' || toks[k - 1]?.v === 'abstract' ? 'interface' : 'class', open };
  }
  return undefined;
}

/** The `{` of a class body, from the token after its name (a Kotlin primary constructor's brackets skipped); -1: none. */
function bodyOpen(s: EvalScope, from: number): number {
  const { toks, match } = s;
  for (let b = from; b < toks.length && b < from + MAX_HEADER; b++) {
    if (isP(toks[b], '{')) return match[b] > b ? b : -1;
    if (isP(toks[b], ';') || (toks[b].t === T.Id && (toks[b].v === 'class' || toks[b].v === 'fun' || toks[b].v === 'interface'))) return -1;
    if (isP(toks[b], '(') && match[b] > b) b = match[b];
  }
  return -1;
}

/** Classes (and Kotlin objects) of the module whose header names the interface: `class X(…) : Base(), Iface {`, `class X
 * implements A, Iface {`. Searched in the JVM module's sources, else the folders of the caller and the interface. */
function implementors(s: EvalScope, ifaceScope: EvalScope, iface: string): ClassAt[] {
  const idx = s.index!;
  const root = searchRoot(s);
  const list = (): string[] => {
    const files = root ? jvmModuleSources(idx.files, root) : [...new Set([dirname(s.file), dirname(ifaceScope.file)])].flatMap((d) => (idx.files.list(d) ?? []).filter((n) => n.endsWith('.kt') || n.endsWith('.java')).map((n) => join(d, n)));
    const out: string[] = [];
    for (const f of files) {
      const t = f === s.file ? s.text : idx.text(f);
      // A text filter only: the tokens below say whether a class's header names the interface.
      if (t && t.includes(iface) && (t.includes('implements') || t.includes(':'))) out.push(f);
      if (out.length >= MAX_IMPL_FILES) break;
    }
    return out;
  };
  const files = root ? idx.memo(root, `jvm.implementors ${iface}`, list) : list();
  const out: ClassAt[] = [];
  for (const f of files) {
    const sc = f === s.file ? s : idx.scope(f);
    if (!sc) continue;
    const { toks } = sc;
    for (let k = 0; k + 1 < toks.length; k++) {
      if ((toks[k].v !== 'class' && toks[k].v !== 'object') || toks[k].t !== T.Id || !isId(toks[k + 1]) || isP(toks[k - 1], '.') || toks[k - 1]?.v === 'abstract') continue;
      const open = bodyOpen(sc, k + 2);
      if (open < 0) continue;
      if (names(sc, k + 2, open, iface)) out.push({ scope: sc, open });
    }
  }
  return out;
}

/** The header between a class's name and `{` names `iface` as a supertype (outside the primary constructor's brackets). */
function names(s: EvalScope, from: number, open: number, iface: string): boolean {
  const { toks, match } = s;
  let supers = false;
  for (let b = from; b < open; b++) {
    if (isP(toks[b], '(') && match[b] > b) b = match[b];
    else if (isP(toks[b], ':') || toks[b].v === 'implements' || toks[b].v === 'extends') supers = true;
    else if (supers && toks[b].v === iface && !isP(toks[b - 1], '.') && !isP(toks[b + 1], '.')) return true;
  }
  return false;
}

/** The method `fn` with a body declared in the class body. */
function methodIn(cls: ClassAt, fn: string): Fn | undefined {
  const close = cls.scope.match[cls.open];
  return tables(cls.scope).fns.get(fn)?.find((f) => f.name > cls.open && f.name < close && f.bodyEnd > f.body);
}

/** Does the method return a field that may be replaced after the object is made (a setter, a `var`, Lombok)? */
function returnsReplaceable(cls: ClassAt, f: Fn): boolean {
  const s = cls.scope;
  const { toks } = s;
  const returned: [number, number][] = [];
  if (f.expr) returned.push([f.body, f.bodyEnd]);
  else for (let k = f.body; k < f.bodyEnd; k++) if (toks[k].t === T.Id && toks[k].v === 'return') returned.push([k + 1, exprEnd(s, k + 1)]);
  for (const [a, e] of returned) {
    const from = toks[a]?.v === 'this' && isP(toks[a + 1], '.') ? a + 2 : a;
    const end = isP(toks[e - 1], ';') ? e - 1 : e;
    if (end !== from + 1 || !isId(toks[from])) continue;
    const name = toks[from].v;
    if (hasKotlinGetter(s, name)) continue;
    if (/@(Setter|Data)\b/.test(s.text)) return true;
    const binds = tables(s).binds;
    if (binds.has('.' + name) || (binds.get(name)?.filter((b) => b.kind !== 'param').length ?? 0) > 1) return true;
    if (toks.some((t, k) => t.v === name && toks[k - 1]?.v === 'var' && t.t === T.Id)) return true;
  }
  return false;
}

/** Kotlin `config.model` on a field or parameter of an application class (or a singly implemented interface) whose
 * property `model` has a custom getter (`var model: ModelId get() = ModelId(prefs.getString(KEY_MODEL, DEFAULT_MODEL)
 * ?: DEFAULT_MODEL)`, PenumbraOS/mabl plugins/openai OpenAiConfig.kt at 7b18875): what the getter returns. */
export function serviceProperty(s: EvalScope, names: string[], depth: number): Value | undefined {
  if (s.syn.id !== 'kotlin' || names.length !== 2 || !s.index || !/^[a-z_]/.test(names[0])) return undefined;
  const type = declaredType(s, names[0]);
  const cls = type ? implementation(s, type) : undefined;
  if (!cls || cls.scope === s || !hasKotlinGetter(cls.scope, names[1])) return undefined;
  return kotlinGetter(cls.scope, names[1], depth);
}
