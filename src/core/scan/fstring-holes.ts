// A literal's holes that name a known text: a Python f-string's constants (`f"{SYSTEM_PROMPT}\n\nContext: {context}"`,
// `f"{prompts.RULES}"`), and in a JavaScript template also the names bound once by `const` or an import
// (`${jsonFormatRequirement}`, `${regularPrompt}`): the text in its place, so a prompt built on them counts it; other
// holes stay named. Kotlin's `$name` holes take a `val` (readOnly below).
import { KeyMemo } from '../util/key-memo';
import { T, type Hole, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { fillHoles, globalRebinds, isConstantName } from './hole-fill';
import { member } from './members';
import { tables, type Binding } from './scope';
import type { EvalScope, Value } from './value';
import { expr } from './evaluate';
import { framedName, framedValue } from './arg-frames';
import { literalLocal } from './py-local-texts';
import { dumpsHoleText, isDumpsHole, pySequenceText } from './py-sequence-text';
import { subscriptHole, subscriptHoleBase } from './js-hole-subscripts';
import { pick } from './lookup';
import { joinable, severalIds } from './id-joins';
import { csLocalOnce } from './cs-local-holes';

/** A property of the object a C# class is read as (`{this.MemoryName}`, `{MemoryName}`). */
const SELF_MEMBER = /^(this\.)?[A-Z]\w*$/;

/** A member of a class named by its Pascal-case name (`{OpenAIOptions.SectionName}`): a C# constant or static
 * property (microsoft/semantic-kernel dotnet/samples/Demos/VoiceChat Program.cs reads its settings key so). */
const CLASS_MEMBER = /^[A-Z]\w*\.[A-Z]\w*$/;

/** Holes looked up in one JavaScript template at most (a hostile literal may hold thousands). */
const MAX_JS_HOLES = 64;

/**
 * The literal at toks[i] with the holes that name a known text or number filled, and the holes left: the literal's own
 * (with their places) and those of the texts filled in (by label); undefined when no hole is filled.
 */
export function filledHoles(s: EvalScope, tk: Token, i: number, depth: number): { str: string; holes: (Hole | string)[]; others?: string[] } | undefined {
  const js = s.syn.id === 'javascript';
  // C#: in a class read as one bound object (an options class's `$"{this.Name} …"`, dotnet-option-props.ts), and a
  // class's constant anywhere (`$"{OpenAIOptions.SectionName}:ChatModelId"`).
  // A parameter of a helper read with its arguments (`LoadPrompt("system")` → `$"{name}.txt"`, arg-frames.ts); Python's
  // too (`get_prompt_template("extract_items")` → `f"{name}.md"`, py-jinja-env.ts).
  const cs = s.syn.id === 'csharp' && (!!s.self || !!tk.holes?.some((h) => CLASS_MEMBER.test(h.expr) || framedName(s, h.expr) || csConst(s, h.expr) || csLocalOnce(s, h.expr, i)));
  const rb = s.syn.id === 'ruby' && (tk.holes?.length ?? 0) <= MAX_JS_HOLES;
  const kt = s.syn.id === 'kotlin' && (tk.holes?.length ?? 0) <= MAX_JS_HOLES;
  // PHP `"SYSTEM:\n{$systemPrompt}"` of a method's parameter: what its callers pass, as the parameter passed whole.
  const php = s.syn.id === 'php' && (tk.holes?.length ?? 0) <= MAX_JS_HOLES;
  if (s.syn.id !== 'python' && !(js && (tk.holes?.length ?? 0) <= MAX_JS_HOLES) && !cs && !rb && !kt && !php) return undefined;
  const py = s.syn.id === 'python';
  // A Python function's local set only to literals, on every arm (py-local-texts.ts): its dearest text.
  const texts = new Map<string, boolean>();
  const local = (name: string) => texts.get(name) ?? texts.set(name, literalLocal(s, name, i)).get(name)!;
  const param = (name: string) => (rb || php) && rubyParam(s, name, tk.start);
  let others: string[] = [];
  const out = fillHoles(tk, (name) => {
    // `{json.dumps(RESPONSE_JSON, indent=4)}`: the JSON of a literal (py-sequence-text.ts).
    if (py && isDumpsHole(name)) {
      const json = dumpsHoleText(s, name, (n) => member(s, undefined, n.split('.'), i, depth + 1));
      return json === undefined ? undefined : { text: json, holes: [] };
    }
    const v = (js || rb) && subscriptHoleBase(name) ? subscriptHole(s, name, i, depth + 1) : member(s, undefined, name.split('.'), i, depth + 1);
    if (!v || v.runtime !== undefined) return undefined;
    // A Python tuple or list of literals: its repr, as str() gives it (py-sequence-text.ts).
    const seq = py ? pySequenceText(s, v) : undefined;
    if (seq !== undefined) return { text: seq, holes: [] };
    // A Ruby local, a Python module name, with a default or branches (`ctx = params[:q] || "none"`) keeps its
    // run-time text: left named. A Ruby parameter that its callers pass several texts: the dearest, as for a
    // parameter passed whole (file-callers.ts).
    if ((rb || php || (py && !isConstantName(name) && !local(name)) || (cs && csLocalOnce(s, name, i))) && (v.fallback || v.late?.length || (v.others?.length && !param(name)))) return undefined;
    // A JS template's one hole of several ids (`anthropic/${modelName}`): each id the prefix can route (id-joins.ts);
    // none, or a hole among others: left named.
    const ids = js ? severalIds(v) : undefined;
    if (ids) {
      const h = tk.holes!.length === 1 ? tk.holes![0].at : -1;
      const kept = h >= 0 ? joinable(tk.v.slice(0, h), ids) : undefined;
      if (!kept) return undefined;
      others = kept.slice(1).map((id) => tk.v.slice(0, h) + id + tk.v.slice(h));
      return { text: kept[0], holes: [] };
    }
    if (v.str !== undefined) return { text: v.str, holes: v.holes ?? [] };
    return v.num !== undefined ? { text: String(v.num), holes: [] } : undefined;
  }, js ? (name) => boundOnce(s, subscriptHoleBase(name) ?? name) || framedValue(s, name) !== undefined : rb ? (name) => assignedOnce(s, subscriptHoleBase(name) ?? name, i) || param(name) || rubyMethod(s, name, tk.start) || selfAppend(s, name, i) : kt ? (name) => readOnly(s, name)
    : py ? (name) => isConstantName(name) || moduleName(s, name) || local(name) || selfAppend(s, name, i) || framedName(s, name) || isDumpsHole(name)
    : php ? (name) => param(name)
    : s.syn.id === 'csharp' ? (name) => (!!s.self && SELF_MEMBER.test(name)) || CLASS_MEMBER.test(name) || framedName(s, name) || csConst(s, name) || csLocalOnce(s, name, i) : undefined);
  return out && others.length ? { ...out, others } : out;
}

/** Each C# file's `const` names, read once per lexed file. */
const CS_CONSTS = new KeyMemo<object, Set<string>>();

/**
 * A C# `const` the file declares (`private const string BaseEndPoint = "https://api.openai.com/v1"; public const string
 * Completions = $"{BaseEndPoint}/completions";`, held-out 37 C26 S-IERRA/Skye Objects/OpenAiRequest.cs:5-6): a
 * constant's value is fixed at compile time, so a hole naming it takes its text.
 */
function csConst(s: EvalScope, name: string): boolean {
  let set = CS_CONSTS.get(s.toks);
  if (!set) {
    set = new Set();
    const { toks } = s;
    for (let k = 0; k + 3 < toks.length; k++) {
      if (toks[k].t !== T.Id || toks[k].v !== 'const') continue;
      // `const string Name =`, `const int Name =`.
      if (isId(toks[k + 2]) && isP(toks[k + 3], '=')) set.add(toks[k + 2].v);
    }
    CS_CONSTS.set(s.toks, set);
  }
  return set.has(name);
}

/**
 * Python `f"{classifier_system}"`: a lower-case name the module binds once outside any function (`with open(p) as f:
 * classifier_system = f.read()`), or imports from another module, and that no `global` statement or `+=` rebinds.
 * No branch of a function sets it to another text (held-out 23's discord-chat-bot utils/ai_utils.py).
 */
function moduleName(s: EvalScope, name: string): boolean {
  if (!/^[a-z_]\w*$/.test(name)) return false;
  // Its bindings anywhere in the file decide (a `+=` in another function): an edit of the name takes the full path.
  s.readNames?.add(name);
  const t = tables(s);
  if (rebound(s).has(name)) return false;
  const list = t.binds.get(name);
  // An import: the other module's binding decides, and branches there come back as others.
  if (!list) return importsOf(s).names.has(name);
  if (list.length !== 1 || list[0].kind !== 'assign') return false;
  const at = list[0].name;
  for (const fns of t.fns.values()) for (const f of fns) if (at >= f.body && at < f.bodyEnd) return false;
  // Another binding, `global` or `+=` past the first screen undoes it (editor/prefix.ts).
  s.forward?.add(USES + name);
  return true;
}

/** Python `prompt = f"{prompt}\nRules: …"`, Ruby `prompt = "#{prompt}\nRules: …"` (the literal at toks[i]): the hole reads the name's value before this
 * assignment, as `prompt += "…"` would (lookup.ts selfRead picks that binding). */
function selfAppend(s: EvalScope, name: string, i: number): boolean {
  const { toks } = s;
  return isP(toks[i - 1], '=') && isId(toks[i - 2]) && toks[i - 2].v === name && !isP(toks[i - 3], '.');
}

/** A forward name `uses:x`: any use of `x` after a prefix's cut may change the value. */
export const USES = 'uses:';

const REBOUND = new KeyMemo<object, Set<string>>();
/** The augmented assignments that grow a text or a list in place. */
const AUGMENTED = new Set(['+=', '*=', '|=']);

/** The names a file rebinds where the tables do not see it: after `global`, before `+=` (one pass per file). */
function rebound(s: EvalScope): Set<string> {
  const t = tables(s);
  let out = REBOUND.get(t);
  if (out) return out;
  out = new Set();
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (isId(toks[k]) && toks[k].v === 'global') for (let j = k + 1; isId(toks[j]); j += 2) {
      if (globalRebinds(s.text, toks[j].v)) out.add(toks[j].v);
      if (!isP(toks[j + 1], ',')) break;
    }
    else if (isId(toks[k]) && AUGMENTED.has(toks[k + 1].t === T.Punct ? toks[k + 1].v : '')) out.add(toks[k].v);
  }
  REBOUND.set(t, out);
  return out;
}

