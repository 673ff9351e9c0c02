// A Ruby messages list held across requests or calls: in the session of a Rails or Sinatra app, `session[:conversation]
// ||= [{ role: "system", content: "You are …" }]`, then `session[:conversation] << { role: "user", content: params[:q] }`
// and `client.chat(parameters: { model: "gpt-4o", messages: session[:conversation] })` (tolosa/ai-chatbot-demo
// app/controllers/chats_controller.rb, a held-out chat app); on the object, `@messages ||= [{ role: "system", … }]` in one
// method (or in a `def messages` that memoizes it) and `@messages << …` then `messages: @messages` in another. The list
// literal it starts as counts where it is written, with the single items added once before the call in the call's
// method; what earlier requests or calls added to it (the user's turns, the replies) is known only at run time, named.
// The session persists between requests of one user (https://guides.rubyonrails.org/action_controller_overview.html#session).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { exprEnd, tables, type Fn } from './scope';
import { rubyEnd } from './body-ends';
import { elements } from './tools';
import { pushParts } from './push-parts';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** Files of more tokens are not walked for the list's statements. */
const MAX_TOKENS = 200_000;
/** Words after which an addition may run many times, or not at all (message-lists.ts has the same for every language). */
const NOT_ONCE = new Set(['each', 'times', 'map', 'while', 'until', 'for', 'loop', 'each_with_index', 'if', 'unless', 'else', 'elsif', 'case', 'when', 'rescue']);
/** Methods that add to a list in place. */
const ADDS = /^(push|append|concat|unshift|insert|prepend)$/;

/**
 * The parts of the held list `session[…]` / `@name` at tokens [k, e) of a call's messages: true when read into `out`
 * (a list literal it is set to in the file, or an item added to it before the call), false otherwise.
 */
