// Reading members of a value: `a.b.c` through the scope chain, `self.config.x` field defaults, table entries
// (`LIMITS.triage`, `LIMITS["triage"]`, a table indexed at run time → the worst case of its values).
import { superInitArg } from './py-super-init';
import { cliMember } from './cli-options';
import { zodMember } from './zod-defaults';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { CONFIGISH, SELF, at, label, type EvalScope, type Value } from './value';
import { evaluate } from './evaluate';
import { bindingValue, lookup } from './lookup';
import { classFile, exported, railsConstant, rustInlineItem, rustPath, rustSerdeVariant } from './imported';
import { buildConfigField } from './android-build-config';
import { envValue } from './env';
import { SDK_MODEL_CONSTANTS, qualifiedEnumId } from './sdk-model-ids';
import { tables } from './scope';
import { fnValue, helper } from './fn-values';
import { goField } from './go-fields';
import { goPackageVarField, goTypedName } from './go-config';
import { goChainField, goTagDefault } from './go-tags';
import { rustField, rustParamField, rustTypedField } from './rust-fields';
import { configIndex, configMember, configNamed, dtoNumber, namedConfig, typedMember } from './dotnet-config';
import { serviceField } from './service-fields';
import { docIndex } from './config-loads';
import { jsonIndex, jsonMember } from './json-config';
import { inFrames } from './arg-frames';
import { listElement } from './list-picks';
import { entryAt, spreadMember } from './dict-spreads';
import { namespaceAttr } from './py-namespaces';
import { paramMemberFromCallers } from './file-callers';
import { heldConfigMember } from './js-held-config';
import { fieldFromClassCalls } from './py-field-calls';
import { classField, classSetAttribute, initAttribute } from './py-typed-params';
import { earlyMember } from './early-members';
import { worstOf } from './worst-of';
import { settingsMember } from './vscode-settings';

/** A Spring Resource's getters read as Kotlin properties (spring-core io/Resource.java getInputStream, getFile, getContentAsByteArray). */
const RESOURCE_PROPS = new Set(['inputStream', 'file', 'contentAsByteArray']);

/** Classes whose members are the SDKs' model constants (openai-java `ChatModel`, anthropic-java `Model`, Go packages). */
const SDK_MODEL_CLASSES = new Set(['ChatModel', 'Model', 'Models', 'openai', 'anthropic', 'gpt3', 'gogpt']); // go-gpt3; go-openai's old alias

