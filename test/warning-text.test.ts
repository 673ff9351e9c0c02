// The Problems view's text of a warning (src/vscode/warning-text.ts): a deprecation's long citation becomes a short
// address with the full citation behind the code's link; text with no address is kept whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import type * as WarningText from '../src/vscode/warning-text';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', external: ['vscode'] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { diagnosticText } = load<typeof WarningText>('src/vscode/warning-text.ts');
const table = buildTable(loadShipped().sheets);

test('a gpt-4o deprecation keeps model, date and replacement, and its address, not the 400-character citation', () => {
  const src = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": "Hi"}])\n`;
  const [call] = analyze(src, 'python', 'a.py', table, { allowApproximate: true, now: '2026-12-05T12:00:00Z' }).calls;
  const w = call.warnings?.find((x) => x.kind === 'deprecated');
  assert.ok(w, 'gpt-4o carries a deprecation warning');
  assert.ok(w.text.length > 300, `the engine's text holds the whole citation (${w.text.length} characters)`);
  const t = diagnosticText(w.text);
  assert.equal(t.link, 'https://developers.openai.com/api/docs/deprecations');
  assert.match(t.message, /^gpt-4o: deprecated by OpenAI, retires on 2027-01-14; gpt-6-luna replaces it \(source: developers\.openai\.com\/api\/docs\/deprecations\)$/);
  assert.ok(t.message.length < 160, t.message);
});

test('a warning with no citation, or a citation with no address, is kept whole', () => {
  const plain = 'The prompt is over the context window of gpt-4.1-mini.';
  assert.deepEqual(diagnosticText(plain), { message: plain });
  const noAddress = 'x-model: deprecated by Acme, retires on 2027-01-01; y-model replaces it (source: LiteLLM model map deprecation_date)';
  assert.deepEqual(diagnosticText(noAddress), { message: noAddress });
});
