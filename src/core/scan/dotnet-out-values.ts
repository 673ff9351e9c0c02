// C# `map.TryGetValue(key, out var prompt)`: the name declared by `out` holds the dictionary's value for that key.
// The dictionary is a collection initializer, `new Dictionary<string, string> { { k, v }, … }` or `{ [k] = v, … }`,
// held in a field or local of the file, or an expression-bodied property of a bound options class (microsoft/chat-copilot
// webapi/Options/PromptsOptions.cs `MemoryMap => new Dictionary<string, string>() { { this.LongTermMemoryName,
// this.LongTermMemory }, … }`, read in SemanticChatMemoryExtractor.cs as `options.MemoryMap.TryGetValue(memoryName,
// out var memoryPrompt)`). A key known here picks its entry; a key known only at run time may be any entry: the longest
// text is counted, the others named (branches.ts). Dictionary<TKey,TValue>.TryGetValue(TKey, out TValue):
// https://learn.microsoft.com/dotnet/api/system.collections.generic.dictionary-2.trygetvalue
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { args } from './calls';
import { evaluate } from './evaluate';
import { member } from './members';
import { alternatives } from './branches';
import { tables } from './scope';
import { optionsPropertyAt } from './dotnet-option-props';
import { label, type EvalScope, type Value } from './value';

/** Tokens looked back from the use for the `out` that declares the name (a method's length). */
const MAX_BACK = 4000;
/** Entries of a dictionary initializer read at most. */
const MAX_ENTRIES = 32;

/** Whether a C# file calls TryGetValue at all, per scope: asked at each lookup, a search of the whole text each time. */
const TRIES = new KeyMemo<EvalScope, boolean>();

/** The value `name` takes from the nearest `….TryGetValue(key, out var name)` before `pos`, if that is how it is set. */
export function outValue(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'csharp') return undefined;
  let tries = TRIES.get(s);
  if (tries === undefined) TRIES.set(s, (tries = s.text.includes('TryGetValue')));
  if (!tries) return undefined;
  const { toks, match } = s;
  const before = countBefore(toks.length, (i) => toks[i].start < pos);
  for (let k = before - 1; k > 2 && k > before - MAX_BACK; k--) {
    if (toks[k].v !== name || !isId(toks[k])) continue;
    // `out var name`, `out string name`, `out string? name`, `out name`.
    let o = k - 1;
    if (isP(toks[o], '?')) o--;
    if (isId(toks[o]) && toks[o].v !== 'out') o--;
    if (!isId(toks[o]) || toks[o].v !== 'out') continue;
    // The call the argument is in: the nearest `(` before it whose match is after it.
    let open = o - 1;
    while (open > 0 && open > o - 64 && !(isP(toks[open], '(') && match[open] > k)) open = isP(toks[open], ')') && match[open] >= 0 ? match[open] - 1 : open - 1;
    if (!isP(toks[open], '(') || toks[open - 1]?.v !== 'TryGetValue' || !isP(toks[open - 2], '.')) return undefined;
    const a = args(s, open, match[open]);
    if (a.length !== 2 || a[1].from !== o) return undefined;
    s.read?.push({ start: toks[open - 1].start, end: toks[match[open]].end });
    return lookupIn(s, open - 2, a[0], name, depth);
  }
  return undefined;
}