/** Members `names` of `base`, or, with no base, a name looked up in scope and then its members. */
export function member(s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number): Value | undefined {
  let cur = base;
  let n = 0;
  // C# `AppContext.BaseDirectory`; Python `Models.GPT4.value`; Kotlin `GptSetting.GPT_4O_MINI.value`; Ruby `.to_i`,
  // `Rails.configuration.x` (early-members.ts).
  const early = earlyMember(s, base, names, i, depth, member);
  if (early && (s.syn.id === 'csharp' || s.syn.id === 'javascript' || s.syn.id === 'ruby' || (early.str !== undefined && !early.obj))) return early;
  if (!cur) {
    const head = names[0];
    const own = s.self && (SELF.has(head) ? names.length >= 2 && s.self(names[1], depth + 1) : /^[A-Z]/.test(head) && s.self(head, depth + 1));
    if (own) [cur, n] = [own, SELF.has(head) ? 2 : 1];
    else if (SELF.has(head) && names.length >= 2) {
      // `self.x` bound in a method (`self.x = x` in __init__), else the class field `x`; `self.config.x` the same.
      // Rust: what a literal of the impl's type sets (`Self { model: … }` in `new`), rust-fields.ts.
      // JS `this.config.model` of the object a constructor keeps whole: what its `new` calls pass (js-held-config.ts).
      const held = names.length >= 3 && s.syn.id === 'javascript' ? heldConfigMember(s, names.slice(1), i, depth) : undefined;
      if (held) return held;
      let m = (s.syn.id === 'rust' ? rustField(s, names[1], at(s, i), depth) : undefined) ?? bindingValue(s, '.' + names[1], at(s, i), depth);
      // An injected or constructed service (`constructor(private readonly prompts: PromptService)`): service-fields.ts.
      if (!m?.obj && s.syn.id === 'javascript') m = serviceField(s, names[1], depth) ?? m;
      if (m && names.length === 2) return m;
      cur = m;
      n = 2;
      // C# `this._options.Model` of a field declared with an options type, whatever the constructor assigned it
      // (`promptOptions.Value.Copy()`, microsoft/chat-copilot ChatPlugin.cs): the bound section, as for `_options.Model`.
      const conf = (!cur || cur.runtime !== undefined) && s.syn.id === 'csharp' ? configNamed(s, names.slice(1), at(s, i)) : undefined;
      if (conf) [cur, n] = [conf[0], conf[1] + 1];
      // Rust `self.config.model` with `config: Arc<Config>`: what `Config`'s constructor sets (rust-fields.ts).
      const typed = (!cur || cur.runtime !== undefined) && names.length === 3 && s.syn.id === 'rust' ? rustTypedField(s, names[1], names[2], at(s, i), depth) : undefined;
      if (typed) return typed;
      // A dataclass or pydantic model's field: what the class's calls in the file pass for it (py-field-calls.ts).
      const passed = (!cur || cur.runtime !== undefined) && names.length === 2 ? fieldFromClassCalls(s, names[1], i, depth, () => fieldDefault(s, names[1], i, depth)) : undefined;
      if (passed) return passed;
      if (!cur || cur.runtime !== undefined) return (names.length === 2 ? classSetAttribute(s, undefined, names[1], i, depth) : undefined) ?? fieldDefault(s, names[names.length - 1], i, depth) ?? (names.length === 2 ? getter(s, names[1], depth, i) ?? inherited(s, names[1], i, depth) : undefined) ?? { runtime: names.join('.') };
    } else {
      if (head === '__file__' || head === '__filename' || head === '__FILE__') return { path: s.file, str: s.file };
      if (head === '__dirname' || head === '__dir__' || head === '__DIR__') return { path: dirname(s.file), str: dirname(s.file) };
      if (head === 'process' && names[1] === 'env' && names.length === 3) return envValue(s, names[2]);
      if (head === 'import' && names[1] === 'meta') return names[2] === 'url' ? { path: s.file, str: s.file } : names[2] === 'dirname' ? { path: dirname(s.file), str: dirname(s.file) } : undefined;
      // Go `c.model` in a method of c's type: what the type's other methods or a literal of it set (go-fields.ts).
      // A parameter or package var of a struct type: what the type's package gives the field (go-config.ts).
      const field = names.length === 2 && s.syn.id === 'go' ? goField(s, head, names[1], at(s, i), depth) ?? goTypedName(s, head, names[1], at(s, i), depth) : undefined;
      if (field) return field;
      // `opts.OpenAI.Model` of a flags or environment struct: the default its struct tag states (go-tags.ts).
      // `o.params.Model`, the field of a struct-typed field: what the type's literals give it, in any package.
      const tag = s.syn.id === 'go' && names.length >= 2 ? goTagDefault(s, names, at(s, i)) ?? goChainField(s, names, at(s, i), depth) : undefined;
      if (tag) return tag;
      // Rust `tutor.persona` of a parameter `tutor: Tutor`: what Tutor's literals, or its Default, give it (rust-fields.ts).
      const param = names.length === 2 && s.syn.id === 'rust' ? rustParamField(s, head, names[1], at(s, i), depth) : undefined;
      if (param) return param;
      // `texts::PERSONA` of an inline `mod texts { … }` in this file; `Model::Gpt4` as serde writes it (rust-serde-variants.ts).
      const item = s.syn.id === 'rust' ? rustInlineItem(s, names, depth) ?? rustSerdeVariant(s, names) : undefined;
      if (item) return item;
      const path = names.length > 1 && s.syn.id === 'rust' ? rustPath(s, names) : undefined;
      if (path) [cur, n] = path;
      else {
        // `options.model` (`config.openai.model`) of a JS parameter its callers pass object literals for (file-callers.ts).
        const passed = names.length >= 2 && s.syn.id === 'javascript' ? paramMemberFromCallers(s, head, names.slice(1).join('.'), at(s, i), depth) : undefined;
        if (passed) return passed;
        cur = lookup(s, head, at(s, i), depth);
        n = 1;
      }
      // .NET configuration and bound options (`configuration["X:Y"]`, `options.Value.Model`); Kotlin's `props.model`.
      const conf = !cur || cur.runtime !== undefined ? namedConfig(s, names, at(s, i), depth) : undefined;
      if (conf) [cur, n] = conf;
      const dto = !conf && (!cur || cur.runtime !== undefined) && names.length === 2 && s.syn.id === 'csharp' ? dtoNumber(s, head, names[1], at(s, i), depth) : undefined;
      if (dto) return dto;
      // An SDK model constant held in a variable or a parameter default (`model: ChatModel = ChatModel.GPT_4O_MINI`).
      const sdk = (!cur || cur.runtime !== undefined) && (names.length === 2 && SDK_MODEL_CLASSES.has(head) ? SDK_MODEL_CONSTANTS[names[1]] : qualifiedEnumId(names));
      if (sdk) return { str: sdk, source: { file: s.file, offset: at(s, i), what: `SDK constant ${names.join('.')}` } };
      if ((!cur || cur.runtime !== undefined) && names.length > 1 && (CONFIGISH.test(head) || /^[A-Z]/.test(head))) {
        // `Prompts.SYSTEM` (a class of another file), `Config.Companion.MODEL` / `Prompts.Support.SYSTEM` (nested
        // objects: the Pascal-case names between are passed over), `config.max_tokens` (a settings field).
        let k = 1;
        while (k < names.length - 1 && /^[A-Z][a-z]/.test(names[k])) k++;
        const other = /^[A-Z]/.test(head) ? (s.syn.id === 'ruby' ? railsConstant(s, names.slice(0, k), names[k], depth) : head === 'BuildConfig' && names.length === 2 ? buildConfigField(s, names[1]) : undefined) ?? classFile(s, head, names[k], depth) : undefined;
        if (!other) return (names.length === 2 ? typedMember(s, head, names[1], at(s, i), depth) ?? classSetAttribute(s, head, names[1], i, depth) : undefined) ?? fieldDefault(s, names[names.length - 1], i, depth) ?? cur;
        cur = other;
        n = k + 1;
      }
    }
  }
  for (; n < names.length && cur; n++) {
    const nm = names[n];
    if (cur.path !== undefined) {
      if (nm === 'parent' || nm === 'dirname' || nm === 'dir') cur = { path: dirname(cur.path), str: dirname(cur.path) };
      else if (nm === 'url' || nm === 'href' || nm === 'pathname') cur = { ...cur };
      else return { runtime: names.join('.') };
      continue;
    }
    // Kotlin `ClassPathResource(p).inputStream` is the file's text; Python `m.value` of an Enum member is its literal.
    if (cur.str !== undefined && ((s.syn.id === 'kotlin' && cur.source?.what.startsWith('file ') && RESOURCE_PROPS.has(nm)) || (s.syn.id === 'python' && nm === 'value' && !cur.obj))) continue;
    // `public.Config.Model`: a package var of another Go package, of a struct type its loader fills in.
    const goVar = cur.obj?.kind === 'module' && s.syn.id === 'go' && n + 2 === names.length ? goPackageVarField(cur.obj.scopes, nm, names[n + 1], names.join('.'), depth) : undefined;
    if (goVar) return goVar;
    if (cur.obj) cur = objMember(cur.obj, nm, depth);
    else return cur.runtime !== undefined ? { runtime: names.join('.') } : undefined;
  }
  return cur;
}

