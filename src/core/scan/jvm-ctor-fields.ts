// Where a Java constructor's parameters go: `ChatRequest(String model, String query) { this.model = model;
// this.messages = new ArrayList<>(); this.messages.add(new Message("user", query)); }` sends `query` as a message's
// text, not as a JSON property named `query` (Jackson writes a POJO's fields, not its constructor's parameters:
// https://github.com/FasterXML/jackson-databind, "property" detection by fields and getters). Read for jvm-ctor-body.ts.
import { isId, isP } from '../lex/brackets';
import { PROMPT_KEYS, normKey } from './call-keys';
import type { EvalScope } from './value';

/** Methods that put a value into a field's collection: `this.messages.add(…)`, `messages.addAll(…)`, a map's `put`. */
const FILLS = new Set(['add', 'addAll', 'put', 'offer', 'push']);

/**
 * The JSON name each parameter of the constructor whose body opens at `open` reaches: the field assigned the
 * parameter itself (`this.model = model`, `field(name)` giving its JSON name), `content` (a prompt key) when the
 * parameter goes into a prompt-bearing field some other way (`this.messages.add(new Message("user", query))`,
 * `this.messages = List.of(…query…)`), else the parameter's own name, as before.
 */
export function ctorParamTargets(s: EvalScope, open: number, params: string[], field: (name: string) => string): string[] {
  const { toks, match } = s;
  const close = match[open];
  if (!(close > open)) return params;
  const out = [...params];
  let from = open + 1;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && !isP(toks[k], ';')) {
      // A nested block (`if (…) { … }`) is read statement by statement; brackets of a call are skipped whole.
      if ((isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
      else if (isP(toks[k], '{') || isP(toks[k], '}')) from = k + 1;
      continue;
    }
    const target = statementField(s, from, k);
    if (target) {
      for (let j = target.value; j < k; j++) {
        const n = isId(toks[j]) && !isP(toks[j - 1], '.') ? params.indexOf(toks[j].v) : -1;
        if (n < 0 || out[n] !== params[n]) continue;
        const whole = j === target.value && j + 1 === k && target.assign;
        if (whole) out[n] = field(target.name);
        else if (PROMPT_KEYS.has(normKey(field(target.name)))) out[n] = 'content';
      }
    }
    from = k + 1;
  }
  return out;
}

/** `this.F = …` / `F = …` (assign) or `this.F.add(…)` at toks[from, to): F and where the value starts. */
function statementField(s: EvalScope, from: number, to: number): { name: string; value: number; assign: boolean } | undefined {
  const { toks } = s;
  let k = from;
  if (toks[k]?.v === 'this' && isP(toks[k + 1], '.')) k += 2;
  if (!isId(toks[k]) || k + 1 >= to) return undefined;
  const name = toks[k].v;
  if (isP(toks[k + 1], '=')) return { name, value: k + 2, assign: true };
  if (isP(toks[k + 1], '.') && FILLS.has(toks[k + 2]?.v) && isP(toks[k + 3], '(')) return { name, value: k + 4, assign: false };
  return undefined;
}
