// A Java enum constant's getter: `.model(ChatModel.FAST.getId())` where `enum ChatModel { FAST("gpt-4o-mini"), …;
// private final String id; ChatModel(String id) { this.id = id; } public String getId() { return id; } }` — the
// constant's argument the constructor stores in the field the getter returns (held-out 24 gpt4fun-java
// OpenAIChatCompletionModelEnum.GPT35.getModelName()). Only that plain form: a getter or a constructor that computes,
// or a constant with a body of its own, is left as it was (run time).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import { classScopes } from './imported';
import type { EvalScope, Value } from './value';

/** Tokens between `enum Name` and its `{` (`implements A, B`), at most. */
const MAX_HEAD = 24;

/** `Enum.CONST.getX()` (also `Outer.Enum.CONST.getX()`): the value, when the enum states it. */
export function enumGetter(s: EvalScope, names: string[], argCount: number, depth: number): Value | undefined {
  const n = names.length;
  if (argCount !== 0 || n < 3 || s.syn.id !== 'java' || !/^get[A-Z]/.test(names[n - 1]) || !/^[A-Z][A-Z0-9_]*$/.test(names[n - 2])) return undefined;
  const [type, constant, getter] = names.slice(n - 3);
  if (!/^[A-Z]/.test(type)) return undefined;
  const scopes = [s, ...classScopes(s, type), ...(n >= 4 ? classScopes(s, names[n - 4]) : [])];
  for (const sc of scopes) {
    const v = readEnum(sc, type, constant, getter, depth);
    if (v) return v;
  }
  return undefined;
}

function readEnum(s: EvalScope, type: string, constant: string, getter: string, depth: number): Value | undefined {
  const { toks, match } = s;
  let open = -1;
  for (let k = 0; k + 2 < toks.length && open < 0; k++) {
    if (toks[k].v !== 'enum' || toks[k + 1].v !== type) continue;
    for (let j = k + 2; j < toks.length && j < k + MAX_HEAD; j++) {
      if (isP(toks[j], '{')) {
        open = j;
        break;
      }
    }
  }
  const close = open >= 0 ? match[open] : -1;
  if (close < 0) return undefined;
  const field = returnedField(s, open, close, getter);
  const param = field ? storedParam(s, open, close, type, field) : -1;
  if (param < 0) return undefined;
  return entryArg(s, open, close, type, constant, param, depth);
}

/** Argument `param` of the constant at the enum body's top level: `FAST("gpt-4o-mini"),` — a constant with a body of
 * its own is not read. */
function entryArg(s: EvalScope, open: number, close: number, type: string, constant: string, param: number, depth: number): Value | undefined {
  const { toks, match } = s;
  for (let k = open + 1; k < close; k++) {
    if (match[k] > k && (isP(toks[k], '(') || isP(toks[k], '{'))) {
      k = match[k];
      continue;
    }
    if (isP(toks[k], ';')) return undefined;
    if (toks[k].v !== constant || !isId(toks[k]) || !isP(toks[k + 1], '(') || isP(toks[match[k + 1] + 1], '{')) continue;
    const a = args(s, k + 1, match[k + 1])[param];
    const v = a ? evaluate(s, a.from, a.to, depth + 1) : undefined;
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
    return { ...v, source: v.source ?? { file: s.file, offset: toks[a!.from].start, what: `${type}.${constant}` } };
  }
  return undefined;
}

/** Kotlin `GptSetting.GPT_4O_MINI.value` of `enum class GptSetting(val value: String) { GPT_4O_MINI("gpt-4o-mini"), … }`
 * (Guuri11/ISI OpenAIClient.kt:18-27, domain/models/GptSetting.kt): the constant's argument for that property. */
export function kotlinEnumProperty(s: EvalScope, names: string[], depth: number): Value | undefined {
  const n = names.length;
  if (n < 3 || s.syn.id !== 'kotlin' || !/^[A-Z][A-Z0-9_]*$/.test(names[n - 2]) || !/^[A-Z]/.test(names[n - 3])) return undefined;
  const [type, constant, prop] = names.slice(n - 3);
  for (const sc of [s, ...classScopes(s, type), ...(n >= 4 ? classScopes(s, names[n - 4]) : [])]) {
    const { toks, match } = sc;
    for (let k = 0; k + 3 < toks.length; k++) {
      if (toks[k].v !== 'enum' || toks[k + 1].v !== 'class' || toks[k + 2].v !== type || !isP(toks[k + 3], '(') || match[k + 3] < 0) continue;
      // The property among the primary constructor's parameters (`val value: String`), by place.
      const param = args(sc, k + 3, match[k + 3]).findIndex((a) => {
        const colon = toks.slice(a.from, a.to).findIndex((t) => isP(t, ':'));
        return colon > 0 && toks[a.from + colon - 1].v === prop && /^va[lr]$/.test(toks[a.from + colon - 2]?.v ?? '');
      });
      let open = match[k + 3] + 1;
      while (open < toks.length && open < k + MAX_HEAD && !isP(toks[open], '{')) open++;
      const v = param >= 0 && isP(toks[open], '{') && match[open] > open ? entryArg(sc, open, match[open], type, constant, param, depth) : undefined;
      if (v) return v;
    }
  }
  return undefined;
}

/** The field `getter() { return f; }` / `{ return this.f; }` returns, in the enum body toks(open, close). */
function returnedField(s: EvalScope, open: number, close: number, getter: string): string | undefined {
  const { toks } = s;
  for (let k = open + 1; k + 6 < close; k++) {
    if (toks[k].v !== getter || !isP(toks[k + 1], '(') || !isP(toks[k + 2], ')') || !isP(toks[k + 3], '{') || toks[k + 4].v !== 'return') continue;
    const at = toks[k + 5].v === 'this' && isP(toks[k + 6], '.') ? k + 7 : k + 5;
    return isId(toks[at]) && isP(toks[at + 1], ';') && isP(toks[at + 2], '}') ? toks[at].v : undefined;
  }
  return undefined;
}

/** The place of the constructor's parameter stored in `field` (`this.field = p;` / `field = p;`), or -1. */
function storedParam(s: EvalScope, open: number, close: number, type: string, field: string): number {
  const { toks, match } = s;
  for (let k = open + 1; k < close; k++) {
    if (toks[k].v !== type || !isP(toks[k + 1], '(') || isP(toks[k - 1], '.') || toks[k - 1].t === T.Str) continue;
    const shut = match[k + 1];
    if (shut < 0 || !isP(toks[shut + 1], '{')) continue;
    const params = args(s, k + 1, shut).map((p) => (isId(toks[p.to - 1]) ? toks[p.to - 1].v : ''));
    const end = match[shut + 1];
    for (let j = shut + 2; j + 3 < end; j++) {
      const at = toks[j].v === 'this' && isP(toks[j + 1], '.') ? j + 2 : j;
      if (toks[at].v !== field || !isP(toks[at + 1], '=') || !isId(toks[at + 2]) || !isP(toks[at + 3], ';')) continue;
      if (at === j && isP(toks[j - 1], '.')) continue;
      return params.indexOf(toks[at + 2].v);
    }
  }
  return -1;
}
