// A Go messages slice a helper builds by appends and returns: `messages := getConversations(db, m.Author.ID)` where
// getConversations (database.go, same package) does `var messages []openai.ChatCompletionMessage`, `s :=
// openai.ChatCompletionMessage{Role: "system", Content: "…" + uNick}`, `messages = append(messages, s)`, a loop of
// appends, `return messages` (held-out 36 comejv/discord-gpt-bot). The helper's local is read as if written at the
// caller (message-lists.ts listVariable: its start, the appends made once, those in a loop named), in this file, another
// file of the package, or a package of the module (`prompts.Build(q)`); `return messages, nil` too. A slice literal
// returned with appends is go-message-helpers.ts's. Go's append: https://go.dev/ref/spec#Appending_and_copying_slices.
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { tables, type Fn } from './scope';
import { goPackageFunction } from './go-decls';
import { goReceiverMethod } from './go-methods';
import { goImportedFunction } from './go-result-types';
import { goSliceStart } from './go-slice-start';
import { listVariable } from './message-lists';
import { contextOf } from './imported-runnables';
import { importsOf } from './imported';
import { pushParts } from './push-parts';
import { MAX_DEPTH, type EvalScope } from './value';
import { args } from './calls';
import { evaluate } from './evaluate';
import { withArgs, type CallArgs } from './arg-frames';
import type { Ctx } from './values';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * At toks[k]: `helper(…)`, `pkg.Helper(…)` or `recv.method(…)` (names) whose function ends `return NAME` (or `return
 * NAME, nil`) of a local slice it starts empty or as a literal and appends to: its messages read into `out` (spans at
 * the call when the helper is in another file) and true returned. False when the call is not one.
 */
export function goBuiltMessages(c: Ctx, k: number, names: string[], span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'go' || names.length > 2 || !isP(c.toks[k + 2 * names.length - 1], '(') || !(c.match[k + 2 * names.length - 1] > k)) return false;
  const found = helperOf(c, names, k);
  if (!found) return false;
  const { scope, fn } = found;
  const ret = returnedName(scope, fn);
  if (!ret) return false;
  // A helper whose appended items call it again (`m = append(m, d(n)[0])` in d): read once, not to the stack's end.
  const key = `${scope.file}:${fn.name}`;
  if (depth > MAX_DEPTH || BUSY.has(key)) return false;
  BUSY.add(key);
  try {
    return readBuilt(c, k, names, span, out, depth, collect, scope, fn, ret);
  } finally {
    BUSY.delete(key);
  }
}

/** Helpers being read, by file and name token. */
const BUSY = new Set<string>();

function readBuilt(c: Ctx, k: number, names: string[], span: Span, out: PromptPart[], depth: number, collect: Collect, scope: EvalScope, fn: Fn, ret: { name: string; at: number }): boolean {
  const cc: Ctx = scope === c ? c : contextOf(scope as Parameters<typeof contextOf>[0], c);
  // Only a slice the helper itself starts (`var messages []T`, `[]T{…}`, `make(…)`): a parameter or a field handed
  // back is the caller's to read.
  if (!goSliceStart(cc, ret.name, ret.at)) return false;
  const parts: PromptPart[] = [];
  const had = cc.listMessages ?? 0;
  // The call's arguments bound to the helper's parameters (`buildMessages(SystemPrompt, q)`): a text the caller
  // passes is read where the helper uses it (arg-frames.ts).
  const open = k + 2 * names.length - 1;
  const a = args(c, open, c.match[open]);
  const given: CallArgs = { list: a, value: (n) => evaluate(c, a[n].from, a[n].to, depth + 1), bind: true };
  let read = false;
  withArgs(scope, fn, given, () => void (read = listVariable(cc, ret.name, undefined, ret.at, span, parts, depth + 1, collect)), true);
  if (!read) return false;
  if (cc !== c) c.listMessages = (c.listMessages ?? 0) + (cc.listMessages ?? 0) - had;
  if (scope === c) {
    if (fn.name >= k) c.forward?.add(names[names.length - 1]);
    c.read?.push({ start: c.toks[fn.name].start, end: c.toks[fn.bodyEnd - 1]?.end ?? c.text.length });
    pushParts(out, parts);
    return true;
  }
  // Written in another file: placed at the call, each known text sourced where it is written.
  const file = scope.file;
  const what = `returned by ${names.join('.')}()`;
  pushParts(out, parts.map((p) => (p.resolved ? { ...p, span, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what } } : { ...p, span })));
  return true;
}

/** The function the call names: this file's, another file's of the package, an imported package's, a receiver's method. */
function helperOf(c: Ctx, names: string[], k: number): { scope: EvalScope; fn: Fn } | undefined {
  if (names.length === 2) {
    const b = importsOf(c).names.get(names[0]);
    if (b?.name === '*') {
      const o = goImportedFunction(c, names[0], names[1]);
      return o ? withFn(o.scope, names[1]) : undefined;
    }
    return goReceiverMethod(c, names[0], names[1], k);
  }
  const here = withFn(c, names[0]);
  if (here) return here;
  const o = goPackageFunction(c, names[0]);
  return o ? withFn(o.scope, names[0]) : undefined;
}

/** `func NAME(…) … {` (not a method) with a body, in scope s. */
function withFn(s: EvalScope, name: string): { scope: EvalScope; fn: Fn } | undefined {
  const fn = tables(s).fns.get(name)?.find((f) => s.toks[f.name - 1]?.v === 'func' && f.body > f.name && !f.expr);
  return fn ? { scope: s, fn } : undefined;
}

/** The body's last statement, `return NAME` or `return NAME, nil`: the name and the `return`'s index. */
function returnedName(s: EvalScope, f: Fn): { name: string; at: number } | undefined {
  const { toks } = s;
  const end = f.bodyEnd;
  const two = isP(toks[end - 2], ',') && toks[end - 1]?.v === 'nil';
  const at = two ? end - 4 : end - 2;
  const name = toks[at + 1];
  return at > f.body && toks[at]?.v === 'return' && isId(name) && name.v !== 'nil' ? { name: name.v, at } : undefined;
}
