// Python prompt templates filled by a regular expression: `re.sub(r"\{\{(\w+)\}\}", lambda m: kw[m[1]], template)`
// and a compiled pattern's `PATTERN.sub(repl, template)` (docs.python.org/3/library/re.html: re.sub(pattern, repl,
// string, count=0, flags=0); Pattern.sub(repl, string, count=0)). The result is the template's text: a placeholder
// the pattern plainly matches (`{{name}}`, `{name}`, `{{ name }}`, `[[name]]`) is left out and named as a hole; else
// the text stays as it is and the replacement is named (what it puts in is known only at run time).
import type { EvalScope, Value } from './value';

type Arg = { key?: string; from: number; to: number };

/** A placeholder pattern read as plain delimiters around a name group; undefined for any other regular expression. */
function placeholder(pattern: string): { open: string; close: string; ws: boolean } | undefined {
  if (pattern.length > 80) return undefined;
  const m = /^((?:\\[{[<$%]|[<$%]){1,2})(\\s\*)?\((?:\?P<\w+>)?(?:\\w\+|\[\\w\.?\]\+|\[\\w\\\.\]\+|\.\+\?|\.\*\?|\[\^[}\]>]\]\+)\)(\\s\*)?((?:\\[}\]>%]|[>%]){1,2})$/.exec(pattern);
  if (!m) return undefined;
  const open = m[1].replace(/\\/g, '');
  const close = m[4].replace(/\\/g, '');
  return { open, close, ws: !!(m[2] || m[3]) };
}

const NAME = /^[A-Za-z_][\w.]{0,59}$/;

/** The text with each `open name close` taken out, and the names; one pass, no backtracking. */
function cutPlaceholders(text: string, p: { open: string; close: string; ws: boolean }): { str: string; holes: string[] } {
  let out = '';
  const holes: string[] = [];
  let i = 0;
  while (i < text.length) {
    const o = text.indexOf(p.open, i);
    if (o < 0) break;
    // The closer is looked for in a short window: a text of many openers and one far closer stays linear.
    const from = o + p.open.length;
    const w = text.slice(from, from + 80).indexOf(p.close);
    const c = w < 0 ? -1 : from + w;
    const inner = c < 0 ? '' : text.slice(from, c);
    const name = p.ws ? inner.trim() : inner;
    if (c < 0 || !NAME.test(name)) {
      out += text.slice(i, o + 1);
      i = o + 1;
      continue;
    }
    out += text.slice(i, o);
    if (!holes.includes(name)) holes.push(name);
    i = c + p.close.length;
  }
  return { str: out + text.slice(i), holes };
}

/** `re.sub(pattern, repl, text)` / `X.sub(repl, text)` in Python: the text as above; undefined for any other call. */
export function regexSub(s: EvalScope, names: string[], a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  if (s.syn.id !== 'python' || names.length !== 2 || names[names.length - 1] !== 'sub') return undefined;
  const module = names[0] === 're';
  const at = (pos: number, key: string) => {
    const k = a.findIndex((x) => x.key === key);
    return k >= 0 ? k : a[pos] && !a[pos].key ? pos : -1;
  };
  const t = at(module ? 2 : 1, 'string');
  const r = at(module ? 1 : 0, 'repl');
  if (t < 0 || r < 0) return undefined;
  const text = arg(t);
  if (text?.str === undefined || text.runtime !== undefined) return undefined;
  const pat = module ? arg(at(0, 'pattern')) : undefined;
  const p = pat?.str !== undefined && !pat.holes?.length ? placeholder(pat.str) : undefined;
  const cut = p ? cutPlaceholders(text.str, p) : undefined;
  // A template read with its holes named (a `{{name}}` file): the replacement fills those; else it is named itself.
  const mine = cut?.holes.length ? cut.holes : text.holes?.length ? [] : [label(r)];
  const holes = [...(text.holes ?? []), ...mine.filter((h) => !text.holes?.includes(h))];
  return { ...text, str: cut ? cut.str : text.str, holes, lit: undefined };
}
