// coder/serpent's option table binds a flag to a variable in a struct literal: `{ Name: "model", Flag: "model", Default:
// "gpt-4o-2024-08-06", Env: "AICOMMIT_MODEL", Value: serpent.StringOf(&opts.model) }` (coder/aicommit
// cmd/aicommit/main.go, held51 N1). github.com/coder/serpent option.go: "Default is parsed into Value if set", and
// OptionSet.SetDefaults sets it on an option no flag, env or YAML value has set; values.go: StringOf(s *string),
// Int64Of(i *int64) whose Set parses the text with strconv.ParseInt. The variable holds the default unless the flag or
// the env var is given: a fallback, as a flag.StringVar default is (go-flag-vars.ts).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { EvalScope } from './value';
import { keyedFields, type BoundFlag } from './go-struct-flags';

/** serpent's value wrappers read here: a string, and an integer whose default text is a number. */
const VALUES = /^(?:String|Int64)Of$/;
/** Words whose edit can change a value read here (editor/reader-words.ts, through go-flag-vars.ts). */
export const SERPENT_WORDS = ['StringOf', 'Int64Of', 'Default', 'Flag'];
/** Tokens walked back from the wrapper to its option literal's `{`, at most. */
const MAX_BACK = 120;

/** The option literal around `Value: serpent.StringOf(&path)` at toks[k] (the wrapper's name), when it states a Default. */
export function serpentOption(s: EvalScope, k: number, pathAt: (i: number, end: number) => string | undefined): BoundFlag | undefined {
  const { toks, match } = s;
  if (!VALUES.test(toks[k].v) || !isP(toks[k - 1], '.') || toks[k - 2]?.v !== 'serpent' || !isP(toks[k + 1], '(') || !isP(toks[k + 2], '&')) return undefined;
  const path = match[k + 1] > k ? pathAt(k + 3, match[k + 1]) : undefined;
  if (!path) return undefined;
  let open = -1;
  for (let j = k - 3, n = 0; j >= 0 && n < MAX_BACK; j--, n++) {
    if ((isP(toks[j], ')') || isP(toks[j], ']') || isP(toks[j], '}')) && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(toks[j], '{')) { open = j; break; }
  }
  const close = open >= 0 ? match[open] : -1;
  if (close < k) return undefined;
  let d: { from: number; to: number } | undefined;
  let name = -1;
  for (const { key: j, from, to: e } of keyedFields(s, open)) {
    if (toks[j].v === 'Default') d = { from, to: e };
    else if ((toks[j].v === 'Flag' || (toks[j].v === 'Name' && name < 0)) && e === from + 1 && toks[from].t === T.Str) name = from;
  }
  if (!d || name < 0) return undefined;
  return { path, name, ...d, start: toks[open].start, end: toks[close].end, numeric: toks[k].v === 'Int64Of' };
}
