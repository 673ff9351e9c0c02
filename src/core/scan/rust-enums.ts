// Rust `model.name()` where `model: Model` is a parameter of an enum type and `impl Model { fn name(self) -> &'static
// str { match self { Self::Gpt35 => "gpt-3.5-turbo", Self::Gpt4 => "gpt-4" } } }`: what the method's arm gives the
// enum's default variant (`#[default]` on it, or `impl Default for Model` returning it), the value a command-line
// option declared `default_value_t = Default::default()` takes when not given (cligpt src/main.rs); the other
// variants' values are named. With no default, every arm is a value it can take (the dearest priced, branches.ts).
// `Model::Gpt4.name()` is that variant's arm. `to_string()` with no method of that name is Display's: `impl fmt::Display
// for Model { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { match self { Model::Gpt4o => write!(f, "gpt-4o"),
// … } } }` (https://doc.rust-lang.org/std/fmt/trait.Display.html: ToString is implemented for every Display type).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { alternatives } from './branches';
import { evaluate } from './evaluate';
import { at, type EvalScope, type Value } from './value';
import { implsOf, typeFile, typeNameAt } from './rust-fields';

/** Arms of one match read at most. */
const MAX_ARMS = 64;

/** Macros that never return (std panic!, unreachable!, todo!, unimplemented!). */
const NO_VALUE = new Set(['panic', 'unreachable', 'todo', 'unimplemented']);

/** `recv.method()` (names `[recv, method]`) or `Type::Variant.method()` (`[Type, Variant, method]`) on an enum. */
export function rustEnumMethod(s: EvalScope, names: string[], nameAt: number, depth: number): Value | undefined {
  const { toks } = s;
  const method = names[names.length - 1];
  let type: string;
  let chosen: string | undefined;
  if (names.length === 3 && /^[A-Z]/.test(names[0])) [type, chosen] = [names[0], names[1]];
  else if (names.length === 2) {
    const pos = at(s, nameAt);
    const b = tables(s).binds.get(names[0])?.filter((x) => toks[x.name].start < pos).pop();
    if (b?.kind !== 'param' || b.value >= 0 || (b.until ?? 0) < pos || !isP(toks[b.name + 1], ':')) return undefined;
    const j = typeNameAt(s, b.name + 2);
    if (j < 0) return undefined;
    type = toks[j].v;
    s.read?.push({ start: toks[b.name].start, end: toks[j].end });
  } else return undefined;
  s.readNames?.add(type);
  const es = typeFile(s, type, 'enum');
  if (!es) return undefined;
  const arms = methodArms(es, type, method, depth);
  if (!arms?.length) return undefined;
  const armOf = (v: string) => arms.find((a) => a.variants.includes(v)) ?? arms.find((a) => a.variants.includes('_'));
  const named = (a: Arm, what: string): Value => ({ ...a.v, source: a.v.source ?? { file: es.file, offset: es.toks[a.at].start, what } });
  if (chosen) {
    const a = armOf(chosen);
    return a && named(a, `${type}::${chosen}.${method}()`);
  }
  const dv = defaultVariant(es, type);
  const own = dv !== undefined ? armOf(dv) : undefined;
  if (own) {
    const others = [...new Set(arms.filter((a) => a !== own).map((a) => a.v.str ?? a.v.num))].filter((x) => x !== undefined && x !== (own.v.str ?? own.v.num));
    const rest = others.length ? `; the other variants give ${others.map((x) => (typeof x === 'string' ? `"${x}"` : x)).join(', ')}` : '';
    return { ...own.v, source: { file: es.file, offset: es.toks[own.at].start, what: `${names[0]}.${method}() of ${type}'s default variant ${dv}${rest}` } };
  }
  return arms.length === 1 ? named(arms[0], `${names[0]}.${method}()`) : alternatives(arms.map((a) => named(a, `${names[0]}.${method}() for ${a.variants.join(' | ')}`)), `${names[0]}.${method}()`);
}

interface Arm {
  variants: string[];
  /** Tokens of the arm's value [at, end): the text a Display arm writes. */
  at: number;
  end: number;
  v: Value;
}

/**
 * Where `Type::Variant.method()` takes its value: the arm's value tokens in the enum's file, for a reader that reads a
 * key there (rust-method-body.ts, `"model": self.model.to_string()` with the field given `ChatCompletionModel::Gpt4`,
 * WVAviator/lorecraft src-tauri/src/openai_client/chat_completion/chat_completion_request.rs).
 */
export function variantArm(s: EvalScope, type: string, variant: string, method: string, depth: number): { s: EvalScope; from: number; to: number } | undefined {
  s.readNames?.add(type);
  const es = typeFile(s, type, 'enum');
  const arms = es ? methodArms(es, type, method, depth) : undefined;
  const a = arms?.find((x) => x.variants.includes(variant)) ?? arms?.find((x) => x.variants.includes('_'));
  return es && a ? { s: es, from: a.at, to: a.end } : undefined;
}

/** The arms of `match self { … }` in `fn <method>` of an `impl <type>` block, each with a value known before run time;
 * undefined when there is no such match or an arm's value is known only at run time. */
