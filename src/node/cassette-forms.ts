// Two more forms of recorded HTTP calls, read as VCR interactions (`{request: {method, uri, body, headers},
// response: {status: {code}, body, headers}}`) for ./cassettes:
// - Azure SDK test-proxy recordings, `{"Entries": [{RequestUri, RequestMethod, RequestHeaders, RequestBody,
//   StatusCode, ResponseHeaders, ResponseBody}]}`, bodies parsed JSON or text (openai/openai-dotnet tests/SessionRecords);
// - rsc.io/httprr traces: `httprr trace v1\n`, then per exchange `<request bytes> <response bytes>\n`, the raw HTTP
//   request, the raw HTTP response (tmc/langchaingo testdata/*.httprr). Read from the file's bytes as latin1 text,
//   so the byte lengths hold; bodies go on as bytes (a gzip one is unpacked as in other cassettes).

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The interactions of a test-proxy recording, or undefined when `doc` is none. */
export function testProxyInteractions(doc: Json): unknown[] | undefined {
  if (!Array.isArray(doc.Entries)) return undefined;
  return doc.Entries.filter(isObj).map((e) => ({
    request: { method: e.RequestMethod, uri: e.RequestUri, headers: e.RequestHeaders, body: e.RequestBody },
    response: { status: { code: e.StatusCode }, headers: e.ResponseHeaders, body: e.ResponseBody },
  }));
}

const MAGIC = 'httprr trace v1\n';

/** Head (start line, headers with lower-case names) and body bytes of a raw HTTP message. */
function message(b: Buffer): { start: string; headers: Record<string, string>; body: Buffer } {
  let end = b.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) [end, sep] = [b.indexOf('\n\n'), 2];
  if (end < 0) [end, sep] = [b.length, 0];
  const lines = b.subarray(0, end).toString('latin1').split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { start: lines[0] ?? '', headers, body: b.subarray(end + sep) };
}

/** A chunked body's data; what does not parse as chunks is kept as it is. */
function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf('\r\n', i);
    if (eol < 0) break;
    const n = parseInt(b.subarray(i, eol).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(n)) return i === 0 ? b : Buffer.concat(out);
    if (n === 0) break;
    out.push(b.subarray(eol + 2, eol + 2 + n));
    i = eol + 2 + n + 2;
  }
  return Buffer.concat(out);
}

/** The exchanges of an httprr trace (`text`: the file's bytes as latin1); none when it is no trace. */
export function httprrInteractions(text: string): unknown[] {
  if (!text.startsWith(MAGIC)) return [];
  const data = Buffer.from(text, 'latin1');
  const out: unknown[] = [];
  let i = MAGIC.length;
  while (i < data.length) {
    const eol = data.indexOf('\n', i);
    if (eol < 0) break;
    const m = /^(\d{1,12}) (\d{1,12})$/.exec(data.subarray(i, eol).toString('latin1'));
    if (!m) break;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (eol + 1 + a + b > data.length) break;
    const rq = message(data.subarray(eol + 1, eol + 1 + a));
    const rs = message(data.subarray(eol + 1 + a, eol + 1 + a + b));
    i = eol + 1 + a + b;
    const [method, target] = rq.start.split(' ');
    const uri = target?.startsWith('/') && rq.headers.host ? `https://${rq.headers.host}${target}` : target;
    const body = /chunked/i.test(rs.headers['transfer-encoding'] ?? '') ? dechunk(rs.body) : rs.body;
    out.push({
      request: { method, uri, headers: rq.headers, body: new Uint8Array(rq.body) },
      response: { status: { code: Number(rs.start.split(' ')[1]) }, headers: rs.headers, body: new Uint8Array(body) },
    });
  }
  return out;
}
