// Recorded HTTP interactions ("cassettes") of LLM API calls: VCR.py and go-vcr (`interactions:`), Ruby and R vcr
// (`http_interactions:`), Polly.JS HAR (`log.entries`). For each request to OpenAI chat completions or Responses,
// Anthropic messages or Gemini generateContent, the parsed request body and the input count the response
// reported. Bodies may be gzip-compressed, base64 (`base64_string`, HAR `encoding: base64`), YAML `!!binary`,
// already parsed (pydantic-ai's `parsed_body`), or server-sent events. Azure test-proxy recordings (`Entries`) and
// rsc.io/httprr traces too (./cassette-forms).
import fs from 'node:fs';
import path from 'node:path';
import { yaml } from '../core/util/lazy-yaml';
import type { Endpoint } from '../core/tokenize/request-count';
import { httprrInteractions, testProxyInteractions } from './cassette-forms';

export interface RecordedCall {
  file: string;
  /** Position of the interaction in its file. */
  index: number;
  endpoint: Endpoint;
  host: string;
  model?: string;
  body: unknown;
  /** Input tokens the response reported: OpenAI prompt_tokens / input_tokens; Anthropic input_tokens +
   * cache_creation_input_tokens + cache_read_input_tokens; Gemini usageMetadata.promptTokenCount. */
  billed: number;
  /** Anthropic: how many of them the response reported as cache reads or writes (0 when none). */
  cached?: number;
  /** OpenAI: the response's id and creation time (seconds), to tell hand-made and launch-week recordings. */
  responseId?: string;
  created?: number;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const EXT = /\.(ya?ml|json|har|httprr)$/i;
const MAX_BYTES = 64 * 1024 * 1024;
const SKIP = new Set(['node_modules', '.git']);

/** How a cassette file is read into the text readCassette takes: an httprr trace byte for byte. */
export function cassetteEncoding(file: string): BufferEncoding {
  return /\.httprr$/i.test(file) ? 'latin1' : 'utf8';
}

/** Cassette files under the given files or folders, sorted. */
export function findCassetteFiles(roots: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, depth: number) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (depth > 40) return;
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), depth + 1);
    } else if (st.isFile() && EXT.test(p) && st.size <= MAX_BYTES) out.push(p);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

function header(headers: unknown, name: string): string | undefined {
  if (Array.isArray(headers)) {
    for (const h of headers) if (isObj(h) && typeof h.name === 'string' && h.name.toLowerCase() === name) return String(h.value).toLowerCase();
    return undefined;
  }
  if (!isObj(headers)) return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return String(Array.isArray(v) ? v[0] : v).toLowerCase();
  return undefined;
}

function fromBytes(b: Buffer, encoding?: string): string {
  try {
    const compressed = (b[0] === 0x1f && b[1] === 0x8b) || encoding === 'br' || encoding === 'deflate';
    if (!compressed) return b.toString('utf8');
    // node:zlib is required here, for the first compressed body: at the top it cost every CLI start 4-10 ms (measured).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { brotliDecompressSync, gunzipSync, inflateSync } = require('node:zlib') as typeof import('node:zlib');
    if (b[0] === 0x1f && b[1] === 0x8b) return gunzipSync(b).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(b).toString('utf8');
    if (encoding === 'deflate') return inflateSync(b).toString('utf8');
  } catch {
    // not compressed after all
  }
  return b.toString('utf8');
}

/** A body in any of the cassette forms → text, or the object a cassette stored parsed. */
function bodyOf(body: unknown, headers: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array) return fromBytes(Buffer.from(body), header(headers, 'content-encoding'));
  if (isObj(body)) {
    if (typeof body.base64_string === 'string') return fromBytes(Buffer.from(body.base64_string, 'base64'), header(headers, 'content-encoding'));
    if ('string' in body) return bodyOf(body.string, headers);
  }
  return body;
}

/** JSON, or server-sent events as `{ events }`. */
function parse(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!t) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    // maybe a stream
  }
  const events: unknown[] = [];
  for (const line of t.split(/\r?\n/)) {
    const m = /^data:\s?(.*)$/.exec(line);
    if (!m || m[1] === '[DONE]') continue;
    try {
      events.push(JSON.parse(m[1]));
    } catch {
      // a partial line
    }
  }
  return events.length ? { events } : undefined;
}

export function endpointOf(uri: string): { endpoint: Endpoint; host: string; model?: string } | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  const p = u.pathname;
  if (/\/chat\/completions$/.test(p)) return { endpoint: 'openai.chat', host: u.hostname };
  if (/\/v1\/completions$/.test(p)) return { endpoint: 'openai.completions', host: u.hostname };
  if (/\/responses$/.test(p)) return { endpoint: 'openai.responses', host: u.hostname };
  if (/\/v1\/messages$/.test(p)) return { endpoint: 'anthropic.messages', host: u.hostname };
  const g = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(p);
  if (g) return { endpoint: 'gemini.generate', host: u.hostname, model: decodeURIComponent(g[1]) };
  return undefined;
}

