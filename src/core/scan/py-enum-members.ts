// Python Enum members read as values (issue #11 item 1). `Model.GPT.value` of a literal member is read by members.ts;
// here the forms real code writes past it: a member whose value is a tuple the Enum's `__init__` unpacks
// (`GPT_4_O = ('OpenAI', 'gpt-4o', 128*1000, True)` with `def __init__(self, vendor, version, …): self.version =
// version`), read as `LLMModel.GPT_4_O.version` or `model.version` of a parameter annotated `model: LLMModel`
// (yeralin/DiscordGPT constants.py:5-16, llm/openai.py:42, llm/anthropic.py:40); a member's `.name`; and `p.value` of
// such a parameter. The parameter's member is what its default or callers give (`model: Model = Model.GPT`); when no
// caller in view says, it is any member (the annotation says so): the dearest priced, the others named
// (https://docs.python.org/3/library/enum.html: "if the value of a member is a tuple, it is passed to `__init__`
// as separate arguments").
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables, exprEnd, type Binding } from './scope';
import { pick } from './lookup';
import { evaluate } from './evaluate';
import { imported } from './imported';
import { paramReadFromCallers } from './file-callers';
import { worstOf } from './worst-of';
import { column, enumClass as enumHead, startsLine } from './py-enums';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** Members read at most from one Enum class. */
const MAX_MEMBERS = 64;

interface EnumClass {
  scope: EvalScope;
  name: string;
  /** Member name → its value expression's tokens [from, to). */
  members: Map<string, [number, number]>;
  /** `__init__`'s parameters after `self`, in order. */
  params: string[];
  /** Attribute → the `__init__` parameter it is set from (`self.version = version`). */
  attrs: Map<string, string>;
}

/** `Cls.MEMBER.attr`, `p.attr` (p annotated with an Enum class), read before the scope lookup (early-members.ts). */
export function pyEnumAttr(s: EvalScope, names: string[], pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'python' || depth > MAX_DEPTH) return undefined;
  if (names.length === 3 && /^[A-Z]/.test(names[0])) {
    const cls = enumClass(s, names[0]);
    if (cls) s.readNames?.add(names[0]);
    return cls && memberAttr(cls, names[1], names[2], depth);
  }
  if (names.length !== 2 || !/^[a-z_]/.test(names[0])) return undefined;
  const b = pick(tables(s).binds.get(names[0]), s, pos);
  if (b?.kind !== 'param') return undefined;
  const cls = annotatedEnum(s, b.name);
  if (!cls) return undefined;
  s.readNames?.add(names[0]);
  s.readNames?.add(cls.name);
  const attr = names[1];
  const passed = paramAttr(s, b, cls, attr, depth);
  if (passed) return passed;
  // No caller in view says which: any member of the class.
  const all = [...cls.members.keys()].map((m) => memberAttr(cls, m, attr, depth));
  if (!all.length || all.some((v) => !v || v.str === undefined)) return undefined;
  const worst = worstOf(all as Value[]);
  return worst && worst.source ? { ...worst, source: { ...worst.source, what: `${cls.name}.*.${attr}: any member of ${cls.name} (parameter ${names[0]})`, of: all.length } } : worst;
}

/** The attribute of the member a parameter is given: by its callers, else (none in view passes it) its default. */
function paramAttr(s: EvalScope, b: Binding, cls: EnumClass, attr: string, depth: number): Value | undefined {
  const dflt = b.value >= 0 ? passedAttr(s, b.value, exprEnd(s, b.value), cls, attr, depth + 1) : undefined;
  const named = dflt && { ...dflt, source: dflt.source && { ...dflt.source, what: `default of parameter ${s.toks[b.name].v} (${dflt.source.what})` } };
  const via = (sc: EvalScope, arg: [number, number], d: number) => passedAttr(sc, arg[0], arg[1], cls, attr, d);
  return paramReadFromCallers(s, b.name, depth, via, named) ?? named;
}

/** `Cls.MEMBER` written at a caller (or as the default), or a name holding one (`model_name = Models.gpt_4_turbo` then
 * `run(model_name=model_name)`, JannicCutura/ieee-2024-suicide-prevention src/open_ai.py:239): that member's attribute. */
function passedAttr(s: EvalScope, from: number, to: number, cls: EnumClass, attr: string, depth: number): Value | undefined {
  const { toks } = s;
  if (depth > MAX_DEPTH) return undefined;
  if (to - from === 1 && isId(toks[from])) {
    s.readNames?.add(toks[from].v);
    const b = pick(tables(s).binds.get(toks[from].v), s, toks[from].start);
    if (b?.kind === 'param') return paramAttr(s, b, cls, attr, depth + 1);
    return b?.kind === 'assign' && b.value >= 0 ? passedAttr(s, b.value, exprEnd(s, b.value), cls, attr, depth + 1) : undefined;
  }
  if (to - from !== 3 || !isId(toks[from]) || !isP(toks[from + 1], '.') || !isId(toks[from + 2])) return undefined;
  const c = toks[from].v === cls.name ? cls : enumClass(s, toks[from].v);
  return c && memberAttr(c, toks[from + 2].v, attr, depth);
}

