// Methods of a known string that change its text: `SYS.replace("{{history}}", x)`, `TPL.format(text=t)`,
// `PROMPT.strip()`, `"""…""".trimIndent()`. The prompt is the template's text with each value put in where the
// value is known, and a labelled hole where it is not (so the count stays a lower bound and says so).
import type { EvalScope, Value } from './value';
import { commonIndent } from '../lex/literal-text';

type Arg = { key?: string; from: number; to: number };

/**
 * Template tags that return their template's text with the common indent removed and a blank first and last line
 * dropped: the npm packages dedent and ts-dedent (`dedent`), outdent, and common-tags' stripIndent (README of each).
 */
export const DEDENT_TAGS = new Set(['dedent', 'outdent', 'stripIndent', 'endent']);

/** A tagged template's value: `dedent\`…\``. */
export function taggedTemplate(v: Value): Value {
  return v.str === undefined ? v : { ...v, str: commonIndentRemoved(v.str, true), lit: undefined };
}

/** Methods whose result is the receiver's text edited as below. */
export const TEXT_METHODS = new Set([
  'replace', 'replaceAll', 'replaceFirst', 'Replace', 'sub', 'gsub', 'format', 'format_map', 'formatted',
  'Trim', 'TrimStart', 'TrimEnd', 'stripLeading', 'stripTrailing',
]);

/**
 * The text after `fn` on `base`, or undefined when `fn` is not a text method this knows. `arg(n)` evaluates the n-th
 * argument; `label(n)` is its source text.
 */
export function textMethod(s: EvalScope, base: Value, fn: string, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  const str = base.str;
  if (str === undefined) return undefined;
  const lang = s.syn.id;
  switch (fn) {
    // JS String.prototype.split on a literal separator: the pieces, read by place (`const [provider, id] = s.split(':')`).
    case 'split': {
      if (lang !== 'javascript' || base.holes?.length || a.length !== 1) return undefined;
      const sep = arg(0);
      return sep?.str !== undefined && !sep.holes?.length ? { items: str.split(sep.str), ...(base.source ? { source: base.source } : {}) } : undefined;
    }
    // Python str.strip/lstrip/rstrip, JS trim/trimStart/trimEnd, Kotlin/Java/C# trim (no argument: whitespace).
    // With holes, where they sit is unknown: the text is left as it is.
    case 'strip': case 'trim': case 'Trim':
      return a.length || base.holes?.length ? base : { ...base, str: str.trim(), lit: undefined };
    case 'lstrip': case 'trimStart': case 'TrimStart': case 'stripLeading':
      return a.length || base.holes?.length ? base : { ...base, str: str.trimStart(), lit: undefined };
    case 'rstrip': case 'trimEnd': case 'TrimEnd': case 'stripTrailing':
      return a.length || base.holes?.length ? base : { ...base, str: str.trimEnd(), lit: undefined };
    // Kotlin String.trimIndent: the common indent removed, a blank first and last line dropped (kotlin.text docs).
    case 'trimIndent': case 'stripIndent':
      return { ...base, str: commonIndentRemoved(str, true), lit: undefined };
    // Python inspect.cleandoc: the first line's leading blanks, the common indent of the others, and blank lines at
    // both ends removed (Python docs, inspect.cleandoc).
    case 'cleandoc': {
      const nl = str.indexOf('\n');
      if (nl < 0) return { ...base, str: str.trim(), lit: undefined };
      const rest = commonIndentRemoved(str.slice(nl + 1), false);
      const lines = (str.slice(0, nl).trimStart() + '\n' + rest).split('\n');
      while (lines.length && lines[0].trim() === '') lines.shift();
      return { ...base, str: lines.join('\n').trimEnd(), lit: undefined };
    }
    // Python textwrap.dedent / Ruby (ActiveSupport) String#strip_heredoc: the common indent removed.
    case 'dedent': case 'strip_heredoc':
      return { ...base, str: commonIndentRemoved(str, false), lit: undefined };
    // Kotlin String.trimMargin(): each line's leading blanks and the `|` after them removed.
    case 'trimMargin':
      if (a.length) return base;
      return { ...base, str: commonIndentRemoved(str.split('\n').map((l) => l.replace(/^[ \t]*\|/, '')).join('\n'), true, false), lit: undefined };
    // Rails String#squish: runs of whitespace become one space, ends trimmed.
    case 'squish':
      return { ...base, str: str.trim().replace(/\s+/g, ' '), lit: undefined };
    case 'replace': case 'replaceAll': case 'replaceFirst': case 'Replace': case 'sub': case 'gsub': {
      if (a.length < 2) return base;
      const pat = arg(0);
      // Java/Kotlin replaceAll and replaceFirst take a regular expression (java.lang.String), as do Ruby's sub/gsub
      // given a Regexp: a pattern read as plain text could be wrong.
      const regex = (lang === 'java' || lang === 'kotlin') && (fn === 'replaceAll' || fn === 'replaceFirst');
      // A regular expression or an unknown pattern: where the replacement goes is unknown, so the text stays as it
      // is and the replacement, known or not, is a named hole (never dropped without a word).
      if (regex || pat?.str === undefined || pat.holes?.length || pat.str === '') return put(base, undefined, label(1), (t) => t);
      // JavaScript's replace with a string pattern and Ruby's sub replace the first match only (MDN
      // String.prototype.replace; Ruby String#sub); Python str.replace, Java/C# Replace, replaceAll, gsub replace all.
      const first = (fn === 'replace' && (lang === 'typescript' || lang === 'javascript')) || fn === 'sub';
      const p = pat.str;
      // `template.replace("{name}", v)` on a template file read with its holes named (a `.st` file's `{name}`): the
      // hole is filled by v (its place is gone: v's text joins the end).
      const hole = /^\{\{?\s*([\w.]+)\s*\}?\}$/.exec(p)?.[1];
      if (hole && base.holes?.includes(hole) && !(base.str ?? '').includes(p)) {
        const rest: Value = { ...base, holes: base.holes.filter((h) => h !== hole) };
        if (!rest.holes!.length) delete rest.holes;
        return put(rest, arg(1), label(1), (t, v) => t + v);
      }
      return put(base, arg(1), label(1), (t, v) => (first ? t.replace(p, () => v) : t.split(p).join(v)));
    }
    case 'format': case 'format_map':
      // Python str.format: `{name}`, `{0}`, `{}` fields, `{{`/`}}` escapes (Python docs, "Format String Syntax").
      if (lang === 'python') return pythonFormat(base, a, arg, label, fn === 'format_map');
      // Kotlin String.format / Java String.formatted: `%s`-style positional fields (java.util.Formatter).
      if (lang === 'kotlin' || lang === 'java') return printfFormat(base, a, arg, label);
      return base;
    case 'formatted':
      return lang === 'java' || lang === 'kotlin' ? printfFormat(base, a, arg, label) : base;
    // JS String.prototype.concat: each argument's text appended, an unknown one a named hole (MDN; held41
    // thefalked/tauri-video-manager `prompt.concat(JSON.stringify({ entries }))` on an imported template).
    case 'concat': {
      if (lang !== 'javascript' || a.some((x) => x.key)) return undefined;
      let out = base;
      for (let n = 0; n < a.length; n++) out = put(out, arg(n), label(n), (t, v) => t + v);
      return out;
    }
  }
  return undefined;
}

