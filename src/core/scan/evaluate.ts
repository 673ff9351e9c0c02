// The evaluator: any expression's token range → a Value (a string with labelled holes, a number, or unknown with a label), every name looked up through one scope chain —
// locals assigned before the use, the function's parameter defaults, the file's constants and class fields, the imports (through the resolver), environment defaults
// written in code — recording where each value was defined (DESIGN.md, "Inside the scan stage").
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import { join } from '../resolve/files';
import { GO_RESERVED, JAVA_RESERVED, PY_RESERVED, MAX_DEPTH, SELF, STRING_PASS, label, literalSpan, quoteAt, at, statedSource, type EvalScope, type Op, type Value } from './value';
import { member, index } from './members';
import { listFind } from './list-picks';
import { call, fnValue } from './calls';
import { arrowFn } from './function-forms';
import { CONDITION_OPS, ternaryAfter, ternaryArms } from './conditions';
import { envIndexed, envValue } from './env';
import { DEDENT_TAGS, TEXT_METHODS, onlyTrims, taggedTemplate } from './text-methods';
import { rubyBranches, switchValue } from './branches';
import { isElvis, kotlinIf } from './kotlin-if';
import { swiftCaseValue } from './swift-models';
import { isAssertion, isPhpCast, phpCastTerm, typeArgsEnd, typeEnd } from './type-casts';
import { filledHoles } from './fstring-holes';
import { arrayJoin, join2, joinedText } from './text-join';
import { absentWord, eitherOf, falsyLeft, listOrNone, lookupOr, unsetOr } from './absent';
import { initializerAt } from './initializer';
import { goChainValue } from './go-flag-vars';
import { goComposite } from './go-composites';
import { goResultTag } from './go-result-tags';
import { rubySymbol } from './ruby-symbols';
import { objectBranches } from './json-stringify';
import { rustEnvDefault, rustOptionDefault } from './rust-env';
import { arithmetic, isArith } from './arithmetic';
import { pathText } from './path-holes';
import { pyListCopy } from './py-list-copies';
export type { EvalScope, Value } from './value';
/** The value of the expression at toks[i] (bounded by `end`). */
export function evaluate(s: EvalScope, i: number, end: number, depth = 0): Value | undefined {
  return expr(s, i, end, depth).v;
}

