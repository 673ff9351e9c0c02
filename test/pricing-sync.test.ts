// scripts/pricing-sync.mjs on a scratch folder: it writes the sheets, reports price changes old → new,
// restores prices typed by hand, keeps hand-kept fields, and --check exits 1 only when a sheet is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './util';

const SCRIPT = path.join(ROOT, 'scripts', 'pricing-sync.mjs');

function sync(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, '--dir', dir, '--date', '2026-11-28', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('sync writes sheets, reports changes, keeps hand-kept fields; --check tells stale from fresh', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-sync-'));
  try {
    const first = sync(dir);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /openai\.yaml: \d+ models; \d+ added, 0 removed, 0 repriced/);
    assert.match(first.out, /\+ gpt-4o {2}input 2\.5, output 10/);
    // A model real apps call that the data does not price comes with the price its host publishes, and its source.
    assert.match(first.out, /\+ Qwen\/Qwen2\.5-7B-Instruct-Turbo {2}input 0\.3, output 0\.3/);
    assert.match(fs.readFileSync(path.join(dir, 'together.yaml'), 'utf8'), /# price: Together AI model page[^\n]*\n {2}Qwen\/Qwen2\.5-7B-Instruct-Turbo:\n {4}input: 0\.3\n {4}output: 0\.3\n {4}context: 32768\n/);
    // A provider the data has no entry for is a sheet of such rows, one a region, the region stated.
    assert.match(first.out, /alibaba-cn\.yaml: 1 models; 1 added[^\n]*\n {2}\+ qwen-mt-turbo {2}input 0\.101, output 0\.28/);
    const alibaba = fs.readFileSync(path.join(dir, 'alibaba.yaml'), 'utf8');
    assert.match(alibaba, /\nprovider: alibaba\nregion: "Singapore \(international\)"\n/);
    assert.match(alibaba, /# price: Alibaba Cloud Model Studio, qwen-mt-turbo[^\n]*\n {2}qwen-mt-turbo:\n {4}input: 0\.16\n {4}output: 0\.49\n {4}context: 16384\n {4}max_output: 8192\n {4}tokenizer: qwen\n/);
    assert.equal(sync(dir, '--check').code, 0, 'fresh sheets pass --check');

    const file = path.join(dir, 'openai.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const block = /\n {2}gpt-4o:\n(?: {4}.*\n)+/.exec(text)![0];
    assert.match(block, /tier: frontier/);
    const edited = block
      .replace('input: 2.5', 'input: 9')
      .replace('tier: frontier', 'tier: balanced')
      .replace(/aliases: \[/, 'aliases: [my-gpt, ');
    fs.writeFileSync(file, text.replace(block, edited).replace(/\n {2}gpt-4o-mini:\n(?: {4}.*\n)+/, '\n'));

    const check = sync(dir, '--check');
    assert.equal(check.code, 1, 'a hand-typed price makes the sheet stale');
    assert.equal(fs.readFileSync(file, 'utf8'), text.replace(block, edited).replace(/\n {2}gpt-4o-mini:\n(?: {4}.*\n)+/, '\n'), '--check writes nothing');
    assert.match(check.out, /~ gpt-4o {2}input 9 → 2\.5/);
    assert.match(check.out, /\+ gpt-4o-mini/);

    const again = sync(dir);
    assert.equal(again.code, 0, again.err);
    const after = fs.readFileSync(file, 'utf8');
    const block2 = /\n {2}gpt-4o:\n(?: {4}.*\n)+/.exec(after)![0];
    assert.match(block2, /input: 2\.5/, 'prices come from the data');
    assert.match(block2, /tier: balanced/, 'a hand-set tier survives');
    assert.match(block2, /aliases: \[.*my-gpt/, 'an added alias survives');
    assert.match(after, /\n {2}gpt-4o-mini:\n/);
    assert.equal(sync(dir, '--check').code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('sync refuses unknown arguments', () => {
  const r = spawnSync(process.execPath, [SCRIPT, '--bogus'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown argument --bogus/);
});

// A LiteLLM max_output_tokens equal to its max_input_tokens is the context window copied, not a maximum output: a call
// without a limit was priced at the whole window ("Set max_tokens … saves $14.99/call" on OpenRouter's Claude Sonnet
// 4.5 at 1,000,000 tokens). Such rows take the vendor's stated maximum (MAX_OUTPUT in the script) or claim none.
test('sync keeps no max_output that is the context window copied; the vendor figure where one is stated', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-sync-'));
  try {
    const ll = path.join(dir, 'litellm.json');
    const row = (inp: number, out: number) => ({ litellm_provider: 'xai', mode: 'chat', input_cost_per_token: 1.25e-6, output_cost_per_token: 2.5e-6, max_input_tokens: inp, max_output_tokens: out });
    fs.writeFileSync(ll, JSON.stringify({ 'xai/grok-4.20': row(1_000_000, 1_000_000), 'xai/grok-4.20-multi-agent': row(1_000_000, 30_000) }));
    const first = sync(dir, '--litellm', ll);
    assert.equal(first.code, 0, first.err);
    const block = (text: string, id: string) => new RegExp(`\\n {2}${id.replace(/[.]/g, '\\.')}:\\n(?: {4}.*\\n)+`).exec(text)![0];
    let xai = fs.readFileSync(path.join(dir, 'xai.yaml'), 'utf8');
    assert.doesNotMatch(block(xai, 'grok-4.20'), /max_output/, 'the copied context is not a maximum output');
    assert.match(block(xai, 'grok-4.20-multi-agent'), /max_output: 30000\n/, 'a maximum below the context is kept');
    const openrouter = fs.readFileSync(path.join(dir, 'openrouter.yaml'), 'utf8');
    assert.match(openrouter, /# max_output: Anthropic's model page \(https:\/\/platform\.claude\.com\/docs\/en\/models\/sonnet-4-5\/overview\)[^\n]*\n {2}anthropic\/claude-sonnet-4\.5:\n/);
    assert.match(block(openrouter, 'anthropic/claude-sonnet-4.5'), /max_output: 64000\n/);

    // A hand-kept max_output on a row the script lists as a context copy does not survive a sync.
    const file = path.join(dir, 'xai.yaml');
    fs.writeFileSync(file, xai.replace(/(\n {2}grok-4:\n(?: {4}.*\n)*? {4}context: 256000\n)/, '$1    max_output: 256000\n'));
    assert.match(block(fs.readFileSync(file, 'utf8'), 'grok-4'), /max_output: 256000/);
    assert.equal(sync(dir, '--litellm', ll).code, 0);
    xai = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(block(xai, 'grok-4'), /max_output/);
    assert.match(xai, /# no max_output: [^\n]*docs\.x\.ai[^\n]*\n {2}grok-4:\n/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