/** The Enum class a parameter at toks[nameIdx] is annotated with (`model: LLMModel`). */
function annotatedEnum(s: EvalScope, nameIdx: number): EnumClass | undefined {
  const { toks } = s;
  if (!isP(toks[nameIdx + 1], ':') || !isId(toks[nameIdx + 2]) || isP(toks[nameIdx + 3], '.') || isP(toks[nameIdx + 3], '[')) return undefined;
  return /^[A-Z]/.test(toks[nameIdx + 2].v) ? enumClass(s, toks[nameIdx + 2].v) : undefined;
}

function enumClass(s: EvalScope, name: string): EnumClass | undefined {
  let scope: EvalScope | undefined = s;
  if (!tables(s).classes.has(name)) {
    const o = imported(s, name, 0)?.obj;
    scope = o?.kind === 'instance' ? o.scope : undefined;
  }
  return scope && readEnum(scope, name);
}

/** The member's attribute: `value` (a literal member), `name`, or one its `__init__` sets from the tuple. */
function memberAttr(cls: EnumClass, member: string, attr: string, depth: number): Value | undefined {
  const at = cls.members.get(member);
  if (!at) return undefined;
  const s = cls.scope;
  const what = `${cls.name}.${member}.${attr}`;
  if (attr === 'name') return { str: member, source: { file: s.file, offset: s.toks[at[0] - 2].start, what } };
  let [from, to] = at;
  if (attr !== 'value') {
    const p = cls.attrs.get(attr);
    const i = p === undefined ? -1 : cls.params.indexOf(p);
    const items = i < 0 ? undefined : tupleItems(s, from, to);
    if (!items || i >= items.length || items.length !== cls.params.length) return undefined;
    [from, to] = items[i];
  } else if (cls.params.length) return undefined;
  const v = evaluate(s, from, to, depth + 1);
  if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
  return { ...v, source: { file: s.file, offset: s.toks[from].start, what } };
}

/** The items of `(a, b, c)` or `a, b, c` over toks[from, to). */
function tupleItems(s: EvalScope, from: number, to: number): [number, number][] | undefined {
  const { toks, match } = s;
  if (isP(toks[from], '(') && match[from] === to - 1) [from, to] = [from + 1, to - 1];
  const out: [number, number][] = [];
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k < to && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (k === to || isP(toks[k], ',')) {
      if (k > start) out.push([start, k]);
      start = k + 1;
    }
  }
  return out.length > 1 ? out : undefined;
}

function readEnum(s: EvalScope, name: string): EnumClass | undefined {
  const { toks, text } = s;
  const head = enumHead(s, name);
  if (!head) return undefined;
  const { at: k, first, classCol, bodyCol } = head;
  {
    const cls: EnumClass = { scope: s, name, members: new Map(), params: [], attrs: new Map() };
    let j = first;
    for (; j < toks.length && cls.members.size < MAX_MEMBERS; j++) {
      if (!startsLine(text, toks[j].start)) continue;
      const col = column(text, toks[j].start);
      if (col <= classCol) break;
      if (col !== bodyCol || !isId(toks[j])) continue;
      if (toks[j].v === 'def' && toks[j + 1]?.v === '__init__') readInit(s, j + 1, cls);
      else if (isP(toks[j + 1], '=') && !toks[j].v.startsWith('_')) cls.members.set(toks[j].v, [j + 2, exprEnd(s, j + 2)]);
    }
    // Read like a definition: an edit of the class changes the value (keystroke path).
    s.read?.push({ start: toks[k].start, end: toks[j - 1].end });
    return cls.members.size ? cls : undefined;
  }
}

/** `def __init__(self, vendor, version, …):` and its `self.x = param` lines. */
function readInit(s: EvalScope, at: number, cls: EnumClass): void {
  const { toks, match } = s;
  const open = at + 1;
  if (!isP(toks[open], '(') || !(match[open] > open)) return;
  for (let k = open + 1; k < match[open]; k++) {
    if (isId(toks[k]) && (isP(toks[k - 1], '(') || isP(toks[k - 1], ','))) cls.params.push(toks[k].v);
    else if ((isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  if (cls.params[0] === 'self') cls.params.shift();
  const fn = (tables(s).fns.get('__init__') ?? []).find((f) => f.name === at);
  if (!fn) return;
  for (let k = fn.body; k + 4 < fn.bodyEnd; k++) {
    if (toks[k].v === 'self' && isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '=') && toks[k + 4].t === T.Id && cls.params.includes(toks[k + 4].v)) {
      cls.attrs.set(toks[k + 2].v, toks[k + 4].v);
    }
  }
}