/** An expression: terms joined by `+` (or `.` in PHP), implicit concatenation, or a default (`or`, `??`, `||`, `/`). */
export function expr(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } {
  const { toks } = s;
  if (depth > MAX_DEPTH) return { v: { runtime: label(s, i, Math.min(end, i + 1)) }, next: Math.min(end, i + 1) };
  let r = term(s, i, end, depth);
  let v = r.v;
  let k = r.next;
  while (k < end && v) {
    const op = toks[k];
    if (!op) break;
    if (op.t === T.Str && toks[k - 1]?.t === T.Str && v.str !== undefined) {
      const n = term(s, k, end, depth);
      v = join2(v, n.v);
      k = n.next; continue;
    }
    const elvis = isElvis(s, k);
    const isDefault = elvis || (op.t === T.Punct && (op.v === '??' || op.v === '||' || op.v === '?:')) || (op.t === T.Id && op.v === 'or');
    if (isDefault) {
      const n = term(s, k + (elvis ? 2 : 1), end, depth);
      if (n.v && falsyLeft(s, v, op.v)) { v = n.v; k = n.next; continue; }
      // A member the JSON file does not have: the default is the value (json-config.ts).
      if (v.unset && op.v !== '?:' && !elvis) {
        v = n.v ? unsetOr(s, v, n.v, label(s, i, k), at(s, k + 1)) : { runtime: label(s, i, n.next) };
        k = n.next; continue;
      }
      if (v.missable && op.v !== '?:' && !elvis) {
        v = lookupOr(v, n.v, () => label(s, i, n.next));
        k = n.next; continue;
      }
      if (v.absent && op.v !== '?:' && !elvis) {
        v = eitherOf(v, n.v && n.v.runtime === undefined ? { ...n.v, source: statedSource(s, `default of ${label(s, i, k)}`, n.v, at(s, k + 1)), fallback: true } : n.v);
        k = n.next; continue;
      }
      // The left side is what runs when set; unknown until run time, the default written here is the stated value.
      if ((v.runtime !== undefined || v.weak) && n.v && n.v.runtime === undefined) v = { ...n.v, source: statedSource(s, `default of ${v.runtime ?? label(s, i, k)}`, n.v, at(s, k + 1)), fallback: true };
      // `model or self.default_model`, that set from `config.get("AI_MODEL", "gpt-5.2")`: run time, stating that default.
      else if (v.runtime !== undefined && !v.stated && n.v?.runtime !== undefined && n.v.stated) v = { runtime: label(s, i, n.next), stated: n.v.stated };
      k = n.next;
      continue;
    }
    if (isAssertion(s, k)) {
      // TypeScript `x as T`, `x satisfies T`: the value is x.
      const after = typeEnd(s, k + 1, end);
      if (after === k + 1) break;
      k = after;
      continue;
    }
    if (op.t === T.Punct && CONDITION_OPS.has(op.v) && s.syn.id !== 'python') {
      // The condition of `a === 'x' ? b : c`, `typeof s === 'string' && KNOWN.includes(s) ? s : 'd'`: known only at
      // run time, so that the branches are read below.
      const n = term(s, isP(toks[k + 1], '=') ? k + 2 : k + 1, end, depth);
      const q = ternaryAfter(s, n.next, end);
      if (q < 0) break;
      v = { runtime: label(s, i, q) };
      k = q;
      continue;
    }
    if (op.t === T.Id && op.v === 'switch' && s.syn.id === 'csharp') {
      // C# `kind switch { Kind.A => "…", _ => "…" }`: the subject is only what picks the arm.
      const sw = switchValue(s, k, end, depth);
      if (!sw) break;
      v = sw.v ?? { runtime: label(s, i, sw.next) };
      k = sw.next;
      continue;
    }
    if (op.t === T.Punct && op.v === '?' && s.syn.id !== 'python') {
      // `cond ? a : b` (`ENV["M"] ? ENV["M"] : "gpt-4o-mini"`): a run-time branch leaves the other as the stated value; two
      // known are both values it can take (the first, the other kept); a provider instance as its models; objects: json-stringify.ts.
      const a = expr(s, k + 1, end, depth + 1);
      if (!isP(toks[a.next], ':')) break;
      const b = term(s, a.next + 1, end, depth);
      const known = ternaryArms(s, i, k, a.v, b.v, depth).filter((x): x is Value => !!x && x.runtime === undefined && (x.str !== undefined || x.num !== undefined || x.factory !== undefined));
      const what = `default of ${label(s, i, k)}`;
      const absent = absentWord(s, k + 1, a.v) || absentWord(s, a.next + 1, b.v) ? { absent: true as const } : {};
      // The same text either way (`P === 'azure' ? 'openai' : P`, P's default "openai"): a default stays a default.
      const same = known.length === 2 && known[0].str !== undefined && known[0].str === known[1].str && !known[0].holes && !known[1].holes;
      v = objectBranches(a.v, b.v, label(s, i, k)) ?? (same
        ? known.find((x) => x.fallback) ?? known[0]
        : known.length === 2 && known[1].factory === undefined
        ? { ...known[0], others: [...(known[0].others ?? []), (known[1].str ?? known[1].num)!] }
        : known.length ? { ...known[0], source: known[0].source ?? { file: s.file, offset: at(s, a.next + 1), what }, ...absent } : { runtime: label(s, i, b.next) });
      k = b.next;
      continue;
    }
    if (op.t === T.Id && op.v === 'if' && s.syn.id === 'python') {
      // `a if cond else b`: both are values it can take (the first, the other kept), as `cond ? a : b` above.
      let e = k + 1;
      while (e < end && !(toks[e].t === T.Id && toks[e].v === 'else')) e = s.match[e] > e ? s.match[e] + 1 : e + 1;
      if (e >= end) break;
      const b = expr(s, e + 1, end, depth + 1);
      const known = [v, b.v].filter((x): x is Value => !!x && x.runtime === undefined && (x.str !== undefined || x.num !== undefined));
      const absent = absentWord(s, i, v) || absentWord(s, e + 1, b.v) ? { absent: true as const } : {};
      // `p if p else "Say hi"` (held33 VG-Fish/Nova-Motors-Server app.py:28): `p or "Say hi"`, a fallback as above.
      const left = label(s, i, k);
      if (v.runtime !== undefined && known.length === 1 && known[0] === b.v && [left, `${left} is not None`].includes(label(s, k + 1, e))) v = { ...b.v, source: statedSource(s, `default of ${left}`, b.v, at(s, e + 1)), fallback: true };
      else v = known.length === 2
        ? { ...known[0], others: [...(known[0].others ?? []), (known[1].str ?? known[1].num)!, ...(known[1].others ?? [])] }
        : known.length === 1 ? { ...known[0], source: known[0].source ?? { file: s.file, offset: toks[k].start, what: `default of ${label(s, i, b.next)}` }, ...absent } : listOrNone(s, v, b.v, e + 1) ?? { runtime: label(s, i, b.next) };
      k = b.next;
      continue;
    }
    if (op.t === T.Punct && (op.v === '+' || (s.syn.dotConcat && op.v === '.'))) {
      const n = term(s, k + 1, end, depth);
      // `(meta.max_output or 4096) + 16000` (ErikBjare/gptme): a sum on a run-time value is run time; the fallback is what it takes only when that value is unset.
      const sum = v.num !== undefined && n.v?.num !== undefined && (v.fallback || n.v.fallback);
      v = sum ? { runtime: label(s, i, n.next) } : join2(v, n.v, (left) => (left ? label(s, i, k) : label(s, k + 1, n.next)));
      k = n.next;
      continue;
    }
    if (op.t === T.Punct && op.v === '/' && v.path !== undefined) {
      const n = term(s, k + 1, end, depth);
      const r = pathText(s, n.v, k + 1, n.next, depth); // `PROMPTS_DIR / f"{name}.md"`: path-holes.ts
      v = r?.str !== undefined ? { path: join(v.path, r.path ?? r.str) } : { runtime: label(s, i, n.next) };
      k = n.next; continue;
    }
    if ((v.num === undefined && !v.atMost) || !isArith(op)) break;
    ({ v, next: k } = arithmetic(s, v, i, k, end, depth, term)); // `budget - len(prompt)`: arithmetic.ts
  }
  return { v, next: k };
}

