// Rust environment reads with a default stated after them: `env::var("MODEL").unwrap_or_else(|_| "gpt-4o".to_string())`,
// `env::var("MAX_TOKENS").ok().and_then(|v| v.parse().ok()).unwrap_or(2048)`. `env::var` returns a Result that is Err
// when the variable is unset (https://doc.rust-lang.org/std/env/fn.var.html); `ok`, `and_then`, `map` and `parse` keep
// it unset, and `unwrap_or(d)` / `unwrap_or_else(|_| d)` give d then (Result/Option docs). The default is what runs
// without the variable, named so, as `os.getenv("MODEL", "gpt-4o")` is (calls.ts).
import { isId, isP } from '../lex/brackets';
import { at, label, statedSource, type EvalScope, type Op, type Value } from './value';
import { evaluate } from './evaluate';

/** Methods between the read and the default that only carry the Result along. */
const CARRY = new Set(['ok', 'and_then', 'map', 'map_err', 'or_else', 'filter']);

/**
 * The chain starting at token `i`, whose ops are `ops`, when it is `env::var("K")` (or `std::env::var`) carried to
 * `unwrap_or(…)` / `unwrap_or_else(…)` with a default known before run time; undefined otherwise.
 */
export function rustEnvDefault(s: EvalScope, i: number, ops: Op[], depth: number): Value | undefined {
  if (s.syn.id !== 'rust') return undefined;
  const { toks } = s;
  let o = 0;
  if (toks[i].v === 'std' && ops[0]?.k === 'member' && ops[0].name === 'env') o = 1;
  else if (toks[i].v !== 'env') return undefined;
  const read = ops[o];
  const call = ops[o + 1];
  if (read?.k !== 'member' || read.name !== 'var' || call?.k !== 'call') return undefined;
  const key = evaluate(s, call.open + 1, call.close, depth + 1)?.str;
  if (key === undefined) return undefined;
  for (o += 2; o + 1 < ops.length; o += 2) {
    const m = ops[o];
    const c = ops[o + 1];
    if (m.k !== 'member' || c.k !== 'call') return undefined;
    if (CARRY.has(m.name)) continue;
    if ((m.name !== 'unwrap_or' && m.name !== 'unwrap_or_else') || o + 2 !== ops.length) return undefined;
    const from = m.name === 'unwrap_or' ? c.open + 1 : closureBody(s, c.open + 1, c.close);
    if (from < 0) return undefined;
    // A block body `|_| { "…".to_string() }` is its one expression.
    const block = isP(toks[from], '{') && s.match[from] === c.close - 1;
    const d = evaluate(s, block ? from + 1 : from, block ? c.close - 1 : c.close, depth + 1);
    if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
    return { ...d, source: d.source ?? { file: s.file, offset: at(s, from), what: `default of env ${key}` } };
  }
  return undefined;
}

/**
 * `x.unwrap_or(d)` / `x.unwrap_or_else(|| d)` chained on a call known only at run time (`self.config.model.clone()
 * .unwrap_or("gpt-3.5-turbo".to_string())`, mkanenobu/chatgpt-cli-rust src/evaluator.rs): d, the value when the option
 * is None (https://doc.rust-lang.org/std/option/enum.Option.html#method.unwrap_or), named as the default of x and
 * marked a fallback, as `opt.unwrap_or(d)` on a name is (calls.ts). Undefined when x is known or d is not.
 */
export function rustOptionDefault(s: EvalScope, i: number, ops: Op[], depth: number): Value | undefined {
  const n = ops.length;
  const m = ops[n - 2];
  const c = ops[n - 1];
  if (s.syn.id !== 'rust' || n < 2 || m?.k !== 'member' || c?.k !== 'call' || (m.name !== 'unwrap_or' && m.name !== 'unwrap_or_else')) return undefined;
  // `opt.unwrap_or(d)` on a name is read by calls.ts; `opt.unwrap_or_else(|| d)` on one here (katsuhirohonda/
  // simple-aicommits src/providers/openai.rs: `model.unwrap_or_else(|| Provider::OpenAI.default_model().to_string())`).
  if (n === 2 ? m.name !== 'unwrap_or_else' : ops[n - 3].k !== 'call') return undefined;
  const recv = evaluate(s, i, m.i - 1, depth + 1);
  if (n === 2 && recv && recv.runtime === undefined && !recv.weak) return recv;
  if (!recv || recv.runtime === undefined) return undefined;
  const from = m.name === 'unwrap_or' ? c.open + 1 : closureBody(s, c.open + 1, c.close);
  if (from < 0) return undefined;
  const block = isP(s.toks[from], '{') && s.match[from] === c.close - 1;
  const d = evaluate(s, block ? from + 1 : from, block ? c.close - 1 : c.close, depth + 1);
  if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
  return { ...d, source: statedSource(s, `default of ${label(s, i, m.i - 1)}`, d, at(s, from)), fallback: true };
}

/** The first token of a closure's body, `|_| body` / `|| body` / `|e| body`, starting at `from`; -1 when not one. */
function closureBody(s: EvalScope, from: number, to: number): number {
  const { toks } = s;
  if (isP(toks[from], '||')) return from + 1 < to ? from + 1 : -1;
  if (!isP(toks[from], '|')) return -1;
  let k = from + 1;
  while (k < to && (isId(toks[k]) || isP(toks[k], ':') || isP(toks[k], ',') || isP(toks[k], '&'))) k++;
  return isP(toks[k], '|') && k + 1 < to ? k + 1 : -1;
}
