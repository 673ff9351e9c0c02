// Rust `model.name()` where `model: Model` is a parameter of an enum type and `impl Model { fn name(self) -> &'static
// str { match self { Self::Gpt35 => "gpt-3.5-turbo", Self::Gpt4 => "gpt-4" } } }`: what the method's arm gives the
// enum's default variant (`#[default]` on it, or `impl Default for Model` returning it), the value a command-line
// option declared `default_value_t = Default::default()` takes when not given (cligpt src/main.rs); the other
// variants' values are named. With no default, every arm is a value it can take (the dearest priced, branches.ts).
// `Model::Gpt4.name()` is that variant's arm.
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { alternatives } from './branches';
import { evaluate } from './evaluate';
import { at, type EvalScope, type Value } from './value';
import { implsOf, typeFile, typeNameAt } from './rust-fields';

/** Arms of one match read at most. */
const MAX_ARMS = 64;

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
  /** First token of the arm's value. */
  at: number;
  v: Value;
}

/** The arms of `match self { … }` in `fn <method>` of an `impl <type>` block, each with a value known before run time;
 * undefined when there is no such match or an arm's value is known only at run time. */
function methodArms(s: EvalScope, type: string, method: string, depth: number): Arm[] | undefined {
  const { toks, match } = s;
  const impls = implsOf(s).filter((b) => b.type === type);
  const f = tables(s).fns.get(method)?.find((x) => impls.some((b) => b.open < x.name && x.name < b.close));
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
    // A block arm `Self::A => { "a" }`: its one value.
    const [a, b] = isP(toks[from], '{') && match[from] === e - 1 ? [from + 1, e - 1] : [from, e];
    const v = evaluate(s, a, b, depth + 1);
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
    arms.push({ variants, at: a, v });
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
