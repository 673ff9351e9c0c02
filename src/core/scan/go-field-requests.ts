// A Go request kept whole in a field of the receiver and copied by a method that fills in the rest: `client.Messages.New(
// ctx, s.params(msgs))` with `func (s *Svc) params(msgs []anthropic.MessageParam) anthropic.MessageNewParams { p :=
// s.base; p.Messages = msgs; return p }`, the field set where a literal of the type is made (`&Svc{base: anthropic.
// MessageNewParams{Model: …, MaxTokens: 800, System: …}}`, or a local `defaultParams := anthropic.MessageNewParams{…}`
// given as `defaultParams: defaultParams`) or by a method (`s.base = …`). Seen in held-out discord-assist
// internal/ai/service.go (createMessageParams copying s.defaultParams, set in NewService). A Go struct assigned is
// copied whole (https://go.dev/ref/spec#Assignment_statements), so the copy sends what the field holds plus what the
// method sets on it: those sets are named as run time (the method's parameter by what the call passes for it).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { exprEnd, tables } from './scope';
import type { Fn } from './function-forms';
import { requestAt, type Request } from './request-defs';
import type { Ctx } from './values';

/** Literals of the receiver type (and field sets) looked at. */
const MAX_PLACES = 8;

/**
 * The request method `nameIdx` returns when its body is `p := s.field` (or `*s.field`) … `return p`, or `return s.field`:
 * the request the field is set to in this file; the fields the method sets on its copy are named as run time.
 * `call` is the method call's `(` and `)` here (its arguments name what the method sets).
 */
export function goFieldRequest(c: Ctx, nameIdx: number, call: [number, number] | undefined): Request | undefined {
  if (c.syn.id !== 'go') return undefined;
  const { toks } = c;
  const f = tables(c).fns.get(toks[nameIdx].v)?.find((x) => x.name === nameIdx);
  const recv = f && receiver(c, f);
  if (!f || !recv) return undefined;
  const copied = copiedField(c, f, recv.name);
  if (!copied) return undefined;
  const { field, local } = copied;
  let req: Request | undefined;
  for (const at of fieldValues(c, recv.type, recv.name, field)) {
    const e = exprEnd(c, at);
    const def = e === at + 1 && isId(toks[at]) ? assignmentBefore(c, toks[at].v, at) : at;
    req = requestAt(c, def);
    if (req?.found.model) break;
  }
  if (!req?.found.model) return undefined;
  c.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? c.text.length });
  // `p.Messages = msgs`: set at run time, named by what the call passes for the parameter (`s.params(history)`: history).
  const params = paramNames(c, f);
  const given = call ? args(c, call[0], call[1]) : [];
  const parts = [...req.found.parts];
  for (let k = f.body; local && k + 4 < f.bodyEnd; k++) {
    if (toks[k].v !== local || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || !isP(toks[k + 3], '=') || isP(toks[k - 1], '.')) continue;
    const v = k + 4;
    const ve = Math.min(exprEnd(c, v), f.bodyEnd);
    const n = ve === v + 1 && isId(toks[v]) ? params.indexOf(toks[v].v) : -1;
    const arg = n >= 0 && n < given.length && call ? given[n] : undefined;
    const [from, to] = arg ? [toks[arg.from].start, toks[arg.to - 1].end] : [toks[v].start, toks[ve - 1].end];
    parts.push({ text: '', span: { start: from, end: to }, resolved: false, label: c.text.slice(from, to).replace(/\s+/g, ' ') });
  }
  return { found: { ...req.found, parts }, start: req.start, end: req.end };
}

/** `func (s *Svc) name(`: the receiver's name and type. */
function receiver(c: Ctx, f: Fn): { name: string; type: string } | undefined {
  const { toks, match } = c;
  const close = f.name - 1;
  const open = isP(toks[close], ')') ? match[close] : -1;
  if (!(open >= 0 && open < close) || toks[open - 1]?.v !== 'func' || !isId(toks[open + 1])) return undefined;
  const k = isP(toks[open + 2], '*') ? open + 3 : open + 2;
  return isId(toks[k]) && k < close ? { name: toks[open + 1].v, type: toks[k].v } : undefined;
}

/** The field the method returns a copy of: `p := s.field` … `return p` (local `p`), or `return s.field`. */
function copiedField(c: Ctx, f: Fn, recv: string): { field: string; local?: string } | undefined {
  const { toks } = c;
  let ret = -1;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'return') continue;
    if (ret >= 0) return undefined;
    ret = k + 1;
  }
  if (ret < 0) return undefined;
  const field = (k: number) => (isP(toks[k], '*') ? k + 1 : k);
  const direct = field(ret);
  if (toks[direct]?.v === recv && isP(toks[direct + 1], '.') && isId(toks[direct + 2]) && !isP(toks[direct + 3], '.') && !isP(toks[direct + 3], '(')) return { field: toks[direct + 2].v };
  if (!isId(toks[ret]) || isP(toks[ret + 1], '.') || isP(toks[ret + 1], '(')) return undefined;
  const local = toks[ret].v;
  for (let k = f.body; k + 4 < ret; k++) {
    if (toks[k].v !== local || !isP(toks[k + 1], ':=') && !isP(toks[k + 1], '=')) continue;
    const v = field(k + 2);
    if (toks[v]?.v === recv && isP(toks[v + 1], '.') && isId(toks[v + 2]) && (isP(toks[v + 3], ';') || exprEnd(c, k + 2) === v + 3)) return { field: toks[v + 2].v, local };
    return undefined;
  }
  return undefined;
}

/** Token indexes of the values the file gives `type`'s field: `Type{…, field: v}` literals, `recv.field = v` sets. */
function fieldValues(c: Ctx, type: string, recv: string, field: string): number[] {
  const { toks, match } = c;
  const out: number[] = [];
  for (let k = 1; k + 2 < toks.length && out.length < MAX_PLACES; k++) {
    if (toks[k].t !== T.Id) continue;
    if (toks[k].v === type && isP(toks[k + 1], '{') && match[k + 1] > k && !isP(toks[k - 1], '.') && toks[k - 1].v !== 'type') {
      for (let m = k + 2; m < match[k + 1]; m++) {
        if ((isP(toks[m], '(') || isP(toks[m], '[') || isP(toks[m], '{')) && match[m] > m) m = match[m];
        else if (toks[m].v === field && isP(toks[m + 1], ':') && (isP(toks[m - 1], '{') || isP(toks[m - 1], ','))) out.push(m + 2);
      }
    } else if (toks[k].v === field && isP(toks[k - 1], '.') && toks[k - 2]?.v === recv && isP(toks[k + 1], '=')) out.push(k + 2);
  }
  return out;
}

/** A Go function's parameter names in order (`(msgs []T, n int)`, `(a, b string)`). */
function paramNames(c: Ctx, f: Fn): string[] {
  const { toks, match } = c;
  const open = f.name + 1;
  if (!isP(toks[open], '(') || !(match[open] > open)) return [];
  const out: string[] = [];
  let first = true;
  for (let k = open + 1; k < match[open]; k++) {
    if (isP(toks[k], ',')) first = true;
    else if (first && isId(toks[k])) {
      out.push(toks[k].v);
      first = false;
    } else if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
  }
  return out;
}
