// Literals of a Go struct type in the packages that import its package (src/core/scan/go-importers.ts), found the same
// whether the module is scanned by an absolute path or as `prompt-cost scan .` from its root, where every path the
// resolver is asked for is relative (`bot/bot.go`, the module's root `.`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { DiskFiles } from '../src/node/resolver';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { FIXTURES } from './util';

const ROOT = path.join(FIXTURES, 'go', 'flag_tags');

/** The fixture module as `scan .` run in its folder sees it: paths relative to the root. */
function relativeFiles(root = ROOT): WorkspaceFiles {
  const disk = new DiskFiles();
  const at = (p: string) => path.join(root, p);
  return { read: (p) => disk.read(at(p)), list: (d) => disk.list(at(d)), folders: (d) => disk.folders(at(d)) };
}

test('scan . from a Go module root: a struct literal in main.go gives the field read in package bot and judge', () => {
  const index = new ValueIndex(relativeFiles());
  const site = (file: string) => findSites(fs.readFileSync(path.join(ROOT, file), 'utf8'), 'go', file, undefined, index).sites[0];
  const bot = site('bot/bot.go');
  assert.equal(bot.model?.id, 'gpt-4o-mini');
  assert.equal(bot.maxOutput?.value, 1000);
  assert.equal(bot.model?.source?.file, 'main.go');
  assert.equal(site('judge/judge.go').model?.id, 'gpt-5-mini');
});

test('scan . from a Go module root: a type of the root package itself, its literals in package cli', () => {
  // A file in the root names its folder `` once normalized, one below it `.`: go.mod was found in ``, and the
  // importers of the root package were then looked for under the wrong import path (ioki-mobility/summaraizer).
  const root = path.join(FIXTURES, 'go', 'cobra_commands');
  const index = new ValueIndex(relativeFiles(root));
  const site = (file: string) => findSites(fs.readFileSync(path.join(root, file), 'utf8'), 'go', file, undefined, index).sites[0];
  assert.equal(site('anthropic.go').model?.id, 'claude-haiku-4-5');
  assert.equal(site('gemini.go').model?.id, 'gemini-2.5-flash');
  assert.equal(site('anthropic.go').model?.source?.file, 'cli/cli.go');
});