export function rubyHeldList(c: Ctx, k: number, e: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks, match } = c;
  if (c.syn.id !== 'ruby' || toks.length > MAX_TOKENS) return false;
  const one = e === k + 1 && isId(toks[k]);
  const session = toks[k].v === 'session' && isP(toks[k + 1], '[') && match[k + 1] === e - 1 && e - k <= 8;
  if (!session && !(one && (toks[k].v.startsWith('@') || tables(c).fns.get(toks[k].v)?.some((f) => memoStart(c, f))))) return false;
  // The key's tokens [key, key + len): `@messages`, `session[:conversation]`, or for a bare `messages` the instance
  // variable its memoizing method sets (`def messages; @messages ||= […]; end`).
  const fn = methodAt(c, k);
  // A parameter or local of that name in the use's method is not the method.
  const local = (tables(c).binds.get(toks[k].v) ?? []).some((b) => b.name < k && (!fn || b.name > fn.name));
  const memo = one && !toks[k].v.startsWith('@') && !local ? memoized(c, toks[k].v, k) : -1;
  const key = memo >= 0 ? memo : k;
  const len = memo >= 0 ? 1 : e - k;
  const ivar = len === 1 && /^@\w+$/.test(toks[key].v);
  if (!ivar && !session) return false;
  // An instance variable is its class's: the statements of the class around the use (the file for the session).
  const [first, last] = ivar ? classAround(c, k) : [0, toks.length];
  // A bare `messages` of such a method is the list too.
  const aliases = ivar ? memoizers(c, toks[key].v) : [];
  // Where the key stands: its statements decide the list, and an edit that writes it anew must be read again.
  c.readNames?.add(toks[key].v).add('class');
  for (const a of aliases) c.readNames?.add(a);
  const keyAt = (j: number): number => {
    if (isP(toks[j - 1], '.') || isP(toks[j - 1], '::') || toks[j - 1]?.v === 'def') return 0;
    if (aliases.includes(toks[j].v) && toks[j].t === T.Id) return 1;
    for (let m = 0; m < len; m++) if (toks[j + m]?.v !== toks[key + m].v || toks[j + m].t !== toks[key + m].t) return 0;
    return len;
  };
  const lo = fn ? fn.body : 0;
  // The list literals it is set to (`KEY ||= […]`, `KEY = […]`), and every place something is added to it.
  const seeds: { at: number; open: number; or: boolean }[] = [];
  const adds: { at: number; item?: [number, number] }[] = [];
  for (let j = first; j < last; j++) {
    if (toks[j].v !== toks[key].v && !aliases.includes(toks[j].v)) continue;
    const n = keyAt(j);
    if (!n || (j >= k && j < e)) continue;
    const op = toks[j + n];
    const or = isP(op, '||') && isP(toks[j + n + 1], '=') && op.end === toks[j + n + 1].start;
    const open = or ? j + n + 2 : isP(op, '=') ? j + n + 1 : -1;
    if (open > 0 && isP(toks[open], '[') && match[open] > open) seeds.push({ at: j, open, or });
    else if (isP(op, '<<')) adds.push({ at: j, item: [j + n + 1, exprEnd(c, j + n + 1)] });
    else if (isP(op, '+=') || (isP(op, '.') && ADDS.test(toks[j + n + 1]?.v ?? ''))) adds.push({ at: j });
  }
  // The literal set before the use in its method; else the longest one the file sets elsewhere (another action's).
  const here = seeds.filter((x) => x.at >= lo && x.at < k);
  const seed = here.length ? here[here.length - 1] : seeds.reduce<(typeof seeds)[number] | undefined>((a, b) => (!a || match[b.open] - b.open > match[a.open] - a.open ? b : a), undefined);
  const from = here.length ? match[seed!.open] + 1 : lo;
  // Items added once each between there and the use, in the use's method.
  const counted: [number, number][] = [];
  let once = true;
  let next = 0;
  const before = adds.filter((x) => x.at >= from && x.at < k);
  for (let j = from; j < k && next < before.length; j++) {
    if (toks[j].t === T.Id && NOT_ONCE.has(toks[j].v)) once = false;
    if (j !== before[next].at) continue;
    const item = before[next++].item;
    if (once && item && item[1] > item[0] && item[1] <= k) counted.push(item);
  }
  if (!seed && !counted.length) return false;
  for (const x of seeds) c.read?.push({ start: toks[x.at].start, end: toks[match[x.open]].end });
  for (const x of adds) c.read?.push({ start: toks[x.at].start, end: toks[x.item ? Math.max(x.at, x.item[1] - 1) : x.at + 1].end });
  if (fn) c.read?.push({ start: toks[fn.name].start, end: toks[k].end });
  if (seed) {
    collect(c, seed.open + 1, match[seed.open], out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + elements(c, seed.open);
  }
  for (const [a, b] of counted) collect(c, a, b, out, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + counted.length;
  // A list kept from one request or call to the next (`||=`, or set in another method) carries what they added; a
  // list this method sets afresh carries only what is added after the items read.
  const fresh = here.length > 0 && !seed!.or;
  if (fresh ? before.length > counted.length : adds.length > 0) pushParts(out, [{ text: '', span, resolved: false, label: `${c.text.slice(toks[key].start, toks[key + len - 1].end)} (added to at run time)` }]);
  return true;
}

/** The token range of the class whose body holds token `k` (its `class` word to its `end`); the file outside any. */
function classAround(c: Ctx, k: number): [number, number] {
  const { toks } = c;
  for (let j = k - 1; j >= 0; j--) {
    if (toks[j].v !== 'class' || toks[j].t !== T.Id || isP(toks[j - 1], '.') || isP(toks[j + 1], '<<')) continue;
    const end = rubyEnd(c.text, toks, j + 1);
    // A class closed before the use (another class above it in the file) is not its own.
    if (end > k) return [j, end];
  }
  return [0, toks.length];
}

/** The innermost method whose body holds token `k`. */
function methodAt(c: Ctx, k: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/** Names of the file's methods whose body starts `@name ||=` (a memoized reader of the list). */
function memoizers(c: Ctx, ivar: string): string[] {
  const out: string[] = [];
  for (const [name, list] of tables(c).fns) if (list.some((f) => memoStart(c, f) && c.toks[f.body].v === ivar)) out.push(name);
  return out;
}

/** The token of `@x` in `def name; @x ||= […]` of the class around token `k`; -1 when there is none. */
function memoized(c: Ctx, name: string, k: number): number {
  const { toks } = c;
  for (const f of tables(c).fns.get(name) ?? []) {
    if (!memoStart(c, f) || !/^@\w+$/.test(toks[f.body].v)) continue;
    // No other class starts between the method and the use.
    let other = false;
    for (let j = Math.min(f.name, k); j < Math.max(f.name, k) && !other; j++) other = toks[j].v === 'class' && toks[j].t === T.Id && !isP(toks[j - 1], '.') && !isP(toks[j + 1], '<<');
    if (!other) return f.body;
  }
  return -1;
}

/** Does the method's body start `@x ||= [` ? */
function memoStart(c: Ctx, f: Fn): boolean {
  const { toks } = c;
  return isP(toks[f.body + 1], '||') && isP(toks[f.body + 2], '=') && isP(toks[f.body + 3], '[');
}
