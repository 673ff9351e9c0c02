// urfave/cli binds a flag to a variable in its struct literal: `&cli.IntFlag{Name: "chatgpt-max-token", Destination:
// &config.maxToken, Value: 3000}` (omegaatt36/chatgpt-telegram main.go:86). urfave/cli v2 flag_int.go Apply:
// `if f.Destination != nil { set.IntVar(f.Destination, name, f.Value, f.Usage) }` (flag_string.go, flag_int64.go,
// flag_uint.go, flag_uint64.go, flag_float64.go likewise), so Value is the Go flag package's default: the variable holds
// it unless the flag or its env var is given, a fallback, as a flag.IntVar default is (go-flag-vars.ts). The fields are
// zz_generated.flags.go's `Value int` / `Destination *int` (urfave/cli 0764ca22); v3's FlagBase keeps both names.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { EvalScope } from './value';
import { keyedFields, type BoundFlag } from './go-struct-flags';

/** The flag types read: a text or a number (a slice, a bool or a duration sets no model or limit). */
const TYPES = /^(?:String|Int|Int64|Uint|Uint64|Float64)Flag$/;
/** Words whose edit can change a value read here (editor/reader-words.ts, through go-flag-vars.ts). */
export const URFAVE_WORDS = ['StringFlag', 'IntFlag', 'Int64Flag', 'UintFlag', 'Uint64Flag', 'Float64Flag', 'Destination'];

/** The flag literal `cli.IntFlag{ … Destination: &path, … Value: v }` whose type name is toks[k], when it states both. */
export function urfaveFlag(s: EvalScope, k: number, pathAt: (i: number, end: number) => string | undefined): BoundFlag | undefined {
  const { toks, match } = s;
  if (!TYPES.test(toks[k].v) || !isP(toks[k - 1], '.') || !isId(toks[k - 2]) || !isP(toks[k + 1], '{')) return undefined;
  const open = k + 1, close = match[open];
  if (close < open) return undefined;
  let d: { from: number; to: number } | undefined;
  let path: string | undefined;
  let name = -1;
  for (const { key: j, from, to: e } of keyedFields(s, open)) {
    if (toks[j].v === 'Value' && e > from) d = { from, to: e };
    else if (toks[j].v === 'Destination' && isP(toks[from], '&')) path = pathAt(from + 1, e);
    else if (toks[j].v === 'Name' && e === from + 1 && toks[from].t === T.Str) name = from;
  }
  if (!d || !path || name < 0) return undefined;
  return { path, name, ...d, start: toks[k - 2].start, end: toks[close].end };
}