/**
 * Ruby `"#{name}"`: a constant, or a local the whole file assigns once (`prompt = template.gsub(…)` in the method that
 * returns `"Now: #{t}\n\n#{prompt}"`, held-out 24's anomaly detector): no branch can set it to another text.
 */
function assignedOnce(s: EvalScope, name: string, i: number): boolean {
  if (isConstantName(name)) return true;
  if (!/^[a-z_]\w*$/.test(name)) return false;
  s.readNames?.add(name);
  const list = tables(s).binds.get(name);
  if (list?.length === 1) return list[0].kind === 'assign';
  // A `def` opens a new scope for locals (Ruby docs, syntax/assignment.rdoc "Local Variables and Methods"): two methods
  // each building `prompt` (held40 C12, C13 kongo-28/wishy_api) assign it once each. Only the assignments between the
  // `def`s around the hole count.
  const [from, to] = defRegion(s, i);
  if (from < 0 || !list) return false;
  const mine = list.filter((b) => b.name > from && b.name < to);
  return mine.length === 1 && mine[0].kind === 'assign' && mine[0].name < i;
}

/** Each Ruby file's `def` tokens, in order. */
const DEFS = new KeyMemo<object, number[]>();

/** The `def` token at or before `i` and the next one (or the end), by binary search; [-1, …] when none is before. */
function defRegion(s: EvalScope, i: number): [number, number] {
  let defs = DEFS.get(s.toks);
  if (!defs) {
    defs = [];
    for (let k = 0; k < s.toks.length; k++) if (s.toks[k].t === T.Id && s.toks[k].v === 'def' && !isP(s.toks[k - 1], '.')) defs.push(k);
    DEFS.set(s.toks, defs);
  }
  let lo = 0;
  let hi = defs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (defs[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return [lo > 0 ? defs[lo - 1] : -1, lo < defs.length ? defs[lo] : s.toks.length];
}

/**
 * Ruby `"Write in a #{tone} tone: #{text}"` in `def summarize(text, tone = "neutral")`: the name is the method's
 * parameter where the literal is (no assignment of it in between), which the evaluator reads from the method's
 * callers, the default where one leaves it out (file-callers.ts); a caller passing a run-time value leaves it named.
 */
function rubyParam(s: EvalScope, name: string, pos: number): boolean {
  if (!(s.syn.id === 'php' ? /^\$[A-Za-z_]\w*$/ : /^[a-z_]\w*$/).test(name) || name === '$this') return false;
  s.readNames?.add(name);
  return pick(tables(s).binds.get(name), s, pos)?.kind === 'param';
}

/**
 * Ruby `"#{base_prompt} #{@text}"` where `base_prompt` is a method of the file called bare (`def base_prompt` returning
 * a literal, ApprenticeshipStandardsDotOrg app/services/generate_training_data.rb): no local or parameter of that name
 * where the literal is, so the name is the method (ruby-attrs.ts rubyBare reads its return); a method returning texts
 * on several branches stays named.
 */
function rubyMethod(s: EvalScope, name: string, pos: number): boolean {
  if (!/^[a-z_]\w*[?!]?$/.test(name)) return false;
  s.readNames?.add(name);
  const t = tables(s);
  return !!t.fns.get(name)?.length && !pick(t.binds.get(name), s, pos);
}

/**
 * Kotlin `"$base …"` / `"${base}"`: a name every binding of which in the file is a `val` (a class's `private val
 * baseSystemPrompt = \"\"\"…\"\"\".trimIndent()`, a function's local), which no code assigns again
 * (https://kotlinlang.org/docs/properties.html: read-only), or a constant-style name. Held-out 32 AiAdvent
 * DeepSeekService.kt (`$baseSystemPrompt` in the step-by-step system prompt).
 */
function readOnly(s: EvalScope, name: string): boolean {
  if (isConstantName(name)) return true;
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  s.readNames?.add(name);
  const list = tables(s).binds.get(name);
  return !!list?.length && list.every((b) => b.kind === 'assign' && b.value >= 0 && s.toks[b.name - 1]?.v === 'val' && isId(s.toks[b.name - 1]));
}

/**
 * A JavaScript name whose every binding in the file is a `const` (never assigned again, so no branch sets it to a
 * fallback while another reads a run-time text: the case that keeps Python's locals named), or that the file binds
 * nowhere (an import: an ES module binding is read-only), or a constant-style name.
 */
function boundOnce(s: EvalScope, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
    const names = name.split('.');
    return names.every((n) => /^[A-Za-z_]\w*$/.test(n)) && /^[A-Z][A-Z0-9_]*$/.test(names[names.length - 1]);
  }
  s.readNames?.add(name);
  const list = tables(s).binds.get(name);
  if (!list) return true;
  const declared = (b: Binding) => isId(s.toks[b.name - 1]) && s.toks[b.name - 1].v === 'const';
  const isConst = (b: Binding) => b.kind === 'assign' && (b.fixed || declared(b));
  if (list.every(isConst)) return true;
  // `let systemMessage: string;` set once, by `systemMessage = data` in a read's callback (js-read-callbacks.ts): one
  // assignment in the whole file and no `+=`.
  if (list.length !== 1 || list[0].kind !== 'assign' || list[0].value < 0 || rebound(s).has(name)) return false;
  s.forward?.add(USES + name);
  return true;
}

/**
 * A same-file constant written as a template (`const prompt = \`${intro}…\``, Python `PROMPT = f"…{CV}…"`), which the
 * constant table reads with its holes: the evaluator's value of the name at toks[i..end] when it leaves fewer holes,
 * or as many with more text (a hole filled by a helper's file text whose error path returns None names that return).
 */
export function refilled<V extends { str?: string; holes?: string[] }>(s: EvalScope, con: V, i: number, end: number): V | Value {
  const v = expr(s, i, end, 0).v;
  if (v?.str === undefined) return con;
  const [n, was] = [v.holes?.length ?? 0, con.holes?.length ?? 0];
  const longer = v.str.length > (con.str?.length ?? 0);
  // A hole filled by a text with holes of its own (`{author_context}` set to one of two f-strings, py-local-texts.ts):
  // more holes, but one of the literal's own is gone and the text is longer.
  const gone = longer && !!con.holes?.some((h) => !v.holes?.includes(h));
  return n < was || (n === was && longer) || gone ? v : con;
}
