// A test double's stub or check is no request: `when(model.generate(anyList()))` (Mockito), `verify(model).chat(…)`,
// `every { model.chat(any<String>()) } returns …` (MockK), `mock.Setup(c => c.CompleteChatAsync(…))` (Moq) name an SDK
// method only to say what a mock answers or whether it was called (held-out 13: rokon12/ProbScope's TestConfig stubs
// `mockModel.generate(…)` five times on `Mockito.mock(OpenAiChatModel.class)`, five false calls).
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { Span } from '../types';

/** Mockito / BDDMockito functions whose one argument is a stubbed call: `when(x.m(…))`, `given(x.m(…))`. */
const STUB_OF = new Set(['when', 'whenever', 'given']);
/** Functions whose result is the mock a method is then stubbed or checked on: `verify(x).m(…)`, `doReturn(r).when(x).m(…)`. */
const CHECK_ON = new Set(['verify', 'when', 'then']);
/** MockK blocks whose body names calls to stub or check: `every { x.m(…) }`, `coVerify(exactly = 1) { x.m(…) }`. */
const MOCKK_BLOCKS = new Set(['every', 'coEvery', 'verify', 'coVerify', 'verifyAll', 'verifyOrder', 'verifySequence', 'coVerifyAll', 'coVerifyOrder', 'excludeRecords']);
/** Moq methods whose lambda names the call to stub or check: `mock.Setup(c => c.M(…))`. */
const MOQ = new Set(['Setup', 'SetupAsync', 'SetupSequence', 'Verify', 'VerifyAsync']);

/** NSubstitute: `sub.M(Arg.Any<T>()).Returns(r)` stubs a call, `sub.Received(1).M(…)` checks one (nsubstitute.github.io
 * docs/help/set-return-value, received-calls; NSubstitute/SubstituteExtensions.cs Returns, ReturnsForAnyArgs, Received). */
const NSUB_STUBS = new Set(['Returns', 'ReturnsForAnyArgs', 'ReturnsNull', 'ReturnsNullForAnyArgs', 'Throws', 'ThrowsAsync', 'ThrowsForAnyArgs', 'ThrowsAsyncForAnyArgs']);
const NSUB_CHECKS = new Set(['Received', 'DidNotReceive', 'ReceivedWithAnyArgs', 'DidNotReceiveWithAnyArgs']);

/** The words that make a call a stub or a check: an edit of one decides whether a call is one (editor/incremental.ts). */
export const MOCK_WORDS = [...STUB_OF, ...CHECK_ON, ...MOCKK_BLOCKS, ...MOQ, ...NSUB_STUBS, ...NSUB_CHECKS, 'Mockito', 'doReturn', 'doThrow', 'doAnswer', 'ClientFake'];

/** Tokens looked back over for the receiver and the block around a call. */
const MAX_BACK = 400;

/**
 * Is the call whose anchor starts at toks[first] (`generate` of `mockModel.generate(`, or the `.` before it) a mock's
 * stub or check rather than a request? `match` pairs brackets (index of the partner, -1 when unclosed).
 */
export function mockStub(toks: Token[], first: number, match: Int32Array, lang: string, read?: Span[]): boolean {
  if (lang === 'php' && phpFake(toks, first, match, read)) return true;
  const start = receiverStart(toks, first, match);
  if (start < 0) return false;
  // What stands before the receiver and the receiver chain decide it: an edit there takes the full path.
  read?.push({ start: toks[Math.max(0, start - 4)].start, end: toks[first].end });
  const before = toks[start - 1];
  // `when(model.generate(…))` / `given(…)` / `Mockito.when(…)`: the call is the whole argument.
  // Kotlin writes Mockito's `when` quoted, `\`when\`(…)` (a keyword there), lexed as `` ` when ` ``.
  const fn = isP(toks[start - 2], '`') && isP(toks[start - 4], '`') ? start - 3 : start - 2;
  if (isP(before, '(') && STUB_OF.has(toks[fn]?.v ?? '') && toks[fn].t === T.Id) return true;
  // `verify(model).generate(…)`, `verify(model, times(1)).chat(…)`, `doReturn(r).when(model).chat(…)`, `then(model).should().chat(…)`.
  if (receiverIsCheck(toks, start, first, match)) return true;
  if (lang === 'kotlin' && inMockkBlock(toks, start, match)) return true;
  if (lang === 'csharp' && (inMoqLambda(toks, start, match) || nsubstitute(toks, start, first, match, read))) return true;
  return false;
}

