// Gemini 2.5 Pro and 2.5 Flash (pricing/google.yaml, from RETIRED in scripts/pricing-sync.mjs, citing the Gemini API
// deprecations page as read on 2026-11-10): shut down 2026-12-01, replaced by gemini-3.8-flash and
// gemini-3.5-flash-lite. A LangGraph notebook's `ChatGoogleGenerativeAI(model="gemini-2.5-pro")` was told "Switch to
// gemini-2.5-flash — saves 75%": advice that sends the user to a retired model. After the date the call reads as
// retired with Google's replacement, no advice; 2.5 Flash is never a switch target; 2.5 Flash-Lite is not deprecated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { isRouteCandidate } from '../src/core/cost/routing';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

const SRC = [
  'from langchain_google_genai import ChatGoogleGenerativeAI',
  'pro = ChatGoogleGenerativeAI(model="gemini-2.5-pro", google_api_key=key)',
  'flash = ChatGoogleGenerativeAI(model="gemini-2.5-flash", google_api_key=key)',
  'lite = ChatGoogleGenerativeAI(model="gemini-2.5-flash-lite", google_api_key=key)',
  'a = pro.invoke([("system", "You answer questions about the weather."), ("user", q)])',
  'b = flash.invoke([("system", "You answer questions about the weather."), ("user", q)])',
  'c = lite.invoke([("system", "You answer questions about the weather."), ("user", q)])',
].join('\n');

const run = (now: string) => new Map(analyze(SRC, 'python', 'weather.ipynb.py', table(), { now }).calls.map((c) => [c.line, c]));

test('after 2026-12-01 gemini-2.5-pro and gemini-2.5-flash read as retired, with the replacement Google names, and no advice names a 2.5 model', () => {
  const calls = run('2026-12-06T10:00:00Z');
  for (const [line, to] of [[5, 'gemini-3.8-flash'], [6, 'gemini-3.5-flash-lite']] as const) {
    const c = calls.get(line);
    assert.ok(c, `line ${line}: a call`);
    const w = (c!.warnings ?? []).find((x) => x.kind === 'deprecated');
    assert.ok(w, `line ${line}: a deprecation warning`);
    assert.equal(w!.severity, 'error');
    assert.equal(w!.retired, '2026-12-01');
    assert.equal(w!.replacement, to);
    for (const s of c!.suggestions) assert.doesNotMatch(s.text, /gemini-2\.5-flash\b/, s.text);
  }
  const lite = calls.get(7)!;
  assert.equal((lite.warnings ?? []).filter((x) => x.kind === 'deprecated').length, 0, 'gemini-2.5-flash-lite is not deprecated');
});

test('before the date the warning says when they retire; the switch advice never names gemini-2.5-flash', () => {
  const calls = run('2026-11-20T10:00:00Z');
  const w = (calls.get(5)!.warnings ?? []).find((x) => x.kind === 'deprecated');
  assert.ok(w);
  assert.equal(w!.severity, 'warning');
  assert.match(w!.text, /retires on 2026-12-01/);
  for (const s of calls.get(5)!.suggestions) assert.doesNotMatch(s.text, /gemini-2\.5-(flash|pro)\b/, s.text);
});

test('the deprecated Gemini 2.5 models are never route targets', () => {
  for (const id of ['gemini-2.5-pro', 'gemini-2.5-flash']) {
    const m = table().models.find((x) => x.provider === 'google' && x.id === id)!;
    assert.ok(m, id);
    assert.equal(isRouteCandidate(m), false, id);
  }
});

test('the switch advice on gemini-2.5-pro names gemini-3.8-flash, the successor Google names, not a dearer model', () => {
  // Ordered "dearer first, nearer in quality", the router told a retired gemini-2.5-pro call "Switch to
  // gemini-3.5-flash — saves 10%" while Google's named replacement is cheaper (session 53 js63).
  for (const now of ['2026-11-20T10:00:00Z', '2026-12-06T10:00:00Z']) {
    const route = run(now).get(5)!.suggestions.find((s) => s.kind === 'route');
    assert.ok(route, `${now}: a switch advice`);
    assert.equal(route!.model, 'gemini-3.8-flash', `${now}: ${route!.text}`);
  }
});

test('with tools, a switch past the named successor whose tool support the data does not give says so', () => {
  // gemini-3.8-flash's sheet row has no `supports`: a call with tools cannot be sent there on the data, and the next
  // model that passes (gemini-3.5-flash) costs more than it. The advice names the successor and what is not known.
  const src = [
    'from google import genai',
    'from google.genai import types',
    'weather = types.FunctionDeclaration(name="get_weather", description="Weather for a city", parameters={"type": "object", "properties": {"city": {"type": "string"}}})',
    'r = client.models.generate_content(model="gemini-2.5-pro", contents="Weather in Paris?", config=types.GenerateContentConfig(tools=[types.Tool(function_declarations=[weather])], max_output_tokens=800))',
  ].join('\n');
  const call = analyze(src, 'python', 'a.py', table(), { now: '2026-12-06T10:00:00Z' }).calls[0];
  const route = call.suggestions.find((s) => s.kind === 'route');
  assert.ok(route, 'a switch advice');
  assert.notEqual(route!.model, 'gemini-3.8-flash');
  assert.match(route!.text, /\(gemini-3\.8-flash, its named replacement, costs less but its support for tools is not known\)$/);
  // Without tools the successor is the switch, with no note.
  const plain = run('2026-12-06T10:00:00Z').get(5)!.suggestions.find((s) => s.kind === 'route')!;
  assert.doesNotMatch(plain.text, /not known/);
});