/** The text with `edit(text, value)` applied: the value's text when known, else '' and the value's label a hole. */
function put(base: Value, v: Value | undefined, lbl: string, edit: (t: string, v: string) => string): Value {
  const known = v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined);
  const text = known ? String(v.str ?? v.num) : '';
  const holes = [...(base.holes ?? []), ...(known ? v.holes ?? [] : [v?.runtime ?? lbl])];
  const out: Value = { ...base, str: edit(base.str ?? '', text), lit: undefined };
  if (holes.length) out.holes = holes;
  return out;
}

/**
 * `{…}` fields filled (Python str.format; Rust's format! through rust-format.ts): `{}` the next positional argument,
 * `{0}` one by index, `{name}` a keyword argument, else `capture(name)` when given (a Rust variable in scope).
 */
export function pythonFormat(base: Value, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string, map: boolean, capture?: (name: string) => Value | undefined): Value {
  const str = base.str ?? '';
  const positional = a.map((x, n) => ({ x, n })).filter((p) => !p.x.key);
  const holes = [...(base.holes ?? [])];
  let auto = 0;
  let out = '';
  let k = 0;
  while (k < str.length) {
    const ch = str[k];
    if ((ch === '{' || ch === '}') && str[k + 1] === ch) {
      out += ch;
      k += 2;
      continue;
    }
    if (ch !== '{') {
      // The text up to the next brace in one piece (a long template, copied a character at a time, built a string
      // of as many pieces).
      let e = k + 1;
      while (e < str.length && str.charCodeAt(e) !== 123 && str.charCodeAt(e) !== 125) e++;
      out += str.slice(k, e);
      k = e;
      continue;
    }
    const close = str.indexOf('}', k + 1);
    if (close < 0) {
      out += str.slice(k);
      break;
    }
    // `,` ends a .NET item's index (`{0,10}`, dotnetFormat); Python has no such field.
    const field = str.slice(k + 1, close).split(/[!:]/)[0].split(/[.[,]/)[0].trim();
    let n = -1;
    if (!map) {
      if (field === '') n = positional[auto++]?.n ?? -1;
      else if (/^\d+$/.test(field)) n = positional[Number(field)]?.n ?? -1;
      else n = a.findIndex((x) => x.key === field);
    }
    const v = n >= 0 ? arg(n) : capture && /^[A-Za-z_]\w*$/.test(field) ? capture(field) : undefined;
    const whole = str.slice(k + 1, close).split(/[!:]/)[0] === field;
    if (v && whole && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) {
      out += String(v.str ?? v.num);
      holes.push(...(v.holes ?? []));
    } else holes.push(n >= 0 ? v?.runtime ?? label(n) : field || '{}');
    k = close + 1;
  }
  const r: Value = { ...base, str: out, lit: undefined };
  if (holes.length) r.holes = holes;
  return r;
}

/**
 * C# `string.Format(format, args…)` and `string.Format(provider, format, args…)`: the format's `{0}` / `{0:N2}` / `{0,10}`
 * items filled from the arguments after it, `{{` / `}}` its escapes (.NET "Composite formatting",
 * https://learn.microsoft.com/en-us/dotnet/standard/base-types/composite-formatting: {index[,alignment][:formatString]}).
 * An item padded to a width keeps its argument a hole. Undefined when no format text is known.
 */
export function dotnetFormat(a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  let f = 0;
  let fmt = arg(0);
  // The IFormatProvider overload (`string.Format(CultureInfo.InvariantCulture, "…", x)`).
  if (fmt?.str === undefined && a.length >= 2) [f, fmt] = [1, arg(1)];
  if (fmt?.str === undefined) return undefined;
  const rest = a.slice(f + 1);
  return pythonFormat(fmt, rest, (n) => arg(n + f + 1), (n) => label(n + f + 1), false);
}

/** Java `String.format(format, args…)` and `String.format(locale, format, args…)` (java.lang.String.format; Kotlin's
 * `String.format` too): the format's `%s` fields filled by printfFormat. */
export function jvmFormat(a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  let f = 0;
  let fmt = arg(0);
  if (fmt?.str === undefined && a.length >= 2) [f, fmt] = [1, arg(1)];
  if (fmt?.str === undefined) return undefined;
  return printfFormat(fmt, a.slice(f + 1), (n) => arg(n + f + 1), (n) => label(n + f + 1));
}

function printfFormat(base: Value, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value {
  const str = base.str ?? '';
  const holes = [...(base.holes ?? [])];
  let n = 0;
  let out = '';
  let k = 0;
  while (k < str.length) {
    const pc = str.indexOf('%', k);
    if (pc < 0) {
      out += str.slice(k);
      break;
    }
    out += str.slice(k, pc);
    // java.util.Formatter: %[argument_index$][flags][width][.precision]conversion.
    let j = pc + 1;
    const digits = () => {
      const from = j;
      while (j < str.length && str[j] >= '0' && str[j] <= '9') j++;
      return str.slice(from, j);
    };
    let idx = digits();
    if (idx && str[j] === '$') j++;
    else {
      j = pc + 1;
      idx = '';
    }
    while (j < str.length && '-#+ 0,('.includes(str[j])) j++;
    digits();
    if (str[j] === '.') {
      j++;
      digits();
    }
    const conv = str[j] ?? '';
    if (!/[a-zA-Z%]/.test(conv)) {
      out += '%';
      k = pc + 1;
      continue;
    }
    k = j + 1;
    if (conv === '%') {
      out += '%';
      continue;
    }
    if (conv === 'n') {
      out += '\n';
      continue;
    }
    const i = idx ? Number(idx) - 1 : n++;
    const v = i < a.length ? arg(i) : undefined;
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined) && (conv === 's' || conv === 'd')) {
      holes.push(...(v.holes ?? []));
      out += String(v.str ?? v.num);
    } else holes.push(i < a.length ? v?.runtime ?? label(i) : str.slice(pc, k));
  }
  const r: Value = { ...base, str: out, lit: undefined };
  if (holes.length) r.holes = holes;
  return r;
}

