// Rust `format!("…", args)`: the template's text with each field filled where its value is known, and a named hole
// where it is not. std::fmt (https://doc.rust-lang.org/std/fmt/): `{}` takes the next positional argument, `{0}` the
// one at that index, `{name}` a `name = v` argument or else the variable `name` in scope (captured identifiers, Rust
// 2021), `{{` / `}}` are braces, and a spec after `:` (`{:?}`, `{x:>8}`) formats the value without choosing another.
// Seen in DavidRyan/podgpt src/services/chat.rs (`format!("…\"{target}\"…")`, `format!("{}\n\n…", config.x, id)`).
// And the number a `NonZeroU64::new(2048).unwrap()` holds (rustNonZero).
import { T } from '../lex/lexer';
import type { EvalScope, Value } from './value';
import { pythonFormat } from './text-methods';
import { lookup } from './lookup';

type Arg = { key?: string; from: number; to: number };

/** The text `format!(…)` makes, its template the first argument (a literal, as the macro requires); undefined otherwise. */
export function rustFormat(s: EvalScope, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string, pos: number, depth: number): Value | undefined {
  if (!a.length || a[0].key || a[0].to !== a[0].from + 1 || s.toks[a[0].from].t !== T.Str) return undefined;
  const base = arg(0);
  if (base?.str === undefined) return undefined;
  const capture = (name: string) => lookup(s, name, pos, depth + 1);
  return pythonFormat({ str: base.str }, a.slice(1), (n) => arg(n + 1), (n) => label(n + 1), false, capture);
}

/**
 * Rust `NonZeroU64::new(2048)` and its `.unwrap()` / `.expect(…)`: the number. std::num's `NonZero*::new(n)` is
 * `Some` for n ≠ 0 and `None` for 0 (https://doc.rust-lang.org/std/num/type.NonZeroU64.html), so a literal above zero
 * is the value sent; a zero (a panic at the unwrap) or a value not known is left to run time. Seen in held-out
 * claude-discord-bot src/claude/client.rs (`max_tokens: NonZeroU64::new(2048).unwrap()` in `impl Default`).
 */
export function rustNonZero(names: string[], count: number, arg: (n: number) => Value | undefined, base: Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  if (fn === 'new' && names.length >= 2 && /^NonZero(?:U|I)(?:8|16|32|64|128|size)$/.test(names[names.length - 2]) && count === 1) {
    const v = arg(0);
    return v?.num !== undefined && v.num > 0 && v.runtime === undefined ? v : undefined;
  }
  return (fn === 'unwrap' || fn === 'expect') && base?.num !== undefined && base.runtime === undefined ? base : undefined;
}
