// A struct field serde fills in when the input leaves it out: `#[serde(default = "max_tokens_default")] max_tokens:
// usize` with `const fn max_tokens_default() -> usize { 64 }` in the file (https://serde.rs/field-attrs.html#default--path:
// "the function at path is called to get a default value"). A struct deserialised from the user's settings then holds
// 64 unless they set it: the value the code states, named as that default. SilasMarvin/lsp-ai
// transformer_backends/anthropic.rs AnthropicRunParams.max_tokens (also gemini.rs, open_ai/mod.rs).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** `#[serde(… default = "path" …)]` between `[` at `from` and `]` at `to` on the field named at token `field`. */
export function serdeDefault(s: EvalScope, from: number, to: number, field: number): Value | undefined {
  const { toks } = s;
  if (toks[from + 1]?.v !== 'serde' || !isP(toks[from + 2], '(')) return undefined;
  for (let k = from + 3; k < to; k++) {
    if (toks[k].v !== 'default' || !isP(toks[k + 1], '=') || toks[k + 2]?.t !== T.Str) continue;
    const name = toks[k + 2].v;
    return /^\w+$/.test(name) ? fnLiteral(s, name, toks[field].v) : undefined;
  }
  return undefined;
}

/** `fn <name>() -> T { <number> }` (also `const fn`, `pub fn`) in the file: the number, as the field's default. */
function fnLiteral(s: EvalScope, name: string, field: string): Value | undefined {
  const { toks, match } = s;
  for (let k = 1; k + 8 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || toks[k - 1].v !== 'fn' || !isP(toks[k + 1], '(') || !isP(toks[k + 2], ')')) continue;
    let j = k + 3;
    while (j < toks.length && j < k + 12 && !isP(toks[j], '{')) j++;
    const num = toks[j + 1];
    if (!isP(toks[j], '{') || match[j] !== j + 2 || num?.t !== T.Num || num.n === undefined) return undefined;
    s.read?.push({ start: toks[k].start, end: toks[j + 2].end });
    return { num: num.n, source: { file: s.file, offset: num.start, what: `serde default of ${field} (${name}())` } };
  }
  return undefined;
}
