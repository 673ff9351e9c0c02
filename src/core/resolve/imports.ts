// Names a file binds from other files, per language, read from its tokens: `from .prompts import SYSTEM`,
// `import prompts`, `import { titlePrompt } from "./prompts"`, `export * from`, `require("./x")`, Rust `use`.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';

/** A local name bound to another module: the whole module (`name: '*'`) or one of its names. */
export interface Binding {
  /** The module as written: `.prompts`, `app.config`, `./prompts`, `@/lib/prompts`, `crate::prompts`. */
  from: string;
  name: string;
  /** The import statement (or Go import spec) that binds it: an edit there changes what the name holds. */
  span: Span;
}

export interface Imports {
  names: Map<string, Binding>;
  /** `export * from "./x"` and Python `from x import *`: modules whose names this file passes on. */
  star: string[];
  /** The statements of `star`, in the same order. */
  starSpans: Span[];
}

export function readImports(toks: Token[], lang: string): Imports {
  const out: Imports = { names: new Map(), star: [], starSpans: [] };
  if (lang === 'python') python(toks, out);
  else if (lang === 'javascript' || lang === 'typescript' || lang === 'javascriptreact' || lang === 'typescriptreact') js(toks, out);
  else if (lang === 'rust') rust(toks, out);
  else if (lang === 'go') go(toks, out);
  return out;
}

/** `import "mod/x/config"`, `import ( cfg "mod/x/config" )`: the package's last path element, or its alias. */
function go(toks: Token[], out: Imports): void {
  for (let i = 0; i < toks.length; i++) {
    if (!isId(toks[i]) || toks[i].v !== 'import') continue;
    let k = i + 1;
    const group = isP(toks[k], '(');
    if (group) k++;
    for (; k < toks.length; k++) {
      let alias: string | undefined;
      const start = toks[k]?.start ?? 0;
      if (isId(toks[k])) alias = toks[k++].v;
      const tk = toks[k];
      if (!tk || tk.t !== T.Str) break;
      const local = alias ?? tk.v.slice(tk.v.lastIndexOf('/') + 1);
      out.names.set(local, { from: tk.v, name: '*', span: { start, end: tk.end } });
      if (!group) break;
    }
  }
}

function python(toks: Token[], out: Imports): void {
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Id) continue;
    // At a statement's start: after a name, `;`, a block header's `:` (`try:`, `else:`, `if __name__ == "__main__":`
    // around a script's own import, TheQuantPy/quantpy-twitter-bot process_tweets.py), or a closing bracket
    // (`load_dotenv()` on the line before; the lexer keeps no line breaks). `raise E(…) from e` is ruled out by the `import` a module path must be followed by.
    // After `from a import *` too: the star ends that statement (sky0walker99/Web-QueryAI src/app.py's second star import).
    if (tk.v === 'from' && (i === 0 || toks[i - 1].t !== T.Punct || /^[;:)\]}]$/.test(toks[i - 1].v) || (toks[i - 1].v === '*' && toks[i - 2]?.v === 'import'))) {
      // from .a.b import X as Y, Z
      let k = i + 1;
      let mod = '';
      while (k < toks.length && (isP(toks[k], '.') || isP(toks[k], '...') || isId(toks[k])) && toks[k].v !== 'import') mod += toks[k++].v;
      if (!isId(toks[k]) || toks[k].v !== 'import' || !mod) continue;
      k++;
      const span: Span = { start: tk.start, end: toks[k - 1].end };
      const paren = isP(toks[k], '(');
      if (paren) k++;
      if (isP(toks[k], '*')) {
        out.star.push(mod);
        out.starSpans.push({ start: tk.start, end: toks[k].end });
        continue;
      }
      while (isId(toks[k])) {
        const name = toks[k].v;
        let local = name;
        k++;
        if (isId(toks[k]) && toks[k].v === 'as' && isId(toks[k + 1])) {
          local = toks[k + 1].v;
          k += 2;
        }
        out.names.set(local, { from: mod, name, span });
        span.end = toks[k - 1].end;
        if (!isP(toks[k], ',')) break;
        k++;
      }
      if (paren && isP(toks[k], ')')) span.end = toks[k].end;
    } else if (tk.v === 'import' && !fromsImport(toks, i)) {
      // import a.b as c  /  import prompts
      let k = i + 1;
      const span: Span = { start: tk.start, end: tk.end };
      while (isId(toks[k])) {
        let mod = toks[k].v;
        k++;
        while (isP(toks[k], '.') && isId(toks[k + 1])) {
          mod += '.' + toks[k + 1].v;
          k += 2;
        }
        let local = mod.split('.')[0];
        let whole = local === mod;
        if (isId(toks[k]) && toks[k].v === 'as' && isId(toks[k + 1])) {
          local = toks[k + 1].v;
          whole = true;
          k += 2;
        }
        // `import a.b` binds `a`; `a.b.X` is then read through the package (not followed).
        if (whole) out.names.set(local, { from: mod, name: '*', span });
        span.end = toks[k - 1].end;
        if (!isP(toks[k], ',')) break;
        k++;
      }
    }
  }
}

