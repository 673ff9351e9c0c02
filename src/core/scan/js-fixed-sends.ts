// A JS/TS function of the app's own that posts a body its callers build to a URL it names itself:
// `async function callOpenAI(apiKey, timeoutSeconds, body) { … }`, its `fetch` posting `{ method: "POST", headers,
// body }` to its API_ENDPOINT,
// called as `const body = JSON.stringify({ model, messages, max_tokens: 1024 }); await callOpenAI(apiKey, 12, body)`
// in each Slack function of the app (held-out chatgpt-on-deno functions/openai.ts ← quick_reply.ts, discuss.ts). As for
// a sender whose URL is a parameter (http-wrappers.ts), each call of it is the row, its request read where the caller
// builds it; the `fetch` itself is a row only when no call of the function passing a body is found (in its file, or,
// exported, in the modules of its package that import it), as Go's fixed-URL senders (go-fixed-sends.ts).
import type { Fn } from './function-forms';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { args } from './calls';
import { calledNames } from './names-followed';
import { enclosing } from './jvm-param-requests';
import { CALLERS } from './file-callers';
import { importers, isPlainCall, jsExported } from './js-callers';
import { judgedWrapper } from './http-wrappers';

/** What a fixed-URL sender is, beside its body parameter's place (Wrapper.body). */
export interface JsFixed {
  /** The file scope of the send and the function holding it. */
  scope: EvalScope;
  fn: Fn;
  name: string;
  /** The send's name token, its bracket, and the URL argument there. */
  first: number;
  open: number;
  url: [number, number];
  /** The path argument when the URL argument is a host (`https.request({ hostname, path })`, js-https-request.ts). */
  hostPath?: [number, number];
}

/** Modules importing the sender read at most for its calls. */
const MAX_IMPORTERS = 40;

/** Is the send at bracket toks[open] of c's file a fixed-URL sender's, called with a body in the workspace? */
export function jsSentByCallers(c: Ctx, open: number): boolean {
  const own = enclosing(c, open);
  if (!own) return false;
  const name = c.toks[own.name].v;
  const w = judgedWrapper(c, name);
  // A sender of its caller's fetch init object too (fetch-init.ts): the calls passing one are the rows.
  if (!w || (w.jsFixed?.open ?? (w.init ? w.open : undefined)) !== open) return false;
  // Typing or deleting a call of it anywhere in the file changes the answer (editor/incremental.ts, editor/prefix.ts).
  c.readNames?.add(name);
  c.forward?.add(CALLERS + name);
  if (callsIn(c, name, w.body, own)) return true;
  if (!jsExported(c.toks, own.name, name)) return false;
  return importers(c, name).slice(0, MAX_IMPORTERS).some((o) => !o.via && callsIn(o.scope, o.local, w.body));
}

/** A plain call `local(…)` in the scope, outside the sender's own body, passing an argument at the body's place. */
function callsIn(s: EvalScope, local: string, body: number, own?: Fn): boolean {
  for (const k of calledNames(s.toks).get(local) ?? []) {
    if (!isPlainCall(s, k) || (own && k >= own.body && k < own.bodyEnd) || !(s.match[k + 1] > k)) continue;
    const a = args(s, k + 1, s.match[k + 1]).filter((x) => !x.key)[body];
    if (a && a.from < a.to) return true;
  }
  return false;
}
