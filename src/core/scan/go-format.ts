// Go `fmt.Sprintf(format, args…)`: the format's text with each verb filled where its argument is known, and a named
// hole where it is not (https://pkg.go.dev/fmt: `%v` the value in its default format, `%s` a string, `%d` an integer,
// `%q` a quoted string; flags, width and precision between `%` and the verb; `%[n]v` takes argument n, 1-based, and
// the next verb the one after it; `%%` is a percent sign). Seen in ekkinox/yai ai/engine.go (`fmt.Sprintf("%s\n%s",
// bodyPart, e.prepareSystemPromptContextPart())`).
import type { Value } from './value';

type Arg = { key?: string; from: number; to: number };

/** The text `fmt.Sprintf(…)` makes, or undefined when the call is not one or its format is not known. */
export function goSprintf(names: string[], a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  const replace = names.length === 2 && names[0] === 'strings' && (names[1] === 'Replace' || names[1] === 'ReplaceAll');
  if (replace) return goReplace(names[1], a, arg, label);
  if (names.length !== 2 || names[0] !== 'fmt' || names[1] !== 'Sprintf' || !a.length) return undefined;
  const base = arg(0);
  if (base?.str === undefined || base.runtime !== undefined) return undefined;
  const str = base.str;
  const holes = [...(base.holes ?? [])];
  let out = '';
  let next = 1;
  let k = 0;
  while (k < str.length) {
    const pc = str.indexOf('%', k);
    if (pc < 0) {
      out += str.slice(k);
      break;
    }
    out += str.slice(k, pc);
    const m = /^%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?(?:\[(\d+)\])?([a-zA-Z%])/.exec(str.slice(pc));
    if (!m) {
      out += '%';
      k = pc + 1;
      continue;
    }
    k = pc + m[0].length;
    if (m[5] === '%') {
      out += '%';
      continue;
    }
    if (m[4]) next = Number(m[4]);
    const i = next++;
    const v = i < a.length ? arg(i) : undefined;
    // A value of several branches counts its longest text, the worst case, as a prompt does (branches.ts).
    const text = v && v.runtime === undefined ? plain(v, m[5]) : undefined;
    if (text !== undefined && !m[2] && !m[3]) {
      holes.push(...(v!.holes ?? []));
      out += text;
    } else holes.push(i < a.length ? v?.runtime ?? label(i) : str.slice(pc, k));
  }
  const r: Value = { ...base, str: out, lit: undefined, others: undefined };
  if (holes.length) r.holes = holes;
  return r;
}

/** A known text or number as the verb prints it, or undefined. */
function plain(v: Value, verb: string): string | undefined {
  if (v.str !== undefined && v.num === undefined) return verb === 's' || verb === 'v' ? v.str : verb === 'q' ? JSON.stringify(v.str) : undefined;
  if (v.num !== undefined && Number.isInteger(v.num)) return verb === 'd' || verb === 'v' ? String(v.num) : undefined;
  return undefined;
}

/**
 * `strings.Replace(s, old, new, n)` / `strings.ReplaceAll(s, old, new)` (https://pkg.go.dev/strings#Replace: "returns
 * a copy of the string s with the first n non-overlapping instances of old replaced by new … If n < 0, there is no
 * limit"): a replacement known only at run time is a named hole where old was; an unknown old leaves the text as it is.
 */
function goReplace(fn: string, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string): Value | undefined {
  const base = arg(0);
  if (a.length !== (fn === 'Replace' ? 4 : 3) || base?.str === undefined || base.runtime !== undefined) return undefined;
  const pat = arg(1);
  const n = fn === 'Replace' ? arg(3)?.num : -1;
  const v = arg(2);
  const known = v !== undefined && v.runtime === undefined && (v.str !== undefined || v.num !== undefined);
  const holes = [...(base.holes ?? []), ...(known ? v.holes ?? [] : [v?.runtime ?? label(2)])];
  const out: Value = { ...base, lit: undefined };
  if (pat?.str !== undefined && !pat.holes?.length && pat.str !== '' && n !== undefined && n !== 0) {
    const parts = base.str.split(pat.str);
    const cut = n < 0 ? parts.length - 1 : Math.min(n, parts.length - 1);
    const text = known ? String(v.str ?? v.num) : '';
    const rest = cut + 1 < parts.length ? pat.str + parts.slice(cut + 1).join(pat.str) : '';
    out.str = parts.slice(0, cut + 1).join(text) + rest;
  }
  if (holes.length) out.holes = holes;
  return out;
}