/** Tokens read after `class Name` for its parent: generics, a parameter list, a Kotlin primary constructor. */
const MAX_CLASS_HEADER = 64;

/**
 * `self.x` / `$this->x` set nowhere in this class's file: set by the parent class in another file (PHP and Java
 * `extends P`, Python `class C(P)`, Ruby `class C < P`, Kotlin and C# `class C : P`), in its constructor or as a field.
 */
export function inherited(s: EvalScope, name: string, i: number, depth: number, own?: string[]): Value | undefined {
  const { toks } = s;
  let c = -1;
  for (let k = Math.min(i, toks.length - 1); k >= 0 && c < 0; k--) if (toks[k].t === T.Id && toks[k].v === 'class' && toks[k + 1]?.t === T.Id) c = k;
  if (c < 0) return undefined;
  let parent: string | undefined;
  for (let k = c + 2; k < toks.length && k < c + MAX_CLASS_HEADER; k++) {
    const tk = toks[k];
    if (isP(tk, '{') || (tk.t === T.Id && (tk.v === 'def' || tk.v === 'implements'))) break;
    const next = toks[k + 1];
    if (next?.t !== T.Id || !/^[A-Z]/.test(next.v)) continue;
    if ((tk.t === T.Id && tk.v === 'extends') || (isP(tk, '<') && s.syn.id === 'ruby') || (isP(tk, ':') && s.syn.id !== 'python') || (isP(tk, '(') && s.syn.id === 'python' && k === c + 2)) {
      parent = next.v;
      break;
    }
  }
  if (!parent) return undefined;
  const names = own ?? (s.syn.id === 'php' ? ['.' + name, '$' + name] : ['.' + name, name]);
  // Python: what the class passes to the parent's `__init__` for the member, before the parent's own default.
  const passed = s.syn.id === 'python' && !own ? superInitArg(s, name, c, parent, depth) : undefined;
  if (passed) return passed;
  for (const n of names) {
    const v = classFile(s, parent, n, depth + 1);
    if (v) return v;
  }
  return undefined;
}

