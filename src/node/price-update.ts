// Opt-in price refresh: one GET of price data from a URL the user configured. Sends nothing about the
// user's code (no body, no query added, no cookies), reads at most maxBytes within timeoutMs, and turns
// every failure into a problem. Accepts a YAML price sheet, a JSON sheet or list of sheets, genai-prices
// data.json, or LiteLLM's model_prices_and_context_window.json.
import { importGenaiPrices } from '../core/price/genai-import';
import { importLiteLLM } from '../core/price/litellm-import';
import { parseSheet, sheetFromObject, type ParsedSheet } from '../core/price/sheets';
import type { Problem } from '../core/types';

export interface PriceUpdateOptions {
  timeoutMs: number;
  maxBytes: number;
  /** The transport (tests serve a local server through it); the global fetch by default. */
  fetch?: typeof fetch;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Turns downloaded text into sheets, recognising the format by its shape. */
export function sheetsFromText(text: string, origin: string, asOf = today()): { sheets?: ParsedSheet[]; problems: Problem[] } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const res = parseSheet(trimmed, origin);
    return res.sheet ? { sheets: [res.sheet], problems: [] } : { problems: res.problems };
  }
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (e) {
    return { problems: [{ file: origin, message: `price data is not valid JSON: ${(e as Error).message}` }] };
  }
  const done = (r: { sheets: ParsedSheet[]; problems: Problem[] }) =>
    r.problems.length || r.sheets.length === 0 ? { problems: r.problems } : { sheets: r.sheets, problems: [] };
  // genai-prices: an array of providers, each with `models` as an array.
  if (Array.isArray(data) && data.some((p) => isObj(p) && Array.isArray(p.models))) {
    return done(importGenaiPrices(data, { asOf, origin }));
  }
  // One price sheet as JSON, or a list of them.
  const asSheets = Array.isArray(data) ? data : isObj(data) && 'provider' in data && 'models' in data ? [data] : undefined;
  if (asSheets) {
    const sheets: ParsedSheet[] = [];
    const problems: Problem[] = [];
    asSheets.forEach((s, i) => {
      const r = sheetFromObject(s, asSheets.length > 1 ? `${origin}#${i}` : origin);
      if (r.sheet) sheets.push({ ...r.sheet, info: { ...r.sheet.info, asOf: r.sheet.info.asOf || asOf } });
      problems.push(...r.problems);
    });
    return done({ sheets, problems });
  }
  // LiteLLM: an object of model name → { litellm_provider, … }.
  if (isObj(data) && Object.values(data).some((v) => isObj(v) && typeof v.litellm_provider === 'string')) {
    return done(importLiteLLM(data, { asOf, origin }));
  }
  return { problems: [{ file: origin, message: 'price data: not a price sheet, genai-prices data or LiteLLM price map' }] };
}

/**
 * What the editor keeps of a download (in its global storage): the text as fetched, not the sheets made of it, so
 * that reading it back goes through sheetsFromText and the sheet checker again (a file on disk may be edited, cut
 * short, or written by an older version).
 */
export interface StoredUpdate {
  url: string;
  fetchedAt: number;
  text: string;
}

/** A stored download, or undefined when the JSON is not one (then it is fetched again). */
export function parseStoredUpdate(json: string): StoredUpdate | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObj(v) || typeof v.url !== 'string' || typeof v.text !== 'string' || typeof v.fetchedAt !== 'number' || !Number.isFinite(v.fetchedAt)) return undefined;
  return { url: v.url, fetchedAt: v.fetchedAt, text: v.text };
}

/**
 * Fetches and converts price data. Never throws; any failure is a problem and no sheets. Only `https:` URLs, as the
 * setting promptCost.priceUpdateUrl allows, and a redirect must stay on https. `text` is the body as fetched.
 */
export async function fetchPriceUpdate(
  url: string,
  opts: PriceUpdateOptions,
): Promise<{ sheets?: ParsedSheet[]; problems: Problem[]; text?: string }> {
  const fail = (message: string) => ({ problems: [{ file: url, message }] });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('price update: not a valid URL');
  }
  if (parsed.protocol !== 'https:') return fail(`price update: only https: URLs are fetched, not ${parsed.protocol}`);
  const timeoutMs = Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0 ? opts.timeoutMs : 10_000;
  const maxBytes = Number.isFinite(opts.maxBytes) && opts.maxBytes > 0 ? opts.maxBytes : 5 * 1024 * 1024;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  try {
    const init: RequestInit = {
      method: 'GET',
      credentials: 'omit',
      redirect: 'follow',
      headers: { accept: 'application/json, application/yaml, text/yaml, text/plain;q=0.9' },
      signal: ctrl.signal,
    };
    const res = await (opts.fetch ? opts.fetch(parsed, init) : fetch(parsed, init));
    if (res.url && !res.url.startsWith('https:')) {
      await res.body?.cancel().catch(() => undefined);
      return fail(`price update: redirected to ${new URL(res.url).protocol} (only https: is fetched)`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return fail(`price update: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return fail(`price update: response is ${declared} bytes, over the limit of ${maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          return fail(`price update: response is over the limit of ${maxBytes} bytes`);
        }
        chunks.push(value);
      }
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
    return { ...sheetsFromText(text, url), text };
  } catch (e) {
    if (timedOut) return fail(`price update: no complete answer within ${timeoutMs} ms`);
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return fail(`price update: request failed${cause ? ` (${cause})` : e instanceof Error ? ` (${e.message})` : ''}`);
  } finally {
    clearTimeout(timer);
  }
}
