// src/vscode/latestRun.ts: overlapping price loads, resolved by hand in any order; the newest always wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import type * as LatestRunModule from '../src/vscode/latestRun';

/** src/vscode is left out of the test build (most of it needs `vscode`); its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { LatestRun } = load<typeof LatestRunModule>('src/vscode/latestRun.ts');

/** A promise resolved or rejected from outside: a load whose reads finish when the test says. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

test('an older load that finishes last is not applied; both callers wait for the newest', async () => {
  const runs = new LatestRun<string>();
  const applied: string[] = [];
  const older = deferred<string>();
  const newer = deferred<string>();
  let olderDone = false;
  let newerDone = false;
  void runs.run(() => older.promise, (v) => applied.push(v)).then(() => (olderDone = true));
  void runs.run(() => newer.promise, (v) => applied.push(v)).then(() => (newerDone = true));
  newer.resolve('settings v2');
  await tick();
  assert.deepEqual(applied, ['settings v2']);
  assert.equal(newerDone, true);
  assert.equal(olderDone, false, 'the first caller still waits: its own run is in flight');
  older.resolve('settings v1');
  await tick();
  assert.deepEqual(applied, ['settings v2'], 'the older result never replaces the newer one');
  assert.equal(olderDone, true);
});

test('a caller whose run ended first waits for the newer run that started after it', async () => {
  const runs = new LatestRun<number>();
  const applied: number[] = [];
  const a = deferred<number>();
  const b = deferred<number>();
  let aDone = false;
  void runs.run(() => a.promise, (v) => applied.push(v)).then(() => (aDone = true));
  void runs.run(() => b.promise, (v) => applied.push(v));
  a.resolve(1);
  await tick();
  assert.deepEqual(applied, []);
  assert.equal(aDone, false, 'resolving with run 1 applied nothing: the caller must not read a stale table');
  b.resolve(2);
  await tick();
  assert.deepEqual(applied, [2]);
  assert.equal(aDone, true);
});

test('loads in order apply in order; a superseded run that fails is ignored, the newest run that fails rejects', async () => {
  const runs = new LatestRun<number>();
  const applied: number[] = [];
  await runs.run(async () => 1, (v) => applied.push(v));
  await runs.run(async () => 2, (v) => applied.push(v));
  assert.deepEqual(applied, [1, 2]);
  const old = deferred<number>();
  const oldCaller = runs.run(() => old.promise, (v) => applied.push(v));
  const next = runs.run(async () => 3, (v) => applied.push(v));
  old.reject(new Error('file vanished'));
  await Promise.all([oldCaller, next]);
  assert.deepEqual(applied, [1, 2, 3]);
  await assert.rejects(runs.run(async () => Promise.reject(new Error('newest failed')), (v) => applied.push(v)), /newest failed/);
});
