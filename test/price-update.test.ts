// The opt-in price refresh against a local HTTP server on 127.0.0.1: ok (YAML sheet, genai-prices data,
// LiteLLM map), 404, garbage, oversize (declared and streamed), slow → timeout, and what the request sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fetchPriceUpdate, parseStoredUpdate, sheetsFromText } from '../src/node/price-update';
import { FIXTURES } from './util';

const SHEET = `provider: openai
as_of: 2026-11-01
source: https://example.com/prices
models:
  gpt-4o:
    input: 2
    output: 8
`;

let server: http.Server;
/** The URL the code is given (https, as the setting requires) and where the plain-HTTP test server really is. */
let base = '';
let served = '';
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      switch (req.url) {
        case '/sheet.yaml':
          res.writeHead(200, { 'content-type': 'application/yaml' }).end(SHEET);
          break;
        case '/genai.json':
          res.writeHead(200, { 'content-type': 'application/json' }).end(fs.readFileSync(path.join(FIXTURES, 'pricing', 'genai-prices-sample.json')));
          break;
        case '/litellm.json':
          res.writeHead(200).end(fs.readFileSync(path.join(FIXTURES, 'pricing', 'litellm-sample.json')));
          break;
        case '/bad-sheet.yaml':
          res.writeHead(200).end(SHEET.replace('input: 2', 'input: -2'));
          break;
        case '/garbage':
          res.writeHead(200).end(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x5b, 0x3a, 0x0a, 0x09, 0x22]));
          break;
        case '/garbage.json':
          res.writeHead(200).end('{"not": "prices"');
          break;
        case '/big-declared':
          res.writeHead(200, { 'content-length': String(10_000_000) });
          res.write('x'.repeat(1000));
          timers.add(setTimeout(() => res.destroy(), 2000));
          break;
        case '/big-streamed': {
          res.writeHead(200);
          const chunk = 'x'.repeat(64 * 1024);
          let sent = 0;
          const pump = () => {
            while (sent < 50 && res.write(chunk)) sent += 1;
            if (sent < 50) res.once('drain', pump);
            else res.end();
          };
          pump();
          res.on('error', () => undefined);
          break;
        }
        case '/slow':
          // Headers, then nothing: the timeout has to cover the body, not just the headers.
          res.writeHead(200);
          res.write('provider: x\n');
          timers.add(setTimeout(() => res.end(), 10_000));
          break;
        case '/to-http':
          res.writeHead(302, { location: `${served}/sheet.yaml` }).end();
          break;
        case '/slow-headers':
          timers.add(setTimeout(() => res.writeHead(200).end(SHEET), 10_000));
          break;
        default:
          res.writeHead(404, 'Not Found').end('no');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;
  served = `http://127.0.0.1:${port}`;
});

/**
 * The transport for the tests: a request for `base` goes to the plain-HTTP server, and the answer says it came from
 * `base` unless the server redirected it (then it says where it really came from).
 */
const loopback: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const res = await fetch(url.startsWith(base) ? served + url.slice(base.length) : url, init);
  if (!res.redirected) Object.defineProperty(res, 'url', { value: url });
  return res;
};

after(() => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  server.close();
});

const opts = { timeoutMs: 3000, maxBytes: 1024 * 1024, fetch: loopback };

test('a YAML sheet comes back as one sheet', async () => {
  const r = await fetchPriceUpdate(`${base}/sheet.yaml`, opts);
  assert.deepEqual(r.problems, []);
  assert.equal(r.sheets?.length, 1);
  assert.equal(r.sheets![0].info.origin, `${base}/sheet.yaml`);
  assert.deepEqual(r.sheets![0].models.map((m) => [m.id, m.input, m.output]), [['gpt-4o', 2, 8]]);
  assert.equal(r.text, SHEET, 'the text as fetched, for the editor to store');
});

test('http: is refused before any request, as the setting allows only https:; so is a redirect to http:', async () => {
  seen.length = 0;
  const plain = await fetchPriceUpdate(`${served}/sheet.yaml`, { timeoutMs: 3000, maxBytes: 1024 });
  assert.equal(plain.sheets, undefined);
  assert.match(plain.problems[0].message, /only https: URLs are fetched, not http:/);
  assert.equal(seen.length, 0, 'nothing was sent');
  const redirected = await fetchPriceUpdate(`${base}/to-http`, opts);
  assert.equal(redirected.sheets, undefined);
  assert.match(redirected.problems[0].message, /redirected to http:/);
});

