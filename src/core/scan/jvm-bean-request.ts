// A Java request object of the app's own class, read by the names Jackson writes (request-defs.ts): made with its
// constructor (`new AskRequest("gpt-4o", msgs)`, jvm-ctor-body.ts), made empty and filled by setters
// (`ChatGPTRequest r = new ChatGPTRequest(); r.setModel("gpt-3.5-turbo"); r.setMax_tokens(20);`, a JavaBean: the
// setter `setX` writes property `x`), or a Lombok builder whose methods are named after the fields
// (https://projectlombok.org/features/Builder: "a method for each parameter … with the same name as the parameter")
// when a field's JSON name is another (`@JsonProperty("max_tokens") Integer limit` then `.limit(400)`). Jackson names a
// property by its field or accessor, `@JsonProperty` overriding it (https://github.com/FasterXML/jackson-annotations
// JsonProperty). Forms seen in Spring apps calling OpenAI without an SDK (code corpus, `new HttpEntity<>(chatGPTRequest`).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { normKey } from './call-keys';
import { readKey, type Found } from './keys';
import { classScopes } from './imported';
import { tables } from './scope';
import { constructionAt, readConstruction } from './jvm-ctor-body';
import type { EvalScope } from './value';
import type { Ctx } from './values';

/** Tokens after `new X()` searched for its setters. */
const MAX_SETTERS = 3000;
/** Tokens between a `@JsonProperty("…")` and the field it names. */
const MAX_DECL = 12;

interface Read {
  found: Found;
  start: number;
  end: number;
}

/** The request the app's own class makes at toks[def]: a constructor's arguments, setters after `new X()`, a builder. */
export function beanRequest(c: Ctx, def: number): Read | undefined {
  if (c.syn.id !== 'java') return undefined;
  const { toks, match } = c;
  const made = constructionAt(c, def);
  if (made && match[made.open] === made.open + 1) return setters(c, def, made.cls, match[made.open]);
  const found: Found = { parts: [], messages: 0 };
  if (made) return readConstruction(c, found, made.cls, made.open) ? { found, start: def, end: match[made.open] } : undefined;
  if (isId(toks[def]) && /^[A-Z]/.test(toks[def].v) && isP(toks[def + 1], '.') && toks[def + 2]?.v === 'builder' && isP(toks[def + 3], '(') && match[def + 3] === def + 4) return builder(c, def);
  return undefined;
}

/** Reads one `name(value)` link or setter as the property its JSON name says. */
function read(c: Ctx, f: Found, nameAt: number, open: number, key: string): void {
  const a = args(c, open, c.match[open]);
  if (a.length !== 1 || a[0].from >= a[0].to) return;
  const had = f.limit;
  readKey(c, f, nameAt, a[0].from, a[0].to, normKey(key));
  if (f.limit && f.limit !== had) f.limit = { ...f.limit, key };
}

/** `X r = new X();` then `r.setModel(…); r.setMessages(…);` in the same block (a setter in a nested block may not run). */
function setters(c: Ctx, def: number, cls: string, close: number): Read | undefined {
  const { toks, match } = c;
  if (!isP(toks[def - 1], '=') || !isId(toks[def - 2]) || !isP(toks[close + 1], ';')) return undefined;
  const name = toks[def - 2].v;
  const names = jsonNames(c, cls);
  const found: Found = { parts: [], messages: 0 };
  let end = -1;
  for (let k = close + 2; k < toks.length && k < close + MAX_SETTERS; k++) {
    if (isP(toks[k], '}')) break;
    if (isP(toks[k], '{') && match[k] > k) {
      k = match[k];
      continue;
    }
    const set = toks[k + 2]?.v;
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || !/^set[A-Z_]/.test(set ?? '') || !isP(toks[k + 3], '(') || !(match[k + 3] > k)) continue;
    const prop = set.charAt(3).toLowerCase() + set.slice(4);
    read(c, found, k + 2, k + 3, names.get(prop) ?? names.get(set.slice(3)) ?? prop);
    end = match[k + 3];
    k = end;
  }
  return end > 0 && (found.model || found.limit || found.parts.length) ? { found, start: def, end } : undefined;
}

/** `X.builder().a(…).b(…).build()` of a class whose fields' JSON names differ from them: each link read by its field's. */
function builder(c: Ctx, def: number): Read | undefined {
  const { toks, match } = c;
  const names = jsonNames(c, toks[def].v);
  if (![...names].some(([field, json]) => normKey(field) !== normKey(json))) return undefined;
  const found: Found = { parts: [], messages: 0 };
  let k = def + 4;
  while (isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '(') && match[k + 3] > k) {
    if (toks[k + 2].v !== 'build') read(c, found, k + 2, k + 3, names.get(toks[k + 2].v) ?? toks[k + 2].v);
    k = match[k + 3];
  }
  return { found, start: def, end: k };
}

/** The fields and record components of class `cls` that `@JsonProperty("…")` names, by their Java name. */
function jsonNames(c: Ctx, cls: string): Map<string, string> {
  const out = new Map<string, string>();
  const scopes: EvalScope[] = tables(c).classes.has(cls) ? [c] : [...classScopes(c, cls)].slice(0, 1);
  for (const s of scopes) {
    const { toks } = s;
    for (let k = 0; k + 3 < toks.length; k++) {
      if (!isP(toks[k], '@') || toks[k + 1].v !== 'JsonProperty' || !isP(toks[k + 2], '(') || toks[k + 3].t !== T.Str) continue;
      for (let j = k + 5; j < toks.length && j < k + 5 + MAX_DECL; j++) {
        if (isId(toks[j]) && /^[;,)=]$/.test(toks[j + 1]?.v ?? '')) {
          out.set(toks[j].v, toks[k + 3].v);
          break;
        }
      }
    }
  }
  return out;
}
