// The callers of a Rust `pub fn` in the crate's other files (file-callers.ts reads the same file's): a send function
// in `src/llm.rs` (`pub async fn chat(client: &Client, model: &str, prompt: &str, max_tokens: u32)`) called from
// `main.rs` as `llm::chat(&client, "gpt-4o-mini", &prompt, 300)`, or as `chat(…)` after `use crate::llm::chat;`.
// A file counts when it names the function's module (`llm::`); its calls are `module::name(`, `Type::name(` of the impl's
// type, and plain `name(`.
// The crate's files are its `src` tree (rust-crate.ts); a file not read leaves the callers unknown.
import { isId, isP } from '../lex/brackets';
import { calledNames } from './names-followed';
import { crateFiles, crateSrc } from './rust-crate';
import type { EvalScope } from './value';
import { implsOf } from './rust-fields';

/** Files with calls read at most; more leave the callers unknown. */
const MAX_FILES = 40;

/** Calls of the `pub fn` whose name is token `at` in the crate's other files; [] when it is not public or none call it,
 * undefined when they cannot all be read. */
export function rustCallers(s: EvalScope, at: number): { sc: EvalScope; k: number }[] | undefined {
  const { toks } = s;
  const idx = s.index;
  if (s.syn.id !== 'rust' || !idx || !isId(toks[at - 1]) || toks[at - 1].v !== 'fn' || !isPublic(s, at - 1)) return [];
  const name = toks[at].v;
  const mod = moduleName(s.file);
  if (!mod) return [];
  const root = crateSrc(s);
  if (!root) return [];
  const users = idx.memo(root, `rust.callers ${s.file} ${name}`, () =>
    crateFiles(s).filter((f) => {
      if (f === s.file) return false;
      const t = idx.text(f) ?? '';
      return t.includes(`${name}(`) && t.includes(`${mod}::`);
    }),
  );
  if (users.length > MAX_FILES) return undefined;
  // An associated function of a type of the module is called through the type: `LlmClient::new(cli.model)` in main.rs
  // after `mod client; use client::LlmClient;` (held62 R1: a clap option's default reaching the client's `new`).
  const impl = implsOf(s).filter((b) => b.open < at && at < b.close).pop();
  const own = impl && !impl.trait ? impl.type : undefined;
  const out: { sc: EvalScope; k: number }[] = [];
  for (const f of users) {
    const sc = idx.scope(f);
    if (!sc) return undefined;
    for (const k of calledNames(sc.toks).get(name) ?? []) {
      const prev = sc.toks[k - 1];
      if (isP(prev, '.') || (isId(prev) && prev.v === 'fn')) continue;
      if ((isP(prev, '::') && sc.toks[k - 2]?.v !== mod && (own === undefined || sc.toks[k - 2]?.v !== own || isP(sc.toks[k - 3], '.'))) || inTest(sc, k)) continue;
      out.push({ sc, k });
    }
  }
  return out;
}

/** `pub fn`, `pub async fn`, `pub(crate) fn`: the `fn` at token `fn` is public. */
function isPublic(s: EvalScope, fn: number): boolean {
  const { toks, match } = s;
  let k = fn - 1;
  while (k >= 0 && isId(toks[k]) && (toks[k].v === 'async' || toks[k].v === 'const' || toks[k].v === 'unsafe')) k--;
  if (isP(toks[k], ')') && match[k] >= 0) k = match[k] - 1;
  return isId(toks[k]) && toks[k].v === 'pub';
}

/** The module a crate file is: `src/llm.rs` → `llm`, `src/llm/mod.rs` → `llm`; `main.rs` / `lib.rs` are the root. */
function moduleName(file: string): string | undefined {
  const parts = file.split('/');
  const base = parts[parts.length - 1].replace(/\.rs$/, '');
  const mod = base === 'mod' ? parts[parts.length - 2] : base;
  return !mod || mod === 'main' || mod === 'lib' ? undefined : mod;
}

/** `Self::name(` or `Type::name(` at token k (the name), where `Type` is the impl holding the function named at token
 * `at`: a call of that function (`ChatClient::new(endpoint, model)` in main, chenxizhang/rustcli src/main.rs). */
export function rustOwnPath(s: EvalScope, k: number, at: number): boolean {
  const { toks } = s;
  const head = toks[k - 2];
  if (!isId(head) || isP(toks[k - 3], '.')) return false;
  if (head.v === 'Self') return true;
  const own = implsOf(s).filter((b) => b.open < at && at < b.close).pop();
  return !!own && !own.trait && own.type === head.v;
}

/** Whether token k is in test code: a `#[cfg(test)]` module, or a function with a test attribute (`#[test]`,
 * `#[tokio::test]`, `#[cfg_attr(not(doc), tokio::test)]`). A test's call is no caller (craigmayhew/pipe-gpt; RuanVasco/aicommits-rs
 * src/providers/mod.rs: `build_prompt("diff --git …", "Portuguese")` in `mod tests` is no value of the app's prompt). */
export function inTest(c: EvalScope, k: number): boolean {
  const { toks, match } = c;
  for (let j = 0; j < k; j++) {
    if (!isP(toks[j], '#') || !isP(toks[j + 1], '[') || !(match[j + 1] > j)) continue;
    const close = match[j + 1];
    if (!c.text.slice(toks[j + 1].end, toks[close].start).includes('test')) {
      j = close;
      continue;
    }
    // The item the attribute is on: past other attributes and `pub`, `async`, to its `{ … }`.
    let b = close + 1;
    while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') || isP(toks[b], '[') ? Math.max(b + 1, match[b] + 1) : b + 1;
    // A block not closed in the text (the editor's first slice of a file cut inside `mod tests {`) runs to its end.
    if (isP(toks[b], '{') && b < k && (match[b] > k || match[b] < 0)) return true;
    j = close;
  }
  return false;
}