/** A field default reached through a settings object: the file's `name` bound at the class or module level. */
function fieldDefault(s: EvalScope, name: string, i: number, depth: number): Value | undefined {
  // A PHP property is declared `$name` and read `$this->name`.
  const v = bindingValue(s, name, Number.MAX_SAFE_INTEGER, depth, true) ?? (s.syn.id === 'php' ? bindingValue(s, '$' + name, Number.MAX_SAFE_INTEGER, depth, true) : undefined);
  if (v && v.runtime === undefined) return v.source?.what === name ? { ...v, source: { ...v.source, what: `field default ${name}` } } : v;
  return undefined;
}

function objMember(obj: NonNullable<Value['obj']>, name: string, depth: number): Value | undefined {
  if (obj.kind === 'config') return configMember(obj, name, depth);
  if (obj.kind === 'json') return jsonMember(obj, name);
  if (obj.kind === 'cli') return cliMember(obj, name);
  if (obj.kind === 'zod') return zodMember(obj, name, depth);
  if (obj.kind === 'vscode-settings') return settingsMember(obj, name); // reactive-vscode (vscode-settings.ts)
  if (obj.kind === 'module' || obj.kind === 'instance') {
    const scopes = obj.kind === 'module' ? obj.scopes : [obj.scope];
    for (const sc of scopes) {
      // An instance's getter (`get systemPrompt() { return '…'; }`) is read as its field is.
      const v = (obj.kind === 'instance' && obj.cls ? classField(sc, obj.cls, name, depth, obj.annotated) : undefined) ?? exported(sc, name, depth) ?? (obj.kind === 'instance' ? getter(sc, name, depth) ?? (obj.args ? undefined : initAttribute(sc, name, depth)) : undefined);
      if (v) return v;
    }
    return undefined;
  }
  // A loaded settings document is a dict: its entries are read by subscript or `get`, not as attributes (but as a
  // SimpleNamespace made of it, its top level: py-namespaces.ts).
  if (obj.kind === 'doc') return obj.dotted ? docIndex(obj, { str: name }, name) : obj.attrs ? namespaceAttr(obj, name) : undefined;
  if (obj.kind === 'any') {
    const vals = obj.of.map((v) => (v.obj ? objMember(v.obj, name, depth) : undefined));
    return vals.every((v): v is Value => !!v) ? worstOf(vals, `${name} of the entry chosen at run time by ${obj.key}`) : undefined;
  }
  return inFrames(obj.frames, () => tableMember(obj.scope, obj.open, name, depth));
}

/** `{ "triage": 300 }`, `{ triage: 300 }`, `dict(triage=300)`, `%{triage: 300}`: the value under a key. */
export function tableMember(s: EvalScope, open: number, key: string | undefined, depth: number, runtimeKey = '?'): Value | undefined {
  const { toks, match } = s;
  const close = match[open];
  const all: Value[] = [];
  for (let k = open + 1; k < close; k++) {
    const tk = toks[k];
    const entry = entryAt(s, k, open, close);
    if (entry) {
      const [from, e] = entry;
      if (key === undefined || tk.v === key) {
        const v = evaluate(s, from, e, depth + 1);
        if (v && key !== undefined) return { ...v, source: v.source ?? { file: s.file, offset: tk.start, what: `${tk.v} in a table` } };
        if (v) all.push(v);
      }
      k = e - 1;
    } else if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
  }
  if (key !== undefined) return spreadMember(s, open, key, depth, tableMember);
  // Indexed at run time: the worst case of the values the table holds; a table of tables is one of them.
  if (all.length && all.every((v) => v.obj)) return { obj: { kind: 'any', of: all, key: runtimeKey } };
  return worstOf(all);
}

