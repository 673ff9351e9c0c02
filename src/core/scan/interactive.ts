// A call whose answer a person at a terminal is waiting for: the same function (or script) asks them first, Python's
// `input(…)` or a Node readline interface's `question(…)` (held-out 19: an openai-node demo that reads a question with
// `readline/promises` and prints the answer). No batch job or off-peak hour can take such a call.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { enclosing } from './jvm-param-requests';
import type { Ctx } from './values';
// Whether a server module imports the call's file: the other sign of a person waiting (interactive-files.ts).
export { importedByServer } from './interactive-files';

/** Words read here outside any call: an edit touching one re-reads the file (editor/incremental.ts). */
export const ASKS_WORDS = ['input', 'question', 'ask', 'prompt'];

/**
 * Python's readers of the terminal besides `input(…)`, by method and receiver: rich's `Prompt.ask(…)` and its kin
 * (rich/prompt.py PromptBase.ask: Prompt, Confirm, IntPrompt, FloatPrompt) and `Console.input(…)` (rich/console.py),
 * click's and typer's `prompt(…)` (click/termui.py prompt; typer re-exports it).
 */
const PY_ASKERS = new Map([
  ['ask', new Set(['Prompt', 'Confirm', 'IntPrompt', 'FloatPrompt'])],
  ['input', new Set(['console', 'Console'])],
  ['prompt', new Set(['click', 'typer'])],
]);

/** A Python read of the terminal at toks[k] (a name followed by its bracket): `input(…)`, or one of PY_ASKERS, or
 * questionary's `questionary.text(…).ask()` (questionary/question.py Question.ask). */
function pyAsks(c: Ctx, k: number): boolean {
  const { toks } = c;
  const tk = toks[k];
  if (!isP(toks[k - 1], '.')) return tk.v === 'input' && toks[k - 1]?.v !== 'def';
  const recv = toks[k - 2];
  if (PY_ASKERS.get(tk.v)?.has(recv?.v ?? '')) return true;
  return tk.v === 'ask' && isP(recv, ')') && c.text.includes('questionary');
}

/** Tokens looked back from the call for the prompt, when no function holds it (a script's top level). */
const MAX_BACK = 3000;
/** Tokens before a callback's body that may hold the `question(` it is given to (`rl.question("…", async (q) => {`). */
const CALLBACK_HEAD = 16;

/** Whether a JS/TS file names `readline`, per scan: asked for each call, a search of the whole text each time. */
const READLINE = new KeyMemo<Ctx, boolean>();

function namesReadline(c: Ctx): boolean {
  let v = READLINE.get(c);
  if (v === undefined) READLINE.set(c, (v = c.text.includes('readline')));
  return v;
}

/** Does the function holding the call at toks[first] (or the script before it) read the terminal first? */
export function asksUserFirst(c: Ctx, first: number): boolean {
  const py = c.syn.id === 'python';
  if (!py && (c.syn.id !== 'javascript' || !namesReadline(c))) return false;
  const { toks } = c;
  const fn = enclosing(c, first);
  const from = fn ? Math.max(0, fn.body - (py ? 0 : CALLBACK_HEAD)) : Math.max(0, first - MAX_BACK);
  for (let k = from; k < first; k++) {
    const tk = toks[k];
    if (!isId(tk) || !isP(toks[k + 1], '(')) continue;
    // Python's built-in `input(…)` (not a method or a definition of that name) and PY_ASKERS; JS `rl.question(…)`.
    if (py ? pyAsks(c, k) : tk.v === 'question' && isP(toks[k - 1], '.')) return true;
  }
  return false;
}