function term(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } {
  const { toks, match } = s;
  const tk = toks[i];
  if (!tk || i >= end) return { next: i };
  if (tk.t === T.Str) {
    const filled = filledHoles(s, tk, i, depth);
    // A literal whose holes took a constant's text is no longer the literal's own text (no edit rewrites it).
    const v: Value = filled ? { str: filled.str, ...(filled.others && { others: filled.others }) } : { str: tk.v, lit: { span: literalSpan(s, tk), quote: quoteAt(s, tk), scope: s } };
    if (filled) {
      if (filled.holes.length) v.holes = filled.holes.map((h) => (typeof h === 'string' ? h : h.expr));
    } else if (tk.holes?.length) v.holes = tk.holes.map((h) => h.expr);
    // `"…".strip()`, `"Hi {name}".format(name=n)`: the literal edited by its text methods.
    const m = toks[i + 2];
    // In PHP `.` joins: `'Locale: '.core()->name` is no method of the literal.
    if (isP(toks[i + 1], '.') && !s.syn.dotConcat && isId(m) && isP(toks[i + 3], '(') && match[i + 3] > i + 3 && match[i + 3] < end) {
      if (TEXT_METHODS.has(m.v) || STRING_PASS.has(m.v)) return chain(s, i + 2, end, depth, v);
      const joined = m.v === 'join' && s.syn.id === 'python' && v.holes === undefined ? joinedText(s, v.str!, i + 4, match[i + 3], depth) : undefined;
      if (joined) return { v: joined, next: match[i + 3] + 1 };
      // Another method of the literal (`"\n".join(parts)`): the value is not the literal's text.
      return { v: { runtime: label(s, i, match[i + 3] + 1) }, next: match[i + 3] + 1 };
    }
    return { v, next: i + 1 };
  }
  if (tk.t === T.Num && tk.n !== undefined) return { v: { num: tk.n, lit: { span: { start: tk.start, end: tk.end }, scope: s } }, next: i + 1 };
  if (isPhpCast(s, i)) return phpCastTerm(s, i, term(s, i + 3, end, depth)); // PHP `(int) $x`: the value cast (type-casts.ts).
  if (isP(tk, '(') && match[i] > i) {
    const close = match[i]; // `(() => { … return p; })()`: a function called where it is written is what it returns.
    const f = isP(toks[close + 1], '(') && match[close + 1] === close + 2 ? arrowFn(s, i + 1) : undefined;
    if (f && (f.expr ? f.bodyEnd === close : f.bodyEnd === close - 1)) return { v: fnValue(s, { ...f, name: i + 1 }, 'function', depth) ?? { runtime: label(s, i, close + 3) }, next: close + 3 };
    const inner = expr(s, i + 1, match[i], depth + 1);
    if (s.syn.id === 'python' && inner.next < match[i] && isP(toks[inner.next], ',')) return { v: { obj: { kind: 'table', scope: s, open: i } }, next: match[i] + 1 }; // A Python tuple is a sequence, never its first element (held38 M9).
    // C# `(new[] { … }).ToList()` (LINQ Enumerable.ToList / ToArray): the same items, the list as written.
    const q = match[i] + 1;
    if (inner.v?.obj?.kind === 'table' && s.syn.id === 'csharp' && isP(toks[q], '.') && /^(ToList|ToArray)$/.test(toks[q + 1]?.v ?? '') && isP(toks[q + 2], '(') && match[q + 2] === q + 3) return { v: inner.v, next: q + 4 };
    // `(Path(__file__).parent / "x.md").read_text()`: members and calls of the parenthesised value.
    if (inner.v && isP(toks[match[i] + 1], '.') && isId(toks[match[i] + 2])) return chain(s, match[i] + 2, end, depth, inner.v);
    return { v: inner.v, next: match[i] + 1 };
  }
  const lit = s.syn.id === 'go' ? goComposite(s, i, end) : swiftCaseValue(s, i, end, depth, expr) ?? rubySymbol(s, i); // Go `&pkg.T{…}` as a table (go-composites.ts), Swift `.gpt4o` (swift-models.ts), Ruby `:name` as its name
  if (lit) return lit;
  // A table literal: `{ "triage": 300 }`, `{ triage: 300 }` (members are read from it when asked), or a list
  // `[…]` (a messages list kept in a variable: its prompt parts are read where it is sent, parts.ts).
  if ((isP(tk, '{') || isP(tk, '[')) && match[i] > i) return (isP(tk, '[') && (s.syn.id === 'javascript' || s.syn.id === 'rust') ? arrayJoin(s, i, end, depth) : undefined) ?? { v: { obj: { kind: 'table', scope: s, open: i } }, next: match[i] + 1 };
  // C# / Java `new List<ChatMessage> { … }`, `new ChatMessage[] { … }`, `new() { … }`: a collection initializer.
  if (isId(tk) && tk.v === 'new') {
    const open = initializerAt(s, i + 1, end);
    if (open > 0) return { v: { obj: { kind: 'table', scope: s, open } }, next: match[open] + 1 };
  }
  if (isP(tk, '-') && toks[i + 1]?.t === T.Num) return { v: { num: -(toks[i + 1].n ?? 0) }, next: i + 2 };
  if (!isId(tk)) return { next: i };
  if (tk.v === 'await' || tk.v === 'new' || tk.v === 'try' || tk.v === 'static') return term(s, i + 1, end, depth);
  if (tk.v === 'typeof' && s.syn.id === 'javascript') {
    const r = term(s, i + 1, end, depth);
    return { v: { runtime: label(s, i, r.next) }, next: r.next };
  }
  if (tk.v === 'switch' || tk.v === 'when' || tk.v === 'match') {
    const sw = switchValue(s, i, end, depth);
    if (sw) return { v: sw.v ?? { runtime: label(s, i, sw.next) }, next: sw.next };
  }
  if (tk.v === 'case' || tk.v === 'if' || tk.v === 'unless') {
    const rb = rubyBranches(s, i, depth) ?? kotlinIf(s, i, end, depth);
    if (rb) return { v: rb.v ?? { runtime: label(s, i, rb.next) }, next: rb.next };
  }
  // Words reserved elsewhere are names in Go (a package `public`, eryajf/chatgpt-dingtalk `public.Config.Model`); Rust's `Some(x)` is x (calls.ts).
  if (KEYWORDS.has(tk.v) && !SELF.has(tk.v) && (s.syn.id !== 'go' || GO_RESERVED.has(tk.v)) && (s.syn.id !== 'java' || JAVA_RESERVED.has(tk.v)) && (s.syn.id !== 'python' || PY_RESERVED.has(tk.v)) && !(tk.v === 'Some' && s.syn.id === 'rust')) return { next: i + 1 };
  // A tagged template (`dedent\`…\``): the template's text as the tag leaves it.
  if (toks[i + 1]?.t === T.Str && DEDENT_TAGS.has(tk.v) && s.text[toks[i + 1].start] === '`') {
    const r = term(s, i + 1, end, depth);
    return { v: r.v && taggedTemplate(r.v), next: r.next };
  }
  return pyListCopy(s, i, end, depth, expr) ?? chain(s, i, end, depth); // `BASE[:]`, `list(BASE)`: py-list-copies.ts
}

