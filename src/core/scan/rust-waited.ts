// A Rust call whose answer a person at the terminal waits for: the function holding it, or a function up its chain of
// callers (same file, or another module of the crate through rust-callers.ts), reads a line the person types before
// the call. yoichiojima-2/openai-rust: `pub async fn request(messages)` in src/api_client.rs posts with reqwest, and
// src/features.rs `interactive_chat()` loops `io::stdin().read_line(&mut input)` → `api_client::request(&messages)`
// → `println!`. No batch job can take such a call. Reading stdin as a pipe (`stdin().lock().lines()`, one request
// per line fed in) is batch work and keeps the advice.
import { isId, isP } from '../lex/brackets';
import { calledNames } from './names-followed';
import { enclosing } from './jvm-param-requests';
import { rustCallers } from './rust-callers';
import { fnBody, moduleOf, type Body } from './rust-crate';
import type { EvalScope } from './value';

/** Words read here outside any call: an edit touching one re-reads the file (editor/incremental.ts). */
export const RUST_ASKS_WORDS = ['stdin', 'read_line', 'readline', 'interact_text'];

/** Callers followed up from the call's function, and call sites looked at in all. */
const MAX_DEPTH = 3;
const MAX_SITES = 60;

/** Does the function holding the call at token `first`, or one that calls it (up to MAX_DEPTH), ask the terminal first? */
export function rustAskedFirst(s: EvalScope, first: number): boolean {
  if (s.syn.id !== 'rust') return false;
  let level: { sc: EvalScope; k: number }[] = [{ sc: s, k: first }];
  const seen = new Set<string>();
  let sites = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: { sc: EvalScope; k: number }[] = [];
    for (const { sc, k } of level) {
      const fn = enclosing(sc, k);
      if (!fn) continue;
      if (asks(sc, fn.body, k)) return true;
      const key = `${sc.file}:${fn.name}`;
      if (depth === MAX_DEPTH || seen.has(key)) continue;
      seen.add(key);
      const name = sc.toks[fn.name].v;
      // The same file's calls of it (not as a method, not its definition), then the crate's other modules'.
      for (const at of calledNames(sc.toks).get(name) ?? []) {
        const prev = sc.toks[at - 1];
        if (!isP(prev, '.') && !isP(prev, '::') && !(isId(prev) && prev.v === 'fn')) next.push({ sc, k: at });
      }
      next.push(...(rustCallers(sc, fn.name) ?? []));
      if ((sites += next.length) > MAX_SITES) return false;
    }
    level = next;
  }
  return false;
}

/** Helper functions followed for the terminal read (`let input = cli::prompt();` whose `read_input()` reads stdin), and
 * how deep. */
const MAX_HELPERS = 24;
const HELPER_DEPTH = 2;
/** Helpers that ask once for a secret or a yes before the work (`get_or_prompt_api_key()`, `confirm()`): a batch tool
 * may ask them too, so they do not make the call waited on. */
const ONE_OFF = /key|token|secret|password|credential|confirm/i;

/**
 * Between `from` and `to`: a line read from the terminal, there or in a function of the crate called there (the same
 * file's `read_input()`, another module's `cli::prompt()`: umyomyomyon/gpt-cli src/main.rs ← src/cli.rs). Read
 * directly: `std::io::stdin().read_line(&mut s)` (https://doc.rust-lang.org/std/io/struct.Stdin.html#method.read_line),
 * rustyline's `rl.readline(">> ")` (https://docs.rs/rustyline/latest/rustyline/struct.Editor.html#method.readline),
 * dialoguer's `Input::new().interact_text()` (https://docs.rs/dialoguer/latest/dialoguer/struct.Input.html#method.interact_text).
 * A `read_line` counts only beside `stdin` (not a file's BufReader).
 */
function asks(s: EvalScope, from: number, to: number, depth = 0, seen = new Set<string>()): boolean {
  const { toks } = s;
  let stdin = false;
  let readLine = false;
  const helpers: Body[] = [];
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if (!isId(tk)) continue;
    if (tk.v === 'stdin') stdin = true;
    else if (!isP(toks[k + 1], '(')) continue;
    else if (isP(toks[k - 1], '.')) {
      if (tk.v === 'read_line') readLine = true;
      else if (tk.v === 'readline' || tk.v === 'interact_text') return true;
    } else if (depth < HELPER_DEPTH && seen.size < MAX_HELPERS && !(isId(toks[k - 1]) && toks[k - 1].v === 'fn')) {
      const mod = isP(toks[k - 1], '::') && isId(toks[k - 2]) && !isP(toks[k - 3], '::') ? toks[k - 2].v : undefined;
      const key = `${s.file} ${mod ?? ''}::${tk.v}`;
      if (seen.has(key) || (isP(toks[k - 1], '::') && !mod) || ONE_OFF.test(tk.v)) continue;
      seen.add(key);
      const at = mod ? (mod === 'self' ? s : moduleOf(s, [mod])) : s;
      const body = at && fnBody(at, tk.v);
      if (body) helpers.push(body);
    }
  }
  if (stdin && readLine) return true;
  return helpers.some((b) => asks(b.s, b.from, b.to, depth + 1, seen));
}
