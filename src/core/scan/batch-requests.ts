// The requests of a batch job, each one call billed at the batch rate (cost/rate-choice.ts). The call that sends the
// job (call-shapes-batch.ts) is given a row per request object the file builds:
// - Anthropic Message Batches: `{"custom_id": …, "params": {model, max_tokens, messages}}` (a dict, a TS object, or
//   Python's `Request(custom_id=…, params=…)`), the params also as `MessageCreateParamsNonStreaming(…)`;
// - OpenAI's Batch API: the input file's lines `{"custom_id": …, "method": "POST", "url": "/v1/chat/completions",
//   "body": {…}}`, the body a request of that endpoint.
// Such objects are built in a loop or a helper before the job is sent (`requests.append({…})`), so the whole file is
// read, once. A job whose requests the file does not build is one row with its requests known at run time.
import { T } from '../lex/lexer';
import { isClose, isId, isOpen, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { CallShape } from './call-shape-types';
import { keyAt, type Ctx } from './values';
import { readCall } from './read-call';
import { readRun } from './runs';
import { limitParamFor } from './call-shapes';

const API = { anthropic: 'Message Batches', openai: 'Batch API' } as const;

/** What each OpenAI batch endpoint's body is (https://platform.openai.com/docs/api-reference/batch/create: endpoint). */
const ENDPOINTS: Record<string, Partial<CallSite>> = {
  '/v1/chat/completions': { limitParam: 'max_completion_tokens' },
  '/v1/responses': { limitParam: 'max_output_tokens' },
  '/v1/completions': { limitParam: 'max_tokens', textCompletion: true },
  '/v1/embeddings': { embedding: true },
};


/** The rows of the batch job sent by the call at toks[first..open]: one per request object in the file. */
export function batchSites(c: Ctx, shape: CallShape, first: number, open: number, languageId: string, made: [number, number][]): CallSite[] {
  const job = shape.batchJob!;
  const { toks, match } = c;
  const end = match[open] > open ? match[open] : Math.min(toks.length - 1, open + 1);
  const anchor = { start: toks[open - 1].start, end: toks[open].end };
  const span = { start: toks[first].start, end: toks[end].end };
  const out: CallSite[] = [];
  const sends = jobCalls(c, shape.anchor);
  for (const r of requestObjects(c, job, endpointOf(c, open, end))) {
    if (ownerOf(sends, r.key, match) !== open) continue;
    const kind = job === 'openai' ? ENDPOINTS[r.url ?? ''] : {};
    if (!kind) continue;
    const site = readCall(c, shape, first, r.open, languageId, made);
    if (!site) continue;
    Object.assign(site, kind, { anchor, span, batchJob: API[job] });
    site.request = { start: toks[r.key].start, end: toks[match[r.open]].end };
    readRun(c, site, r.key, r.open, match[r.open]);
    out.push(site);
  }
  if (out.length) return out;
  const label = job === 'openai' ? 'batch input file (its requests built at run time)' : 'batch requests (built at run time)';
  return [{
    shape: shape.id, sdk: shape.sdk, languageId, span, anchor, limitParam: limitParamFor(shape, c.syn.id),
    parts: [{ text: '', span: anchor, resolved: false, label }], messages: 1,
    modelUnresolved: label, maxOutputUnresolved: label, provider: shape.provider, batchJob: API[job],
  }];
}

interface RequestObject { key: number; open: number; url?: string }

/** The request objects of the file: the value of `params` (Anthropic) or `body` (OpenAI, with its `url`) in an object
 * that has a `custom_id`, and Anthropic's `MessageCreateParamsNonStreaming(…)` wherever it is made. */
function requestObjects(c: Ctx, job: 'anthropic' | 'openai', endpoint: string | undefined): RequestObject[] {
  const { toks, match } = c;
  const name = job === 'anthropic' ? 'params' : 'body';
  const out: RequestObject[] = [];
  for (let k = 0; k + 2 < toks.length; k++) {
    const tk = toks[k];
    if (job === 'anthropic' && isId(tk) && tk.v === 'MessageCreateParamsNonStreaming' && isP(toks[k + 1], '(') && match[k + 1] > k + 1) {
      out.push({ key: k, open: k + 1 });
      k = match[k + 1];
      continue;
    }
    if ((tk.t !== T.Id && tk.t !== T.Str) || tk.v !== name || keyAt(c, k) !== k + 1) continue;
    let v = k + 2;
    if (isId(toks[v]) && toks[v].v === 'dict' && isP(toks[v + 1], '(')) v++;
    if (!isP(toks[v], '{') && !(isP(toks[v], '(') && toks[v - 1].v === 'dict')) continue;
    if (!(match[v] > v)) continue;
    const obj = enclosing(c, k);
    if (obj < 0 || memberAt(c, obj, 'custom_id') < 0) continue;
    const url = job === 'openai' ? stringMember(c, obj, 'url') ?? endpoint : undefined;
    out.push({ key: k, open: v, ...(url ? { url } : {}) });
    k = match[v];
  }
  return out;
}

/** The innermost bracket around toks[k], or -1 (looked for within 4,000 tokens). */
function enclosing(c: Ctx, k: number): number {
  const { toks, match } = c;
  for (let j = k - 1, n = 0; j >= 0 && n < 4000; j--, n++) {
    if (isClose(toks[j]) && match[j] >= 0) j = match[j];
    else if (isOpen(toks[j])) return match[j] > k ? j : -1;
  }
  return -1;
}

/** The index of the object's own member `name` (`name: v`, `"name": v`, `name=v`, a JS shorthand `name,`), or -1. */
function memberAt(c: Ctx, obj: number, name: string): number {
  const { toks, match } = c;
  const close = match[obj];
  for (let j = obj + 1; j < close; j++) {
    if (isOpen(toks[j]) && match[j] > j) {
      j = match[j];
      continue;
    }
    if (toks[j].v !== name || (toks[j].t !== T.Id && toks[j].t !== T.Str)) continue;
    if (keyAt(c, j) === j + 1) return j;
    if (isId(toks[j]) && (isP(toks[j - 1], ',') || j === obj + 1) && (isP(toks[j + 1], ',') || j + 1 === close)) return j;
  }
  return -1;
}

/** The literal text of the object's member `name`, if it is a string. */
function stringMember(c: Ctx, obj: number, name: string): string | undefined {
  const at = memberAt(c, obj, name);
  const v = at >= 0 ? c.toks[at + 2] : undefined;
  return v && v.t === T.Str && keyAt(c, at) === at + 1 ? v.v : undefined;
}

/** The `endpoint` the OpenAI job names (`batches.create(…, endpoint="/v1/chat/completions")`), if a literal. */
function endpointOf(c: Ctx, open: number, end: number): string | undefined {
  const { toks, match } = c;
  for (let j = open + 1; j < end; j++) {
    if (isOpen(toks[j]) && match[j] > j && toks[j].v !== '{') j = match[j];
    else if (toks[j].v === 'endpoint' && keyAt(c, j) === j + 1 && toks[j + 2]?.t === T.Str) return toks[j + 2].v;
  }
  return undefined;
}

/** The opening brackets of the file's calls that send a job (`messages.batches.create(`), in order. */
function jobCalls(c: Ctx, anchor: string[]): number[] {
  const { toks } = c;
  const out: number[] = [];
  const n = anchor.length;
  for (let k = n - 1; k < toks.length; k++) {
    if (!isP(toks[k], '(') || toks[k - 1].v !== anchor[n - 2]) continue;
    let a = n - 1;
    while (a >= 0 && toks[k - (n - 1) + a]?.v === anchor[a]) a--;
    if (a < 0 && !(anchor[0] === 'batches' && toks[k - n]?.v === '.' && toks[k - n - 1]?.v === 'messages')) out.push(k);
  }
  return out;
}

/** The job call that sends a request object at toks[at]: the one around it, else the first after it (requests are
 * built, then sent), else the last before it. */
function ownerOf(sends: number[], at: number, match: ArrayLike<number>): number | undefined {
  const around = sends.find((o) => o < at && match[o] > at);
  return around ?? sends.find((o) => o > at) ?? sends[sends.length - 1];
}