export function index(s: EvalScope, base: Value | undefined, open: number, close: number, depth: number): Value | undefined {
  if (!base) return undefined;
  if (base.runtime !== undefined) return { runtime: base.runtime };
  // Ruby `CONFIG[:model]`: a symbol key names the `model:` / `:model =>` entry.
  let key = s.syn.id === 'ruby' && close === open + 3 && isP(s.toks[open + 1], ':') && isId(s.toks[open + 2]) ? { str: s.toks[open + 2].v } : evaluate(s, open + 1, close, depth + 1);
  if (key?.unset && base.obj && s.syn.id === 'javascript') return { runtime: label(s, open - 1, close + 1), unset: true }; // `o[undefined]`
  // `LIMITS[model]` where the call's model is known: that model's entry.
  if (key?.runtime !== undefined) key = s.given?.get(key.runtime) ?? key;
  // `messages[0]["content"]`: an element of a list literal by its place (a negative place from the end).
  if (base.obj?.kind === 'table' && key?.num !== undefined && Number.isInteger(key.num) && isP(base.obj.scope.toks[base.obj.open], '[')) return listElement(base.obj.scope, base.obj.open, key.num, depth);
  if (base.obj?.kind === 'table') {
    const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
    if (k === undefined && key?.runtime === undefined) return undefined;
    const { obj } = base;
    const v = inFrames(obj.frames, () => tableMember(obj.scope, obj.open, k, depth, key?.runtime));
    return v && k === undefined && !v.obj ? { ...v, missable: true } : v;
  }
  if (base.obj?.kind === 'any' && key?.str !== undefined) return objMember(base.obj, key.str, depth);
  if (base.obj?.kind === 'config') return configIndex(base.obj, key);
  if (base.obj?.kind === 'doc') return docIndex(base.obj, key, label(s, open - 1, close + 1));
  if (base.obj?.kind === 'json') return jsonIndex(base.obj, key);
  return undefined;
}

/** The elements of the list literal opening at `open`, as token ranges; undefined after a spread or in a
 * comprehension (`[*rest, x]`, `[m for m in ms]`), whose places are not known. */
export function listItems(s: EvalScope, open: number): [number, number][] | undefined {
  const { toks, match } = s;
  const close = match[open];
  const items: [number, number][] = [];
  let from = open + 1;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (k === close || isP(toks[k], ',')) {
      if (k > from) items.push([from, k]);
      from = k + 1;
    }
  }
  return items.some(([a, b]) => isP(toks[a], '*') || isP(toks[a], '...') || toks.slice(a, b).some((t) => isId(t) && t.v === 'for')) ? undefined : items;
}

/**
 * `this.model` read through a getter (`get model() { return process.env.MODEL || "gpt-4o-mini"; }`) or Python's
 * `@property def model(self)`, Ruby's `self.model` of a `def model`: what the getter returns (calls.ts helper), as a call of it would.
 */
function getter(s: EvalScope, name: string, depth: number, at?: number): Value | undefined {
  const { toks } = s;
  const fns = tables(s).fns.get(name);
  // Ruby: the method of the class the use is in (the last `class` opened before each; a file may hold several).
  const cls = (k: number) => {
    while (k > 0 && !(toks[k].v === 'class' && toks[k].t === T.Id && !isP(toks[k + 1], '<<') && !isP(toks[k - 1], '.'))) k--;
    return k;
  };
  const f = s.syn.id === 'ruby' && at !== undefined ? fns?.filter((x) => cls(x.name) === cls(at)).at(-1) : fns?.at(-1);
  if (!f) return undefined;
  const js = toks[f.name - 1]?.v === 'get' && toks[f.name - 1].t === T.Id;
  const py = toks[f.name - 1]?.v === 'def' && toks[f.name - 2]?.v === 'property' && isP(toks[f.name - 3], '@');
  // Ruby `self.model` calls the method: `def model` (in `class << self` too) or `def self.model` (held41 C07,
  // joshleblanc/YuelaBot `model: self.model` over `def model` returning the MINIMAX_MODEL variable or a default).
  const rb = s.syn.id === 'ruby' && (toks[f.name - 1]?.v === 'def' || (isP(toks[f.name - 1], '.') && toks[f.name - 2]?.v === 'self' && toks[f.name - 3]?.v === 'def'));
  if (rb) s.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? s.text.length });
  return rb ? fnValue(s, f, name, depth + 1) : js || py ? helper(s, name, Number.MAX_SAFE_INTEGER, depth + 1) : undefined;
}
