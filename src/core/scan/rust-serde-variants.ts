// Rust `Model::Gpt35Turbo0613` of an enum that derives serde's Serialize: the text serde writes for the unit variant,
// `#[serde(rename = "gpt-3.5-turbo-0613")]` on it (or `rename(serialize = "…")`), else the enum's
// `#[serde(rename_all = "…")]` rule applied to its name (shun-shobon/justcommit src/commit/openai.rs). The rules are
// serde_derive's RenameRule::apply_to_variant (serde-rs/serde serde_derive/src/internals/case.rs). A variant with
// neither is sent as its own name, not a model id an API knows: no value then, as for an enum serde does not derive.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { typeFile } from './rust-fields';

/** Attributes read before an enum or a variant. */
const MAX_ATTRS = 16;

/** serde_derive's rename rules for variants (case.rs RENAME_RULES, apply_to_variant). */
function applyRule(rule: string, v: string): string | undefined {
  const snake = () => v.replace(/(?!^)([A-Z])/g, '_$1').toLowerCase();
  switch (rule) {
    case 'lowercase': return v.toLowerCase();
    case 'UPPERCASE': return v.toUpperCase();
    case 'PascalCase': return v;
    case 'camelCase': return v[0].toLowerCase() + v.slice(1);
    case 'snake_case': return snake();
    case 'SCREAMING_SNAKE_CASE': return snake().toUpperCase();
    case 'kebab-case': return snake().replace(/_/g, '-');
    case 'SCREAMING-KEBAB-CASE': return snake().toUpperCase().replace(/_/g, '-');
    default: return undefined;
  }
}

/** The `#[…]` attributes that end just before token k (after `pub`, `pub(crate)`): each as [open `[`, close `]`]. */
function attrsBefore(s: EvalScope, k: number): [number, number][] {
  const { toks, match } = s;
  let j = k - 1;
  if (isP(toks[j], ')') && toks[match[j] - 1]?.v === 'pub') j = match[j] - 2;
  else if (toks[j]?.v === 'pub') j--;
  const out: [number, number][] = [];
  while (out.length < MAX_ATTRS && isP(toks[j], ']') && match[j] >= 0 && isP(toks[match[j] - 1], '#')) {
    out.push([match[j], j]);
    j = match[j] - 2;
  }
  return out;
}

/** `key = "text"` inside the `serde(…)` list of the attribute [open, close]; `rename(serialize = "text")` too. */
function serdeKey(s: EvalScope, [open, close]: [number, number], key: string): string | undefined {
  const { toks, match } = s;
  if (toks[open + 1]?.v !== 'serde' || !isP(toks[open + 2], '(') || match[open + 2] !== close - 1) return undefined;
  for (let k = open + 3; k < close - 1; k++) {
    if (toks[k].v !== key || !isId(toks[k])) continue;
    if (isP(toks[k + 1], '=') && toks[k + 2]?.t === T.Str) return toks[k + 2].v;
    if (isP(toks[k + 1], '(')) {
      for (let m = k + 2; m < match[k + 1]; m++) if (toks[m].v === 'serialize' && isP(toks[m + 1], '=') && toks[m + 2]?.t === T.Str) return toks[m + 2].v;
    }
  }
  return undefined;
}

/** The text serde sends for `Type::Variant` (names `[Type, Variant]`), with where it is stated; undefined otherwise. */
export function rustSerdeVariant(s: EvalScope, names: string[]): Value | undefined {
  if (names.length !== 2 || !/^[A-Z]/.test(names[0]) || !/^[A-Z]/.test(names[1])) return undefined;
  const [type, variant] = names;
  const es = typeFile(s, type, 'enum');
  if (!es) return undefined;
  const { toks, match } = es;
  const at = toks.findIndex((t, k) => t.v === type && isId(t) && toks[k - 1]?.v === 'enum' && isP(toks[k + 1], '{'));
  if (at < 0 || !(match[at + 1] > at)) return undefined;
  const attrs = attrsBefore(es, at - 1);
  const derives = attrs.some(([o, c]) => toks[o + 1]?.v === 'derive' && toks.slice(o + 2, c).some((t) => t.v === 'Serialize'));
  if (!derives) return undefined;
  // The variant as an item of the enum's body: a name after `{`, `,` or an attribute's `]`, a unit one (`,` or `}` next).
  const close = match[at + 1];
  for (let k = at + 2; k < close; k++) {
    if (isP(toks[k], '(') || isP(toks[k], '{') || (isP(toks[k], '[') && match[k] > k)) {
      k = match[k] > k ? match[k] : k;
      continue;
    }
    if (toks[k].v !== variant || !isId(toks[k]) || !(isP(toks[k - 1], '{') || isP(toks[k - 1], ',') || isP(toks[k - 1], ']'))) continue;
    if (!isP(toks[k + 1], ',') && !isP(toks[k + 1], '}')) return undefined;
    const own = attrsBefore(es, k).map((a) => serdeKey(es, a, 'rename')).find((x) => x !== undefined);
    const rule = own === undefined ? attrs.map((a) => serdeKey(es, a, 'rename_all')).find((x) => x !== undefined) : undefined;
    const str = own ?? (rule !== undefined ? applyRule(rule, variant) : undefined);
    if (str === undefined) return undefined;
    s.read?.push({ start: toks[at].start, end: toks[close].end });
    // The enum's attributes too, `#[derive(…, Serialize)]` and `#[serde(rename_all = …)]`: a span apart (editor/prefix.ts
    // names a definition by a read span's first word).
    const first = Math.min(at, ...attrs.map(([o]) => o - 1));
    if (first < at) s.read?.push({ start: toks[first].start, end: toks[at].start });
    return { str, source: { file: es.file, offset: toks[k].start, what: `${type}::${variant} as serde writes it (${own !== undefined ? 'its rename' : `rename_all = "${rule}"`})` } };
  }
  return undefined;
}