function methodArms(s: EvalScope, type: string, method: string, depth: number): Arm[] | undefined {
  const { toks, match } = s;
  const impls = implsOf(s).filter((b) => b.type === type);
  const own = (name: string, trait?: string) => tables(s).fns.get(name)?.find((x) => impls.some((b) => b.open < x.name && x.name < b.close && (!trait || b.trait === trait)));
  const display = method === 'to_string' && !own(method);
  const f = display ? own('fmt', 'Display') : own(method);
  if (!f) return undefined;
  let m = f.body;
  while (m < f.bodyEnd && !(isId(toks[m]) && toks[m].v === 'match')) m++;
  let open = m + 1;
  while (isP(toks[open], '*') || isP(toks[open], '&')) open++;
  if (!(isId(toks[open]) && toks[open].v === 'self') || !isP(toks[open + 1], '{')) return undefined;
  open++;
  const close = match[open];
  if (!(close > open) || close > f.bodyEnd) return undefined;
  s.read?.push({ start: toks[f.name].start, end: toks[close].end });
  const arms: Arm[] = [];
  let k = open + 1;
  while (k < close && arms.length < MAX_ARMS) {
    const variants: string[] = [];
    while (k < close && !isP(toks[k], '=>')) {
      if (isId(toks[k]) && !isP(toks[k + 1], '::') && toks[k].v !== 'Self' && toks[k].v !== type) variants.push(toks[k].v);
      k = (isP(toks[k], '(') || isP(toks[k], '{')) && match[k] > k ? match[k] + 1 : k + 1;
    }
    const from = k + 1;
    let e = from;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    if (from >= e) return undefined;
    // A block arm `Self::A => { "a" }`: its one value; Display's `write!(f, "a")` / `f.write_str("a")`: the text;
    // `String::from("a")`: "a" (lorecraft's ChatCompletionModel::to_string).
    let [a, b] = isP(toks[from], '{') && match[from] === e - 1 ? [from + 1, e - 1] : [from, e];
    // An arm that panics gives no value (`Self::Invalid => panic!("Invalid model")`, tsukinaha/sion src/models.rs).
    if (NO_VALUE.has(toks[a]?.v) && isP(toks[a + 1], '!')) {
      k = e + 1;
      continue;
    }
    if (display) [a, b] = written(s, a, b);
    else if (toks[a]?.v === 'String' && isP(toks[a + 1], '::') && toks[a + 2]?.v === 'from' && isP(toks[a + 3], '(') && match[a + 3] === b - 1) [a, b] = [a + 4, b - 1];
    const v = a < b ? evaluate(s, a, b, depth + 1) : undefined;
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
    arms.push({ variants, at: a, end: b, v });
    k = e + 1;
  }
  return arms;
}

/** The variant `#[default]` marks in `enum <type> { … }`, else the one `impl Default for <type>` returns. */
function defaultVariant(s: EvalScope, type: string): string | undefined {
  const { toks, match } = s;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== type || toks[k - 1].v !== 'enum' || !isP(toks[k + 1], '{') || !(match[k + 1] > k + 1)) continue;
    for (let j = k + 2; j < match[k + 1]; j++) {
      if (isP(toks[j], '{') || isP(toks[j], '(')) j = match[j] > j ? match[j] : j;
      else if (isP(toks[j], '#') && isP(toks[j + 1], '[') && toks[j + 2]?.v === 'default' && isP(toks[j + 3], ']')) {
        let v = j + 4;
        while (isP(toks[v], '#') && isP(toks[v + 1], '[') && match[v + 1] > v) v = match[v + 1] + 1;
        if (isId(toks[v])) return toks[v].v;
      }
    }
    break;
  }
  const impl = implsOf(s).find((b) => b.type === type && b.trait === 'Default');
  if (!impl) return undefined;
  // The variant its body names is read here, apart from the call: an edit there takes the full path (editor/incremental.ts).
  s.read?.push({ start: toks[impl.open].start, end: toks[impl.close].end });
  for (let k = impl.open + 1; k + 2 < impl.close; k++) {
    if ((toks[k].v === 'Self' || toks[k].v === type) && isP(toks[k + 1], '::') && isId(toks[k + 2]) && !isP(toks[k + 3], '(') && !isP(toks[k + 3], '{')) return toks[k + 2].v;
  }
  return undefined;
}

/** The text a Display arm toks[a, b) writes with no argument: `write!(f, "…")`, `f.write_str("…")`; [0, 0) for other. */
function written(s: EvalScope, a: number, b: number): [number, number] {
  const { toks, match } = s;
  // A format string with a `{}` takes arguments; a text of its own has none.
  const lit = (k: number) => (toks[k]?.t === T.Str && !toks[k].v.includes('{') ? ([k, k + 1] as [number, number]) : undefined);
  if (toks[a]?.v === 'write' && isP(toks[a + 1], '!') && isP(toks[a + 2], '(') && match[a + 2] === b - 1 && isId(toks[a + 3]) && isP(toks[a + 4], ',') && b - 1 === a + 6) return lit(a + 5) ?? [0, 0];
  if (isId(toks[a]) && isP(toks[a + 1], '.') && toks[a + 2]?.v === 'write_str' && isP(toks[a + 3], '(') && match[a + 3] === b - 1 && b - 1 === a + 5) return lit(a + 4) ?? [0, 0];
  return [0, 0];
}
