// CrewAI fills `{name}` in an agent's and a task's texts from `crew.kickoff(inputs={…})` (crewAIInc/crewAI f4731f50
// lib/crewai/src/crewai/utilities/string_utils.py interpolate_only, `\{([A-Za-z_][A-Za-z0-9_\-]*)}`; crew.py kickoff and
// kickoff_for_each, one kickoff per dict of the list). A value the kickoffs write as a literal is counted (the longest
// when they differ); any other is named as run-time input.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { contextOf } from './imported-runnables';
import { dirname, join } from '../resolve/files';
import { keyAt } from './values';

/** Files of the folder and the one above read for kickoffs (a crew's main.py beside crew.py, or a runner above). */
const MAX_FILES = 40;

/** Per key: the literal values kickoffs pass (undefined: one passes a run-time value). */
type Inputs = Map<string, string | undefined>;

const memo = new WeakMap<Ctx, Inputs>();

/** The parts with each `{name}` of their text filled from the kickoffs' inputs, or named as a run-time input. */
export function fillInputs(c: Ctx, parts: PromptPart[], _first: number): PromptPart[] {
  let inputs: Inputs | undefined;
  const out: PromptPart[] = [];
  for (const p of parts) {
    if (!p.resolved || !p.text.includes('{')) {
      out.push(p);
      continue;
    }
    inputs ??= kickoffInputs(c);
    const t = p.text;
    let from = 0;
    for (let k = 0; k < t.length; k++) {
      if (t[k] !== '{') continue;
      const end = holeEnd(t, k);
      if (end < 0) continue;
      const name = t.slice(k + 1, end);
      const v = inputs.get(name);
      if (k > from) out.push({ ...p, text: t.slice(from, k) });
      if (v !== undefined) out.push({ ...p, text: v, source: { ...(p.source ?? { offset: p.span.start }), what: `kickoff input ${name}` } });
      else out.push({ text: '', span: p.span, resolved: false, label: `{${name}} (a kickoff input)` });
      from = end + 1;
      k = end;
    }
    if (from < t.length) out.push({ ...p, text: t.slice(from) });
  }
  return out;
}

/** The `}` closing a hole name that starts at t[open] (`{` then a letter or `_`, then letters, digits, `_`, `-`), or -1. */
function holeEnd(t: string, open: number): number {
  const first = t.charCodeAt(open + 1);
  if (!(isLetter(first) || first === 95)) return -1;
  for (let k = open + 2; k < t.length && k < open + 80; k++) {
    const ch = t.charCodeAt(k);
    if (ch === 125) return k;
    if (!(isLetter(ch) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45)) return -1;
  }
  return -1;
}

const isLetter = (ch: number) => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** What the kickoffs of this file, its folder and the folder above pass. */
function kickoffInputs(c: Ctx): Inputs {
  const got = memo.get(c);
  if (got) return got;
  const inputs: Inputs = new Map();
  readKickoffs(c, inputs);
  const idx = c.index;
  if (idx && c.file) {
    const here = dirname(c.file);
    let n = 0;
    for (const dir of [here, dirname(here)]) {
      for (const name of idx.files.list(dir) ?? []) {
        if (!name.endsWith('.py') || n >= MAX_FILES) continue;
        const path = join(dir, name);
        if (path === c.file) continue;
        n++;
        if (!idx.text(path)?.includes('kickoff')) continue;
        const scope = idx.scope(path);
        if (scope) readKickoffs(contextOf(scope, c), inputs);
      }
    }
  }
  memo.set(c, inputs);
  return inputs;
}

function readKickoffs(c: Ctx, inputs: Inputs): void {
  const { toks, match } = c;
  for (let k = 1; k + 1 < toks.length; k++) {
    const w = toks[k].v;
    if ((w !== 'kickoff' && w !== 'kickoff_for_each' && w !== 'kickoff_async' && w !== 'kickoff_for_each_async') || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const a = args(c, k + 1, match[k + 1]);
    const x = a.find((y) => y.key === 'inputs') ?? (a[0] && a[0].key === undefined ? a[0] : undefined);
    if (x) dictsAt(c, x.from, x.to, k, inputs, 0);
  }
}

/** A dict literal (or a list of them, or a name bound to either) at toks[from, to): its string keys' values. */
function dictsAt(c: Ctx, from: number, to: number, before: number, inputs: Inputs, depth: number): void {
  const { toks, match } = c;
  if (depth > 2 || from >= to) return;
  if (isId(toks[from]) && to === from + 1) {
    const def = assignmentBefore(c, toks[from].v, before);
    if (def >= 0) dictsAt(c, def, isP(toks[def], '{') || isP(toks[def], '[') ? match[def] + 1 : def + 1, def, inputs, depth + 1);
    return;
  }
  if (isP(toks[from], '[') && match[from] > from) {
    for (const e of args(c, from, match[from])) dictsAt(c, e.from, e.to, before, inputs, depth + 1);
    return;
  }
  if (!isP(toks[from], '{') || !(match[from] > from)) return;
  for (let k = from + 1; k < match[from]; k++) {
    const sep = toks[k].t === T.Str ? keyAt(c, k) : -1;
    if (sep < 0) continue;
    const key = toks[k].v;
    const v = toks[sep + 1];
    const single = v && v.t === T.Str && !v.holes?.length && (isP(toks[sep + 2], ',') || sep + 2 === match[from]);
    const old = inputs.get(key);
    if (!single) inputs.set(key, undefined);
    else if (!inputs.has(key) || (old !== undefined && old.length < v.v.length)) inputs.set(key, v.v);
    // Skip the value (a nested dict or list is one value).
    let e = sep + 1;
    while (e < match[from] && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    k = e;
  }
}
