// The command table: one object of ids, each declared in package.json; internal ones hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import type * as CommandIds from '../src/vscode/commandIds';

/** src/vscode is left out of the test build (most of it needs `vscode`); its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { CATEGORY, Commands, PALETTE } = load<typeof CommandIds>('src/vscode/commandIds.ts');

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const declared: { command: string; title: string; category?: string }[] = pkg.contributes.commands;

test('commands: ids are unique and all under promptCost.', () => {
  const ids = Object.values(Commands);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^promptCost\.[a-zA-Z]+$/);
});

test('commands: every id is declared in package.json, and nothing else is', () => {
  assert.deepEqual(declared.map((c) => c.command).sort(), Object.values(Commands).sort());
});

test('commands: palette titles match the manifest and the issue', () => {
  for (const [key, title] of Object.entries(PALETTE)) {
    const c = declared.find((d) => d.command === Commands[key as keyof typeof Commands]);
    assert.ok(c, key);
    assert.equal(c.title, title);
    assert.equal(c.category, CATEGORY);
  }
  const full = Object.values(PALETTE).map((t) => `${CATEGORY}: ${t}`);
  for (const t of ['Show Workspace Report', 'Compare Models for This Call', 'Toggle Cost Lenses', 'Open Price Sheets', 'Reload Price Sheets']) {
    assert.ok(full.includes(`Prompt Cost: ${t}`), t);
  }
});

test('commands: internal commands are hidden from the palette', () => {
  const hidden = (pkg.contributes.menus?.commandPalette ?? []).filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command);
  const internal = Object.entries(Commands).filter(([k]) => !(k in PALETTE)).map(([, id]) => id);
  assert.ok(internal.length > 0);
  assert.deepEqual(hidden.sort(), internal.sort());
});