/**
 * Is the `import` at `i` the second word of `from a.b import …`? Not when a name before it ends another statement:
 * `from typing import Any` then `import app.helpers as h` (the lexer keeps no line breaks; jowilf/qwikcrud
 * provider/google.py).
 */
function fromsImport(toks: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '...')) && toks[j].v !== 'from' && toks[j].v !== 'import') j--;
  return j >= 0 && j < i - 1 && toks[j].v === 'from';
}

function js(toks: Token[], out: Imports): void {
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Id) continue;
    if ((tk.v === 'import' || tk.v === 'export') && !isP(toks[i - 1], '.') && !isP(toks[i + 1], '(')) {
      // Find `from "x"` within the statement (bounded).
      let k = i + 1;
      const limit = Math.min(toks.length, i + 400);
      while (k < limit && !(isId(toks[k]) && toks[k].v === 'from' && toks[k + 1]?.t === T.Str) && !isP(toks[k], ';') && !(k > i + 1 && isId(toks[k]) && (toks[k].v === 'import' || toks[k].v === 'export'))) k++;
      if (!(isId(toks[k]) && toks[k].v === 'from' && toks[k + 1]?.t === T.Str)) continue;
      const from = toks[k + 1].v;
      const span: Span = { start: tk.start, end: toks[k + 1].end };
      const exporting = tk.v === 'export';
      let j = i + 1;
      if (isId(toks[j]) && toks[j].v === 'type') j++;
      if (isP(toks[j], '*')) {
        if (isId(toks[j + 1]) && toks[j + 1].v === 'as' && isId(toks[j + 2])) out.names.set(toks[j + 2].v, { from, name: '*', span });
        else if (exporting) {
          out.star.push(from);
          out.starSpans.push(span);
        }
        i = k + 1;
        continue;
      }
      if (isId(toks[j]) && toks[j].v !== 'from') {
        // default import
        out.names.set(toks[j].v, { from, name: 'default', span });
        j++;
        if (isP(toks[j], ',')) j++;
      }
      if (isP(toks[j], '{')) {
        j++;
        while (j < k && !isP(toks[j], '}')) {
          if (isId(toks[j]) && toks[j].v === 'type' && isId(toks[j + 1])) j++;
          if (isId(toks[j]) || toks[j].t === T.Str) {
            const name = toks[j].v;
            let local = name;
            if (isId(toks[j + 1]) && toks[j + 1].v === 'as' && (isId(toks[j + 2]) || toks[j + 2]?.t === T.Str)) {
              local = toks[j + 2].v;
              j += 2;
            }
            out.names.set(local, { from, name, span });
          }
          j++;
        }
      }
      i = k + 1;
      continue;
    }
    // `await import("…")` binds as `require("…")` does (the module's names once it has loaded).
    const dynamic = tk.v === 'import' && isId(toks[i - 1]) && toks[i - 1].v === 'await';
    if ((tk.v === 'require' || dynamic) && isP(toks[i + 1], '(') && toks[i + 2]?.t === T.Str && isP(toks[i + 3], ')')) {
      const from = toks[i + 2].v;
      // const x = require("…")  /  const { a, b: c } = require("…")  /  const { a } = await import("…")
      const eq = dynamic ? i - 2 : i - 1;
      if (!isP(toks[eq], '=')) continue;
      const b = eq - 1;
      const end = toks[i + 3].end;
      if (isId(toks[b])) out.names.set(toks[b].v, { from, name: '*', span: { start: toks[b].start, end } });
      else if (isP(toks[b], '}')) {
        let j = b - 1;
        while (j > 0 && !isP(toks[j], '{')) j--;
        const span: Span = { start: toks[j].start, end };
        for (let m = j + 1; m < b; m++) {
          if (!isId(toks[m])) continue;
          if (isP(toks[m + 1], ':') && isId(toks[m + 2])) {
            out.names.set(toks[m + 2].v, { from, name: toks[m].v, span });
            m += 2;
          } else out.names.set(toks[m].v, { from, name: toks[m].v, span });
        }
      }
    }
  }
}

