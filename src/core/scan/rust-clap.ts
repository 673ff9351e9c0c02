// Rust command-line options declared with clap's derive API: `#[derive(Parser)] struct Args { #[clap(long, env =
// "LLM_PATH", default_value = "/v1/chat/completions")] pub llm_path: String, … }`, read as `args.llm_path` where `let args
// = Args::parse();` or a parameter `args: Args`. The value is the option's default, the one the code states (an option
// given on the command line or its `env` variable overrides it): `default_value = "…"` (clap parses the text into the
// field's type, so `default_value = "800"` of an `i32` is 800) or `default_value_t = 800`
// (https://docs.rs/clap/latest/clap/_derive/index.html#arg-attributes: default_value, default_value_t; `#[clap(…)]`
// is clap 3's name for `#[arg(…)]`). hongyeecheah/rust-ai-streambot src/args.rs.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { serdeDefault } from './rust-serde-default';

/** `Args::parse()` and its siblings (clap::Parser). */
const PARSE = new Set(['parse', 'try_parse', 'parse_from', 'try_parse_from']);
const ATTRS = new Set(['clap', 'arg']);

/** Is the value at token `v` `Type::parse(…)` (or try_parse, parse_from)? The type's name token, else -1. */
export function clapParsed(s: EvalScope, v: number): number {
  const { toks } = s;
  return v >= 0 && isId(toks[v]) && /^[A-Z]/.test(toks[v].v) && isP(toks[v + 1], '::') && PARSE.has(toks[v + 2]?.v) && isP(toks[v + 3], '(') ? v : -1;
}

/** The default the clap attribute on `field` of `struct <type>` (in this file) states; undefined when none. */
export function clapDefault(s: EvalScope, type: string, field: string): Value | undefined {
  const { toks, match } = s;
  let open = -1;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v === type && isId(toks[k]) && toks[k - 1].v === 'struct') {
      let j = k + 1;
      while (j < toks.length && j < k + 32 && !isP(toks[j], '{') && !isP(toks[j], ';')) j++;
      if (isP(toks[j], '{') && match[j] > j) open = j;
      break;
    }
  }
  if (open < 0) return undefined;
  const close = match[open];
  // The struct's fields and attributes are read: an edit of a default there changes the value (editor/incremental.ts).
  s.read?.push({ start: toks[open].start, end: toks[close].end });
  for (let m = open + 1; m < close; m++) {
    if (isP(toks[m], '#') && isP(toks[m + 1], '[') && match[m + 1] > m) {
      m = match[m + 1];
      continue;
    }
    if (toks[m].v !== field || !isId(toks[m]) || !isP(toks[m + 1], ':')) continue;
    // The attributes before the field: back over `pub`, `pub(crate)` and the `#[…]` groups.
    let k = m - 1;
    if (isP(toks[k], ')') && match[k] >= 0) k = match[k] - 1;
    if (toks[k]?.v === 'pub') k--;
    for (; isP(toks[k], ']') && match[k] > 0 && isP(toks[match[k] - 1], '#'); k = match[k] - 2) {
      const v = attrDefault(s, match[k], k, m);
      if (v) return v;
    }
    return undefined;
  }
  return undefined;
}

/** `#[clap(… default_value = "x" …)]` between `[` at `from` and `]` at `to`: the default, typed by the field at `field`. */
function attrDefault(s: EvalScope, from: number, to: number, field: number): Value | undefined {
  const { toks } = s;
  if (toks[from + 1]?.v === 'serde') return serdeDefault(s, from, to, field);
  if (!ATTRS.has(toks[from + 1]?.v) || !isP(toks[from + 2], '(')) return undefined;
  for (let k = from + 3; k < to; k++) {
    const key = toks[k].v;
    if ((key !== 'default_value' && key !== 'default_value_t') || !isP(toks[k + 1], '=')) continue;
    const lit = toks[k + 2];
    const source = { file: s.file, offset: toks[field].start, what: `default of --${toks[field].v.replace(/_/g, '-')} (clap)` };
    const numeric = /^(?:[iu](?:8|16|32|64|128|size)|f32|f64)$/.test(toks[field + 2]?.v ?? '');
    if (lit?.t === T.Str) {
      const text = lit.v;
      const n = Number(text);
      return numeric && text.trim() !== '' && Number.isFinite(n) ? { num: n, source } : { str: text, source };
    }
    if (lit?.t === T.Num && lit.n !== undefined) return { num: lit.n, source };
    return undefined;
  }
  return undefined;
}