/** NSubstitute: the call is followed by `.Returns(…)` (a stub), or its receiver chain holds `.Received(…)` (a check). */
function nsubstitute(toks: Token[], start: number, first: number, match: Int32Array, read?: Span[]): boolean {
  for (let k = start; k < first; k++) if (NSUB_CHECKS.has(toks[k].v) && isP(toks[k - 1], '.') && isP(toks[k + 1], '(')) return true;
  let open = first;
  while (open < first + 6 && open < toks.length && !isP(toks[open], '(')) open++;
  const close = match[open];
  if (!isP(toks[open], '(') || close <= open) return false;
  // What follows the call decides it: an edit there takes the full path.
  if (toks[close + 2]) read?.push({ start: toks[close].start, end: toks[close + 2].end });
  return isP(toks[close + 1], '.') && NSUB_STUBS.has(toks[close + 2]?.v ?? '') && isP(toks[close + 3], '(');
}

/** Where the receiver chain of the call at `first` begins (`mockModel` in `mockModel.generate(`), or -1. */
function receiverStart(toks: Token[], first: number, match: Int32Array): number {
  let k = isP(toks[first], '.') ? first - 1 : isP(toks[first - 1], '.') ? first - 2 : -1;
  if (k < 0) return -1;
  for (let n = 0; k >= 0 && n < MAX_BACK; n++) {
    const tk = toks[k];
    if (isP(tk, ')') || isP(tk, ']')) {
      const o = match[k];
      if (o < 0 || o >= k) return -1;
      k = o - 1;
      continue;
    }
    if (tk.t !== T.Id) return -1;
    if (isP(toks[k - 1], '.') || isP(toks[k - 1], '?.')) {
      k -= 2;
      continue;
    }
    return k;
  }
  return -1;
}

/** Does the receiver chain from `start` to the anchor hold `verify(…)` / `when(…)` / `then(…)` (the mock's checker)? */
function receiverIsCheck(toks: Token[], start: number, first: number, match: Int32Array): boolean {
  for (let k = start; k < first; k++) {
    if (toks[k].t === T.Id && CHECK_ON.has(toks[k].v) && isP(toks[k + 1], '(')) {
      const close = match[k + 1];
      // `verify(x)` must be followed by `.` and a method: the checked call comes after it in the chain.
      if (close > k && close < first && (isP(toks[close + 1], '.') || isP(toks[close + 1], '?.'))) return true;
    }
  }
  return false;
}

/** Is the call's receiver inside the braces of a MockK block (`every { … }`, `coVerify(exactly = 1) { … }`)? */
function inMockkBlock(toks: Token[], start: number, match: Int32Array): boolean {
  for (let k = start - 1, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    if (isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) {
      const o = match[k];
      if (o < 0 || o >= k) return false;
      k = o;
      continue;
    }
    if (!isP(tk, '{')) continue;
    let h = k - 1;
    if (isP(toks[h], ')') && match[h] >= 0 && match[h] < h) h = match[h] - 1;
    return toks[h]?.t === T.Id && MOCKK_BLOCKS.has(toks[h].v);
  }
  return false;
}

/** Is the call a Moq lambda's body (`.Setup(c => c.CompleteChatAsync(…))`), its receiver the lambda's parameter? */
function inMoqLambda(toks: Token[], start: number, _match: Int32Array): boolean {
  const param = toks[start]?.v;
  if (!isP(toks[start - 1], '=>') || toks[start - 2]?.v !== param) return false;
  const open = toks[start - 3];
  return isP(open, '(') && toks[start - 4]?.t === T.Id && MOQ.has(toks[start - 4].v);
}

/**
 * openai-php's test double: `$client = new ClientFake([…responses…])`, then `$client->chat()->create([…])` answers
 * the faked responses and bills nothing (openai-php/client README "Testing": `use OpenAI\Testing\ClientFake;`).
 * The variable the chain at toks[first] starts from is looked back for, in its function, as `$x = new ClientFake(`,
 * or as `$chat = $x->chat();` of such an `$x`.
 */
function phpFake(toks: Token[], first: number, match: Int32Array, read?: Span[]): boolean {
  // Back over the chain (`$client->chat()->create(`, the anchor `chat` or `->`) to the variable it starts from.
  let k = first - 1;
  for (let n = 0; n < 8 && k > 0; n++) {
    if (isP(toks[k], '->')) k--;
    else if (isP(toks[k], ')') && match[k] >= 0 && match[k] < k) k = match[k] - 1;
    else if (toks[k].t === T.Id && isP(toks[k - 1], '->')) k -= 1;
    else break;
  }
  let name = toks[k]?.v;
  if (!name?.startsWith('$')) return false;
  for (let j = k - 1, n = 0; j >= 1 && n < MAX_BACK * 10 && toks[j].v !== 'function'; j--, n++) {
    if (toks[j - 1]?.v !== name || !isP(toks[j], '=')) continue;
    const v = toks[j + 1];
    if (v?.v === 'new' && toks[j + 2]?.v === 'ClientFake') {
      read?.push({ start: toks[j - 1].start, end: toks[j + 2].end });
      return true;
    }
    // `$chat = $client->chat();`: the resource of another variable, looked for further back.
    if (v?.v.startsWith('$') && isP(toks[j + 2], '->')) name = v.v;
    else return false;
  }
  return false;
}