function rust(toks: Token[], out: Imports): void {
  for (let i = 0; i < toks.length; i++) {
    if (!isId(toks[i]) || toks[i].v !== 'use') continue;
    // The statement's span: to its `;` (a `use` tree's braces nest, `use crate::{a::{B, C}, d::*};`).
    let end = i + 1;
    let depth = 0;
    for (; end < toks.length && end < i + MAX_USE_TOKENS; end++) {
      if (isP(toks[end], '{')) depth++;
      else if (isP(toks[end], '}')) depth--;
      else if (depth <= 0 && (isP(toks[end], ';') || (isId(toks[end]) && toks[end].v === 'use'))) break;
    }
    const span: Span = { start: toks[i].start, end: (toks[Math.min(end, toks.length - 1)] ?? toks[i]).end };
    useTree(toks, i + 1, end, [], span, out, 0);
    // A statement cut short (a `use` half typed) ends where the next one starts.
    i = isP(toks[end], ';') ? end : end - 1;
  }
  // `use super::consts;` then `use consts::BASE;`: a path may start with a name another `use` of the file brings in
  // (https://doc.rust-lang.org/reference/items/use-declarations.html), whatever their order; its span then reaches
  // over both statements, as an edit of either changes what the name holds.
  for (const [local, b] of out.names) {
    const head = b.from.split('::')[0];
    const via = out.names.get(head);
    if (!via || via === b || RUST_ROOTS.has(head) || via.from.split('::')[0] === head) continue;
    const span = { start: Math.min(b.span.start, via.span.start), end: Math.max(b.span.end, via.span.end) };
    out.names.set(local, { from: [via.from, via.name, ...b.from.split('::').slice(1)].join('::'), name: b.name, span });
  }
}

const RUST_ROOTS = new Set(['crate', 'super', 'self', 'std', 'core', 'alloc']);

/** Tokens of one `use` statement read at most, and how deep its groups nest. */
const MAX_USE_TOKENS = 2000;
const MAX_USE_DEPTH = 8;

/**
 * One use tree at toks[k, end): `a::b::C`, `a::b::C as D`, `a::b::*`, `a::{tree, …}`, `a::{self, …}`
 * (https://doc.rust-lang.org/reference/items/use-declarations.html); returns the index after it.
 */
function useTree(toks: Token[], k: number, end: number, prefix: string[], span: Span, out: Imports, depth: number): number {
  const path = [...prefix];
  while (k < end && isId(toks[k])) {
    path.push(toks[k].v);
    if (!isP(toks[k + 1], '::')) break;
    k += 2;
  }
  if (isP(toks[k], '*')) {
    if (path.length) {
      out.star.push(path.join('::'));
      out.starSpans.push(span);
    }
    return k + 1;
  }
  if (isP(toks[k], '{')) {
    k++;
    while (k < end && !isP(toks[k], '}')) {
      const next = depth < MAX_USE_DEPTH ? useTree(toks, k, end, path, span, out, depth + 1) : k + 1;
      k = next > k ? next : k + 1;
      if (isP(toks[k], ',')) k++;
    }
    return k + 1;
  }
  if (!isId(toks[k])) return k + 1;
  let name = path[path.length - 1];
  let from = path.slice(0, -1);
  // `use a::{self, B}`: the module `a` itself.
  if (name === 'self' && from.length) [name, from] = [from[from.length - 1], from.slice(0, -1)];
  let local = name;
  if (isId(toks[k + 1]) && toks[k + 1].v === 'as' && isId(toks[k + 2])) {
    local = toks[k + 2].v;
    k += 2;
  }
  if (from.length) out.names.set(local, { from: from.join('::'), name, span });
  return k + 1;
}
