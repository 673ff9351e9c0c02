// A Python tuple or list of literals in an f-string's hole is formatted with its repr: `f"models: {LOCAL_MODELS}"`
// over `LOCAL_MODELS = ('llama3.2:3b', 'mistral')` sends "models: ('llama3.2:3b', 'mistral')" (str() of a tuple or
// list is the repr of each item between brackets: https://docs.python.org/3/library/stdtypes.html#tuple, #list).
// AIDevBytes/Streamlit-Ollama-Chatbot config.py: `SYSTEM_PROMPT = f"""… {OLLAMA_MODELS} …"""` in `class Config`.
// A dict too, and nested literals (py-literal-text.ts); `json.dumps(NAME, indent=4)` in a hole gives its JSON. Only
// literals: anything else leaves the hole named.
import { isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { pyJson, pyLiteral, pyRepr } from './py-literal-text';

/** Characters of the text made at most. */
const MAX_TEXT = 20_000;

/** The text Python gives a tuple, list or dict of literals held by `v` (a table the evaluator read), else undefined. */
export function pySequenceText(s: EvalScope, v: Value): string | undefined {
  if (v.obj?.kind !== 'table' || v.obj.scope.syn.id !== 'python' || v.obj.frames) return undefined;
  const sc = v.obj.scope;
  const { toks, match } = sc;
  const open = v.obj.open;
  if (!isP(toks[open], '(') && !isP(toks[open], '[') && !isP(toks[open], '{')) return undefined;
  const lit = pyLiteral(sc, open);
  const text = lit && lit.k !== 'str' && lit.k !== 'num' && lit.k !== 'word' ? pyRepr(lit) : undefined;
  if (text === undefined || text.length > MAX_TEXT) return undefined;
  // Typing in the literal changes the text (editor/incremental.ts).
  if (sc.file === s.file) s.read?.push({ start: toks[open].start, end: toks[match[open]].end });
  return text;
}

/** `json.dumps(NAME)` / `json.dumps(NAME, indent=4)` written in an f-string's hole: NAME and the indent. */
const DUMPS_HOLE = /^json\.dumps\(\s*([A-Za-z_][\w.]{0,99})\s*(?:,\s*indent\s*=\s*(\d{1,2})\s*)?\)$/;

/** Is the hole `json.dumps(NAME[, indent=N])`? */
export const isDumpsHole = (expr: string): boolean => DUMPS_HOLE.test(expr);

/** The JSON text of a hole `json.dumps(NAME[, indent=N])` whose NAME holds a literal of literals (`lookup` reads it). */
export function dumpsHoleText(s: EvalScope, expr: string, lookup: (name: string) => Value | undefined): string | undefined {
  const m = DUMPS_HOLE.exec(expr);
  const v = m ? lookup(m[1]) : undefined;
  if (!m || v?.obj?.kind !== 'table' || v.obj.scope.syn.id !== 'python' || v.obj.frames) return undefined;
  const sc = v.obj.scope;
  const lit = pyLiteral(sc, v.obj.open);
  const text = lit ? pyJson(lit, m[2] === undefined ? undefined : Number(m[2])) : undefined;
  if (text === undefined || text.length > MAX_TEXT) return undefined;
  if (sc.file === s.file) s.read?.push({ start: sc.toks[v.obj.open].start, end: sc.toks[sc.match[v.obj.open]].end });
  return text;
}
