// A bare name in Ruby that no local binds: a method of the class called without brackets (`instructions` is what
// `def instructions` returns), or a reader, `attr_reader :conversation, :model` (or attr_accessor) making `model` read
// the instance variable `@model` (held-out 13, thestrabusiness/ai_journal app/commands/fetch_chat_completion.rb:
// `client.chat(parameters: { model:, messages: current_conversation, … })` under `private; attr_reader
// :current_conversation, :model, :response_type`). Moved out of ./lookup.
import { KeyMemo } from '../util/key-memo';
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { tables, type Binding, type Fn } from './scope';
import { helper } from './fn-values';
import { inherited } from './members';
import { parentReader } from './ruby-parent-attrs';
import { parentMethod } from './ruby-parent-methods';
import { rubyOwnOverride } from './ruby-object-requests';
import type { EvalScope, Value } from './value';

const READERS = new Set(['attr_reader', 'attr_accessor']);
/** Words whose edit can change what these read (editor/incremental.ts): the readers, `end`, which closes a block, and
 * `super`, which passes a subclass's arguments to its parent's initialize (ruby-parent-attrs.ts). */
export const RUBY_WORDS = [...READERS, 'end', 'super'];
const NAMES = new KeyMemo<Token[], Set<string>>();

type Bound = (s: EvalScope, name: string, pos: number, depth: number) => Value | undefined;

/** What the bare Ruby name `name` read at `pos` gives: its method's return, else its reader's instance variable. */
export function rubyBare(s: EvalScope, name: string, pos: number, depth: number, bound: Bound): Value | undefined {
  // Read for an object of a subclass that defines it (ruby-object-requests.ts): the subclass's method.
  const own = rubyOwnOverride(s, name, depth);
  if (own) return own;
  const fns = tables(s).fns.get(name);
  if (fns) {
    // Defined below its use (private methods at the end of the class): a prefix of the file must not trust it.
    const f = fns[fns.length - 1];
    if (s.toks[f.name].start >= pos) s.forward?.add(name);
    // Read whether or not it gives a value: an edit of the method, or a prefix cut inside it, concerns the call.
    s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
    return helper(s, name, pos, depth);
  }
  if (rubyReaders(s.toks, s.text).has(name)) return bound(s, `@${name}`, pos, depth);
  // A reader (or `@name`) the parent class sets from its initialize's argument, passed on by `super`: the subclass's
  // callers' (ruby-parent-attrs.ts).
  const at = tokenAt(s.toks, pos);
  const up = parentReader(s, name, at, depth);
  if (up) return up;
  // `@model` this class's file sets nowhere: set by its parent class (`class HeadlineService < BaseService`) in its
  // file, its initialize's keyword default when set from one (ciscoLegrand/cPals title_generator_service.rb).
  if (name.startsWith('@') && name.length > 1) return inherited(s, name.slice(1), at, depth, [name]);
  // A method of the parent class, defined in its file (ruby-parent-methods.ts).
  return /^[a-z_]\w*$/.test(name) ? parentMethod(s, name, at, depth) : undefined;
}

/** The index of the last token starting before `pos`. */
function tokenAt(toks: Token[], pos: number): number {
  let [lo, hi] = [0, toks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The names the file's `attr_reader` / `attr_accessor` lines declare (read once per file). */
export function rubyReaders(toks: Token[], text: string): Set<string> {
  let out = NAMES.get(toks);
  if (out) return out;
  out = new Set();
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].t !== T.Id || !READERS.has(toks[k].v)) continue;
    const line = text.indexOf('\n', toks[k].end);
    const eol = line < 0 ? text.length : line;
    // `:a, :b` up to the end of the line (a trailing comma continues it).
    for (let m = k + 1; m + 1 < toks.length && isP(toks[m], ':') && toks[m + 1].t === T.Id; m += 2) {
      if (toks[m].start > eol && !isP(toks[m - 1], ',')) break;
      out.add(toks[m + 1].v);
      if (!isP(toks[m + 2], ',')) break;
      m++;
    }
  }
  NAMES.set(toks, out);
  return out;
}

/**
 * A Ruby instance variable set at the top of a method and again inside a block of it (`@model = model` then, under
 * `unless VALID.include?(model)`, `@model = Models::GPT_4_O_MINI`; held-out 13 ai_journal): the nearest assignment
 * `b` is only the block's case, so both are the values (the dearest priced, the other named). The assignments in
 * order, `b` last; undefined when `b` is not such a block's.
 */
export function rubyIvarArms(s: EvalScope, list: Binding[], b: Binding): Binding[] | undefined {
  if (s.syn.id !== 'ruby') return undefined;
  const { toks, text } = s;
  const fn = allIn(s, b.name);
  if (!fn) return undefined;
  const set = list.filter((x) => x.name >= fn.body && x.name < fn.bodyEnd && x.name <= b.name);
  if (set.length < 2 || set[set.length - 1] !== b) return undefined;
  const col = (x: Binding) => toks[x.name].start - lineStart(text, toks[x.name].start);
  const top = col(set[0]);
  const before = set.filter((x) => x !== b && col(x) === top);
  // Which block each assignment is in hangs on its indentation: the keystroke path keeps those lines live.
  for (const x of set) s.read?.push({ start: lineStart(text, toks[x.name].start), end: toks[x.name].end });
  return col(b) > top && before.length ? [before[before.length - 1], b] : undefined;
}

function allIn(s: EvalScope, at: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