/** `a.b(c)[d].e…`; Go getters (`e.config.GetAiConfig().GetModel()`) known only at run time read as fields (go-getters.ts), a flag's variable as its default (go-flag-vars.ts). */
function chain(s: EvalScope, i: number, end: number, depth: number, base?: Value): { v?: Value; next: number } {
  const r = chainOps(s, i, end, depth, base);
  const g = s.syn.id === 'go' && !base && (!r.v || r.v.runtime !== undefined) ? goChainValue(s, i, r.next, depth) : undefined;
  return g ? { v: g, next: r.next } : r;
}

/** `a.b(c)[d].e…`: names, calls and indexes from left to right. */
function chainOps(s: EvalScope, i: number, end: number, depth: number, base?: Value): { v?: Value; next: number } {
  const { toks, match } = s;
  const ops: Op[] = [];
  let k = i + 1;
  // Rust `include_str!(…)`, a macro.
  if (isP(toks[k], '!') && isP(toks[k + 1], '(')) k++;
  while (k < end) {
    const tk = toks[k];
    // `openai?.("o3-mini")`, `table?.[key]`: an optional call or index is the call or index when the name is set.
    if (isP(tk, '?.') && (isP(toks[k + 1], '(') || isP(toks[k + 1], '['))) k++;
    else if (tk.t === T.Punct && ((tk.v === '.' && !s.syn.dotConcat) || tk.v === '?.' || tk.v === '::' || tk.v === '->') && isId(toks[k + 1])) {
      ops.push({ k: 'member', name: toks[k + 1].v, i: k + 1 });
      k += 2;
    } else if ((isP(tk, '(') || isP(tk, '[')) && match[k] > k && match[k] < Math.max(end, match[k] + 1)) {
      // A call's arguments on the next line in Python are still its arguments; a `[` after a line break is not.
      ops.push({ k: tk.v === '(' ? 'call' : 'index', open: k, close: match[k] });
      k = match[k] + 1;
    } else if (isP(tk, '!') && isP(toks[k + 1], '.')) k++;
    else if (isP(tk, '<') && (((s.syn.id === 'csharp' || /\.[cm]?tsx?$/.test(s.file)) && ops[ops.length - 1]?.k === 'member') || (!ops.length && (s.syn.id === 'java' ? /^(?:ArrayList|LinkedList)$/ : /^defineConfigObject$/).test(toks[i].v))) && isP(toks[typeArgsEnd(s, k)], '(')) k = typeArgsEnd(s, k);
    else break;
  }
  const envDefault = rustEnvDefault(s, i, ops, depth) ?? rustOptionDefault(s, i, ops, depth);
  if (envDefault) return { v: envDefault, next: k };
  // The expression's text, only when the value is not known (most chains resolve to a constant).
  const whole = () => label(s, i, k);
  let cur: Value | undefined = base;
  const names: string[] = [toks[i].v];
  let nameAt = i;
  for (let o = 0; o < ops.length; o++) {
    const op = ops[o];
    if (op.k === 'member') {
      names.push(op.name);
      continue;
    }
    if (op.k === 'call') {
      // Go `config.Get().Model`: the struct tag default of the field of the struct Get returns (go-result-tags.ts).
      const after = ops[o + 1], tag = s.syn.id === 'go' && after?.k === 'member' && o === ops.length - 2 ? goResultTag(s, names, op.open, op.close, after.name) : undefined;
      if (tag) return { v: tag, next: k };
      cur = (names.length > 1 && names[names.length - 1] === 'find' ? listFind(s, member(s, cur, names.slice(0, -1), nameAt, depth), names, op.open, op.close, depth) : undefined) ?? call(s, cur, names, nameAt, op.open, op.close, ops[o + 1], depth);
      // A stated default (`state.get("model", DEFAULT)`) goes with the call's value, not with a method of it but a trim.
      if (cur?.runtime !== undefined && !(cur.stated && onlyTrims(ops, o + 1))) return { v: { runtime: whole(), ...(cur.stated && o === ops.length - 1 ? { stated: cur.stated } : {}), ...(cur.atMost && o === ops.length - 1 ? { atMost: cur.atMost } : {}) }, next: k };
    } else if (!cur && envIndexed(names)) {
      // `os.environ["MODEL"]`, `ENV["MODEL"]`, `process.env["MODEL"]`.
      const key = evaluate(s, op.open + 1, op.close, depth + 1);
      cur = key?.str !== undefined && !key.holes?.length ? envValue(s, key.str) : undefined;
    } else {
      const base = names.length ? member(s, cur, names, nameAt, depth) : cur;
      cur = index(s, base, op.open, op.close, depth);
    }
    names.length = 0;
    nameAt = op.close + 1;
    if (!cur) return { v: { runtime: whole() }, next: k };
  }
  if (names.length) cur = member(s, cur, names, nameAt, depth);
  if (!cur) cur = { runtime: whole() };
  else if (cur.runtime !== undefined) {
    const text = whole();
    if (cur.runtime !== text && !(s.syn.id === 'javascript' && cur.runtime.startsWith(text + ' ('))) cur = { ...cur, runtime: text }; // a note kept: reactive-state.ts
  }
  return { v: cur, next: k };
}
