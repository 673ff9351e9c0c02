// A pydantic model's fields spread into the SDK call: `openai.ChatCompletion.acreate(**request.dict(), stream=s)`,
// `client.chat.completions.create(**req.model_dump())` (held48 L10, tonywu6/chatbot chatbot/modules/chat/session.py:149
// with `request = self.to_request()`, `def to_request(self) -> ChatCompletionRequest`, and models.py `class
// ChatCompletionRequest(BaseModel): model: ChatModel = "gpt-4"; max_tokens: Optional[int] = None`). `.dict()` (pydantic
// v1) and `.model_dump()` (v2) return every field, its value as the object was made
// (https://docs.pydantic.dev/latest/concepts/serialization/#modelmodel_dump): the class's field defaults are the
// stated defaults, which the code making the object may replace. A limit field with no number for a default (None) or
// no limit field at all leaves the limit to run time, never "add a limit".
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables } from './scope';
import { evaluate } from './evaluate';
import { imported } from './imported';
import { pick } from './lookup';
import { classAttribute, namedClass } from './class-options';
import { listItems } from './members';
import { modelOf, type Ctx } from './values';
import type { Found } from './keys';
import type { EvalScope, Value } from './value';

const DUMPS = new Set(['dict', 'model_dump']);
/** Pydantic bases whose subclasses `.dict()` / `.model_dump()` their fields. */
const PYDANTIC = new Set(['BaseModel', 'BaseSettings']);
/** Limit fields, by the SDKs' names (call-keys.ts LIMIT_KEYS, Python spelling). */
const LIMIT_FIELDS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'max_new_tokens'];
/** Wrappers that keep the class an annotation names. */
const WRAPPERS = new Set(['Optional', 'Annotated']);
/** Tokens before a use searched for `x.key = …`. */
const MAX_SET_SEARCH = 4000;

/** Whether toks[a, e) is `X.dict()` / `X.model_dump()`. */
export function isDump(c: Ctx, a: number, e: number): boolean {
  const { toks, match } = c;
  return c.syn.id === 'python' && e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && DUMPS.has(toks[a + 2]?.v) && isP(toks[a + 3], '(') && match[a + 3] === a + 4;
}

/** `X.dict()` / `X.model_dump()` spread at token `a` (X): the model and limit its class's fields state, or undefined. */
export function modelDump(c: Ctx, f: Found, a: number): Found | undefined {
  const { toks } = c;
  const held = classOf(c, toks[a].v, toks[a].start);
  if (!held) return undefined;
  const { cls, made } = held;
  // Made here with keywords (`CompletionRequest(messages=…, max_tokens=1000)`): what they pass replaces the default.
  const given = made !== undefined ? keywords(c, made) : undefined;
  if (made !== undefined && !given) return undefined;
  const scope = tables(c).classes.has(cls) ? c : classScope(c, cls);
  const at = scope ? namedClass(scope, cls) : -1;
  if (!scope || at < 0 || !pydantic(scope, at)) return undefined;
  const span = { start: toks[a].start, end: toks[a + 4].end };
  const shown = c.text.slice(span.start, span.end);
  const may = `what the ${cls} is made with may replace it`;
  const field = (name: string): Value | undefined => {
    const passed = given?.get(name);
    if (passed !== undefined) return { ...(evaluate(c, passed, exprEnd(c, passed)) ?? { runtime: name }), ...(setLater(c, toks[a].v, name, made!, a) ? { runtime: name } : {}) };
    if (setLater(c, toks[a].v, name, made ?? -1, a)) return { runtime: name };
    const v = classAttribute(scope, at, name);
    if (v < 0) return undefined;
    const val = evaluate(scope, v, exprEnd(scope, v));
    const source = { ...(scope.file !== c.file ? { file: scope.file } : {}), offset: scope.toks[v].start, what: `default of ${cls}.${name} (${may})` };
    // `max_tokens: Optional[int] = None`: a field with no value (a keyword evaluates to none).
    return val ? { ...val, source } : {};
  };
  const m = field('model');
  const model = m?.str !== undefined && m.runtime === undefined ? modelOf(c, m, span) : undefined;
  if (!model || !('ref' in model)) return undefined;
  c.read?.push(span);
  const out: Found = { model, parts: [{ text: '', span, resolved: false, label: `${shown} (its other fields set at run time)` }], messages: 0 };
  let unset = `${shown} (no limit field read in ${cls})`;
  for (const key of LIMIT_FIELDS) {
    const n = field(key);
    if (!n) continue;
    if (n.num !== undefined && Number.isFinite(n.num) && n.num >= 0 && n.runtime === undefined && !n.others?.length) {
      out.limit = { value: n.num, span: n.lit && n.lit.scope.file === c.file ? n.lit.span : span, key, source: n.source };
      if (n.lit && n.lit.scope.file !== c.file) [out.limit.span, out.limit.file] = [n.lit.span, n.lit.scope.file];
    }
    unset = `${toks[a].v}.${key} (no number for a default in ${cls}: set where it is made)`;
    break;
  }
  if (!out.limit) f.limitUnresolved ??= unset;
  return out;
}

