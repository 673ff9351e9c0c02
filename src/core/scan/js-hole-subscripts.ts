// A JS template hole that picks an entry of a constant table: `${SUMMARY_PROMPTS[mode].user}` (a prompt chosen by a
// mode at run time, prasenjit-sarkar-sonarsource/memrecall background.js:275). The hole is one text of the lexer's
// template token, with no tokens of its own, so it is read here by its shape: a name, one subscript by a quoted key or
// a name, and members. A key known here (a quoted one, or a name the evaluator knows) picks its entry; a key known
// only at run time gives the worst case of the entries, as `SUMMARY_PROMPTS[mode].system` outside a template does
// (members.ts tableMember).
import { member, tableMember } from './members';
import { inFrames } from './arg-frames';
import { docIndex } from './config-loads';
import type { EvalScope, Value } from './value';

const SUBSCRIPT = /^([A-Za-z_$][\w$]*)\[\s*([A-Za-z_$][\w$]*|'[^'\\]*'|"[^"\\]*")\s*\]((?:\.[A-Za-z_$][\w$]*){0,4})$/;

/** The table name of a hole of that shape (`SUMMARY_PROMPTS`), or undefined. */
export function subscriptHoleBase(expr: string): string | undefined {
  return SUBSCRIPT.exec(expr)?.[1];
}

/** The value of a hole of that shape read at token i, or undefined when it is not one or not known. */
export function subscriptHole(s: EvalScope, expr: string, i: number, depth: number): Value | undefined {
  const m = SUBSCRIPT.exec(expr);
  if (!m) return undefined;
  const base = member(s, undefined, [m[1]], i, depth);
  const obj = base?.obj;
  // Ruby `#{prompt['schema'].to_json}` of a loaded YAML / JSON file (config-loads.ts): its entry, then its members.
  const quotedKey = m[2][0] === '"' || m[2][0] === "'";
  if (obj?.kind === 'doc' && s.syn.id === 'ruby') {
    const entry = quotedKey ? docIndex(obj, { str: m[2].slice(1, -1) }, expr) : undefined;
    return entry && entry.runtime === undefined && m[3] ? member(s, entry, m[3].slice(1).split('.'), i, depth) : entry;
  }
  // A table read in a helper's frame (its parameters bound) is the evaluator's own path in JS; Ruby's hole
  // `#{prompt['schema'].to_json}` of a hash a class method returns is read in that frame (held44 M6).
  if (obj?.kind !== 'table' || (obj.frames?.length && s.syn.id !== 'ruby')) return undefined;
  const quoted = m[2][0] === '"' || m[2][0] === "'";
  const key = quoted ? { str: m[2].slice(1, -1) } : member(s, undefined, [m[2]], i, depth);
  const known = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
  const entry = inFrames(obj.frames, () => tableMember(obj.scope, obj.open, known, depth, known === undefined ? key?.runtime ?? m[2] : undefined));
  const rest = m[3] ? m[3].slice(1).split('.') : [];
  return entry && rest.length ? member(s, entry, rest, i, depth) : entry;
}