/** The common leading blanks of the non-blank lines removed; `ends`: a blank first and last line dropped too. */
function commonIndentRemoved(text: string, ends: boolean, measure = true): string {
  let lines = text.split('\n');
  if (ends) {
    if (lines.length && lines[0].trim() === '') lines = lines.slice(1);
    if (lines.length && lines[lines.length - 1].trim() === '') lines = lines.slice(0, -1);
  }
  const common = measure ? commonIndent(lines) : Infinity;
  const cut = Number.isFinite(common) ? common : 0;
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(cut))).join('\n');
}

/**
 * `fn` on the receiver's text (`PROMPT.strip()`); on a run-time value with a stated default
 * (`config.get("AI_API_BASE", "https://…/v1").rstrip("/")`), run time still with its default edited alike.
 */
export function editedText(s: EvalScope, base: Value, fn: string, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  if (base.str !== undefined && base.path === undefined) return textMethod(s, base, fn, a, arg, label);
  if (base.runtime === undefined || base.stated?.str === undefined) return undefined;
  const v = textMethod(s, base.stated, fn, a, arg, label);
  return v && { ...base, stated: v };
}

const TRIMS = new Set(['strip', 'lstrip', 'rstrip', 'trim', 'trimStart', 'trimEnd', 'Trim', 'TrimEnd', 'TrimStart']);

/** Whether the chain's links from `from` on are all trims, `.rstrip("/")` (a pair each: the name, its call). */
export function onlyTrims(ops: readonly ({ k: 'member'; name: string } | { k: string })[], from: number): boolean {
  if (from >= ops.length || (ops.length - from) % 2) return false;
  for (let o = from; o < ops.length; o += 2) {
    const m = ops[o];
    if (m.k !== 'member' || !('name' in m) || !TRIMS.has(m.name) || ops[o + 1].k !== 'call') return false;
  }
  return true;
}