/** The class a name holds at `pos`: a parameter annotated `x: Cls`, `x = Cls(…)` / `Cls.model_validate(…)`, or
 * `x = self.make()` / `make()` with `def make(self) -> Cls`. */
function classOf(c: Ctx, name: string, pos: number): { cls: string; made?: number } | undefined {
  const { toks, match } = c;
  const b = pick(tables(c).binds.get(name), c, pos);
  if (!b) return undefined;
  const named = (cls: string | undefined) => (cls ? { cls } : undefined);
  if (b.kind === 'param') return isP(toks[b.name + 1], ':') ? named(annotation(c, b.name + 2)) : undefined;
  const v = b.value;
  if (b.kind !== 'assign' || v < 0) return undefined;
  if (isId(toks[v]) && /^[A-Z]\w*$/.test(toks[v].v) && isP(toks[v + 1], '(') && exprEnd(c, v) === match[v + 1] + 1) return { cls: toks[v].v, made: v + 1 };
  if (isId(toks[v]) && /^[A-Z]\w*$/.test(toks[v].v) && isP(toks[v + 1], '.') && /^(model_validate|parse_obj)$/.test(toks[v + 2]?.v)) return undefined;
  // A method or function of this file called without arguments' use of them: its return annotation.
  const callee = toks[v].v === 'self' && isP(toks[v + 1], '.') ? v + 2 : v;
  if (!isId(toks[callee]) || !isP(toks[callee + 1], '(') || exprEnd(c, v) !== match[callee + 1] + 1) return undefined;
  const fn = tables(c).fns.get(toks[callee].v);
  if (fn?.length !== 1) return undefined;
  const params = fn[0].name + 1;
  const close = match[params];
  return close > params && isP(toks[close + 1], '->') ? named(annotation(c, close + 2)) : undefined;
}

/** The keyword arguments of the call whose `(` is at `open`, by name (their values' first tokens); undefined when
 * it passes anything else (`**kwargs`, a positional argument). */
function keywords(c: Ctx, open: number): Map<string, number> | undefined {
  const { toks, match } = c;
  const out = new Map<string, number>();
  for (const [a, b] of listItems(c, open) ?? []) {
    if (!isId(toks[a]) || !isP(toks[a + 1], '=') || b <= a + 2) return undefined;
    out.set(toks[a].v, a + 2);
  }
  return match[open] > open ? out : undefined;
}

/** `x.key = …` (or `setattr`) between the object's making and its use at `use`. */
function setLater(c: Ctx, name: string, key: string, from: number, use: number): boolean {
  const { toks } = c;
  for (let k = Math.max(from, use - MAX_SET_SEARCH, 2); k < use; k++) if (toks[k].v === key && isP(toks[k - 1], '.') && toks[k - 2]?.v === name && isP(toks[k + 1], '=')) return true;
  return false;
}

/** The class an annotation at toks[k] names (`Cls`, `Optional[Cls]`, `"Cls"`). */
function annotation(c: Ctx, k: number): string | undefined {
  const { toks } = c;
  if (isId(toks[k]) && WRAPPERS.has(toks[k].v) && isP(toks[k + 1], '[')) k += 2;
  const tk = toks[k];
  const cls = tk?.t === T.Str && !tk.holes?.length ? tk.v : isId(tk) ? tk.v : undefined;
  return cls && /^[A-Z]\w*$/.test(cls) && !isP(toks[k + 1], '.') ? cls : undefined;
}

/** The file that defines an imported class. */
function classScope(c: Ctx, cls: string): EvalScope | undefined {
  const v = imported(c, cls, 1);
  return v?.obj?.kind === 'instance' ? v.obj.scope : undefined;
}

/** `class Cls(BaseModel):` / `(pydantic.BaseModel)` / `(BaseSettings)`. */
function pydantic(s: EvalScope, at: number): boolean {
  const { toks, match } = s;
  const open = at + 2;
  if (!isP(toks[open], '(') || !(match[open] > open)) return false;
  for (let k = open + 1; k < match[open]; k++) if (isId(toks[k]) && PYDANTIC.has(toks[k].v)) return true;
  return false;
}