/** The dictionary before toks[dot] (`.TryGetValue`) indexed by the key argument. */
function lookupIn(s: EvalScope, dot: number, key: { from: number; to: number }, name: string, depth: number): Value | undefined {
  const { toks } = s;
  // The receiver: a chain of names, `options.MemoryMap`, `this._prompts.Map`, `Tones`.
  let from = dot - 1;
  while (isId(toks[from]) && isP(toks[from - 1], '.') && isId(toks[from - 2])) from -= 2;
  if (!isId(toks[from])) return undefined;
  const names: string[] = [];
  for (let k = from; k < dot; k += 2) names.push(toks[k].v);
  s.readNames?.add(names[0] === 'this' ? names[1] : names[0]);
  const dict = initializer(s, names, from, depth);
  if (!dict) return undefined;
  // The initializer is read: an edit of an entry in this file (the keystroke path) analyses the file again.
  const dt = dict.scope.toks;
  dict.scope.read?.push({ start: dt[dict.at].start, end: dt[Math.max(dict.at, dict.end - 1)].end });
  const entries = entriesOf(dict.scope, dict.at, dict.end);
  if (!entries.length) return undefined;
  const k = evaluate(s, key.from, key.to, depth + 1);
  const known = k && k.runtime === undefined && k.str !== undefined && !k.holes?.length ? k.str : undefined;
  if (known !== undefined) {
    for (const e of entries) {
      const ek = evaluate(dict.scope, e.key[0], e.key[1], depth + 1);
      if (ek?.str === known && !ek.holes?.length) return evaluate(dict.scope, e.value[0], e.value[1], depth + 1);
    }
  }
  const values = entries.map((e) => evaluate(dict.scope, e.value[0], e.value[1], depth + 1) ?? { runtime: label(dict.scope, e.value[0], e.value[1]) });
  return alternatives(values, `${name} from ${names.join('.')} by ${label(s, key.from, key.to)}`);
}

/** Where the dictionary the names hold is written: a binding of the file, or a bound options class's property. */
function initializer(s: EvalScope, names: string[], at: number, depth: number): { scope: EvalScope; at: number; end: number } | undefined {
  const own = names[0] === 'this' ? names.slice(1) : names;
  if (own.length === 1) {
    const list = tables(s).binds.get(own[0]) ?? tables(s).binds.get('.' + own[0]);
    const b = list?.find((x) => x.kind !== 'param' && x.value >= 0 && s.toks[x.value]?.v === 'new');
    if (b) return { scope: s, at: b.value, end: statementEnd(s, b.value) };
  }
  if (names.length < 2) return undefined;
  const base = member(s, undefined, names.slice(0, -1), at, depth + 1);
  if (base?.obj?.kind !== 'config') return undefined;
  const p = optionsPropertyAt(base.obj, names[names.length - 1]);
  return p && p.scope.toks[p.at]?.v === 'new' ? { ...p, end: statementEnd(p.scope, p.at) } : undefined;
}

/** The `;` ending a field's or property's initializer (a generic's `,` is no end, as it is for exprEnd). */
function statementEnd(s: EvalScope, at: number): number {
  const { toks, match } = s;
  let e = at;
  while (e < toks.length && e < at + 4096 && !isP(toks[e], ';') && !isP(toks[e], '}')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
  return e;
}

/** `{ { k, v }, … }` or `{ [k] = v, … }` after `new Dictionary<…>(…)` / `new()`: key and value token ranges. */
function entriesOf(s: EvalScope, at: number, end: number): { key: [number, number]; value: [number, number] }[] {
  const { toks, match } = s;
  let b = at + 1;
  while (b < end && !isP(toks[b], '{')) b = (isP(toks[b], '(') || isP(toks[b], '<')) && match[b] > b ? match[b] + 1 : b + 1;
  const close = match[b];
  if (!isP(toks[b], '{') || close < 0) return [];
  const out: { key: [number, number]; value: [number, number] }[] = [];
  for (let k = b + 1; k < close && out.length < MAX_ENTRIES; ) {
    if (isP(toks[k], '{') && match[k] > k) {
      const parts = args(s, k, match[k]);
      if (parts.length === 2) out.push({ key: [parts[0].from, parts[0].to], value: [parts[1].from, parts[1].to] });
      k = match[k] + 1;
    } else if (isP(toks[k], '[') && match[k] > k && isP(toks[match[k] + 1], '=')) {
      let e = match[k] + 2;
      while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
      out.push({ key: [k + 1, match[k]], value: [match[k] + 2, e] });
      k = e;
    } else k++;
    if (isP(toks[k], ',')) k++;
  }
  return out;
}
