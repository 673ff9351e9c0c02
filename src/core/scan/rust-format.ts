// Rust `format!("…", args)`: the template's text with each field filled where its value is known, and a named hole
// where it is not. std::fmt (https://doc.rust-lang.org/std/fmt/): `{}` takes the next positional argument, `{0}` the
// one at that index, `{name}` a `name = v` argument or else the variable `name` in scope (captured identifiers, Rust
// 2021), `{{` / `}}` are braces, and a spec after `:` (`{:?}`, `{x:>8}`) formats the value without choosing another.
// Seen in DavidRyan/podgpt src/services/chat.rs (`format!("…\"{target}\"…")`, `format!("{}\n\n…", config.x, id)`).
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