function billedOf(endpoint: Endpoint, res: unknown): { billed: number; cached?: number } | undefined {
  const events = isObj(res) && Array.isArray(res.events) ? res.events : Array.isArray(res) ? res : [res];
  let out: number | undefined;
  let cached: number | undefined;
  for (const e of events) {
    if (!isObj(e)) continue;
    if (endpoint.startsWith('openai')) {
      const u = isObj(e.usage) ? e.usage : isObj(e.response) && isObj(e.response.usage) ? e.response.usage : undefined;
      const n = u && (num(u.prompt_tokens) ?? num(u.input_tokens));
      if (n !== undefined) out = n;
    } else if (endpoint === 'anthropic.messages') {
      const u = isObj(e.usage) ? e.usage : isObj(e.message) && isObj(e.message.usage) ? e.message.usage : undefined;
      // message_start has the full usage; later message_delta events may repeat it.
      if (!u || num(u.input_tokens) === undefined || (out !== undefined && e.type === 'message_delta')) continue;
      cached = (num(u.cache_creation_input_tokens) ?? 0) + (num(u.cache_read_input_tokens) ?? 0);
      out = num(u.input_tokens)! + cached;
    } else {
      const u = isObj(e.usageMetadata) ? e.usageMetadata : undefined;
      const n = u && num(u.promptTokenCount);
      if (n !== undefined) out = n;
    }
  }
  return out === undefined ? undefined : { billed: out, ...(cached ? { cached } : {}) };
}

/** OpenAI's response id and creation time, from the body or any stream event that carries them. */
function stampOf(res: unknown): { responseId?: string; created?: number } {
  const events = isObj(res) && Array.isArray(res.events) ? res.events : [res];
  for (const e of events) {
    const r = isObj(e) && isObj(e.response) ? e.response : e;
    if (!isObj(r) || typeof r.id !== 'string') continue;
    const created = num(r.created_at) ?? num(r.created);
    return { responseId: r.id, ...(created !== undefined ? { created } : {}) };
  }
  return {};
}

/** The recorded LLM calls in one cassette's text (an httprr trace: its bytes as latin1, `cassetteEncoding`); a file
 * that is no cassette yields none. */
export function readCassette(file: string, text: string): RecordedCall[] {
  let docs: unknown[];
  try {
    docs = /\.httprr$/i.test(file)
      ? [{ interactions: httprrInteractions(text) }]
      : /\.(json|har)$/i.test(file)
      ? [JSON.parse(text.replace(/^\uFEFF/, ''))]
      : yaml()
          .parseAllDocuments(text, { version: '1.1' })
          .map((d) => d.toJS({ maxAliasCount: -1 }));
  } catch {
    return [];
  }
  const out: RecordedCall[] = [];
  let index = 0;
  for (const doc of docs) {
    if (!isObj(doc)) continue;
    const list = doc.interactions ?? doc.http_interactions ?? (isObj(doc.log) ? doc.log.entries : undefined) ?? testProxyInteractions(doc);
    if (!Array.isArray(list)) continue;
    for (const it of list) {
      const i = index++;
      if (!isObj(it) || !isObj(it.request) || !isObj(it.response)) continue;
      const rq = it.request;
      const rs = it.response;
      const uri = typeof rq.uri === 'string' ? rq.uri : typeof rq.url === 'string' ? rq.url : undefined;
      if (!uri || (rq.method !== undefined && String(rq.method).toUpperCase() !== 'POST')) continue;
      const ep = endpointOf(uri);
      if (!ep) continue;
      const status = Number(isObj(rs.status) ? rs.status.code : (rs.status ?? 200));
      if (status >= 400) continue;
      const content = isObj(rs.content) ? rs.content : undefined;
      let resText = rs.parsed_body ?? bodyOf(rs.body, rs.headers) ?? content?.text;
      if (content && content.encoding === 'base64' && typeof content.text === 'string') resText = fromBytes(Buffer.from(content.text, 'base64'));
      const res = parse(resText);
      const usage = billedOf(ep.endpoint, res);
      if (usage === undefined || usage.billed <= 0) continue;
      const post = isObj(rq.postData) ? rq.postData.text : undefined;
      const body = parse(rq.parsed_body ?? bodyOf(rq.body, rq.headers) ?? post);
      const model = ep.model ?? (isObj(body) && typeof body.model === 'string' ? body.model : undefined);
      const stamp = ep.endpoint.startsWith('openai') ? stampOf(res) : {};
      out.push({ file, index: i, endpoint: ep.endpoint, host: ep.host, ...(model ? { model: model.replace(/^models\//, '') } : {}), body, ...usage, ...stamp });
    }
  }
  return out;
}