test('a stored download is read back only in its own shape; its text is checked again like a download', () => {
  const text = JSON.stringify({ url: base, fetchedAt: Date.parse('2026-11-02T10:00:00Z'), text: SHEET });
  assert.deepEqual(parseStoredUpdate(text), { url: base, fetchedAt: Date.parse('2026-11-02T10:00:00Z'), text: SHEET });
  // Parsed sheets as an older version stored them, with a negative price nothing checked: not read (fetched again).
  const older = { url: base, fetchedAt: 1, sheets: [{ info: { provider: 'openai', asOf: '2026-11-01', source: 'x', origin: base }, models: [{ id: 'gpt-4o', provider: 'openai', input: -2, output: 8 }] }] };
  assert.equal(parseStoredUpdate(JSON.stringify(older)), undefined);
  for (const bad of ['', '{', 'null', '[]', '{"url": 1, "fetchedAt": 1, "text": ""}', '{"url": "u", "fetchedAt": "1", "text": ""}']) {
    assert.equal(parseStoredUpdate(bad), undefined, bad);
  }
  const edited = parseStoredUpdate(JSON.stringify({ url: base, fetchedAt: 1, text: SHEET.replace('input: 2', 'input: -2') }))!;
  const r = sheetsFromText(edited.text, edited.url);
  assert.equal(r.sheets, undefined);
  assert.match(r.problems[0].message, /models\.gpt-4o\.input: expected a non-negative number/);
});

test('genai-prices data and LiteLLM maps are converted', async () => {
  const g = await fetchPriceUpdate(`${base}/genai.json`, opts);
  assert.deepEqual(g.problems, []);
  assert.ok(g.sheets!.some((s) => s.info.provider === 'openai' && s.models.some((m) => m.id === 'gpt-4o' && m.input === 2.5)));
  const l = await fetchPriceUpdate(`${base}/litellm.json`, opts);
  assert.deepEqual(l.problems, []);
  assert.ok(l.sheets!.some((s) => s.info.provider === 'anthropic'));
});

test('the request is a plain GET that says nothing about the user', async () => {
  seen.length = 0;
  await fetchPriceUpdate(`${base}/sheet.yaml`, opts);
  assert.equal(seen.length, 1);
  const [req] = seen;
  assert.equal(req.method, 'GET');
  assert.equal(req.url, '/sheet.yaml');
  assert.equal(req.body, '');
  assert.equal(req.headers.cookie, undefined);
  assert.equal(req.headers.authorization, undefined);
});

test('HTTP errors, garbage and invalid sheets are problems, no sheets', async () => {
  const cases: [string, RegExp][] = [
    ['/missing', /HTTP 404/],
    ['/garbage', /./],
    ['/garbage.json', /not valid JSON/],
    ['/bad-sheet.yaml', /models\.gpt-4o\.input: expected a non-negative number, got -2/],
  ];
  for (const [p, message] of cases) {
    const r = await fetchPriceUpdate(`${base}${p}`, opts);
    assert.equal(r.sheets, undefined, p);
    assert.ok(r.problems.length > 0, p);
    assert.match(r.problems[0].message, message, p);
    assert.equal(r.problems[0].file, `${base}${p}`);
  }
});

test('oversize answers are cut off, declared or streamed', async () => {
  const declared = await fetchPriceUpdate(`${base}/big-declared`, opts);
  assert.equal(declared.sheets, undefined);
  assert.match(declared.problems[0].message, /over the limit/);
  const streamed = await fetchPriceUpdate(`${base}/big-streamed`, opts);
  assert.equal(streamed.sheets, undefined);
  assert.match(streamed.problems[0].message, /over the limit of 1048576 bytes/);
});

test('a slow server times out, in the headers or in the body', async () => {
  for (const p of ['/slow', '/slow-headers']) {
    const r = await fetchPriceUpdate(`${base}${p}`, { timeoutMs: 300, maxBytes: 1024, fetch: loopback });
    assert.equal(r.sheets, undefined, p);
    assert.match(r.problems[0].message, /no complete answer within 300 ms/, p);
  }
});

test('bad URLs and refused connections are problems', async () => {
  for (const url of ['not a url', 'file:///etc/passwd', 'ftp://127.0.0.1/x', 'data:text/plain,provider']) {
    const r = await fetchPriceUpdate(url, opts);
    assert.equal(r.sheets, undefined, url);
    assert.equal(r.problems.length, 1, url);
  }
  // A port nothing listens on: bind one, note it, close it.
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  const r = await fetchPriceUpdate(`https://127.0.0.1:${port}/x`, opts);
  assert.equal(r.sheets, undefined);
  assert.match(r.problems[0].message, /request failed/);
});
