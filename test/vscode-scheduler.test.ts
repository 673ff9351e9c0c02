// The adapter's analysis cache and debounce (src/vscode/scheduler.ts) and which suggestion gets a lens,
// driven with fake timers: no real waiting, no `vscode`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import type * as SchedulerModule from '../src/vscode/scheduler';
import type * as SuggestionsModule from '../src/vscode/suggestions';
import type { AnalyzedCall, Suggestion } from '../src/core/types';

/** src/vscode is left out of the test build (most of it needs `vscode`); its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { Lru, Scheduler } = load<typeof SchedulerModule>('src/vscode/scheduler.ts');
const { bestRoute, editable } = load<typeof SuggestionsModule>('src/vscode/suggestions.ts');

/** Timers that run only when told to, and remember the delays asked for. */
class FakeTimers {
  private next = 1;
  readonly queue = new Map<number, { fn: () => void; ms: number }>();
  readonly delays: number[] = [];
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.queue.set(id, { fn, ms });
    this.delays.push(ms);
    return id;
  };
  clear = (h: unknown) => {
    this.queue.delete(h as number);
  };
  runAll() {
    for (const [id, t] of [...this.queue]) {
      this.queue.delete(id);
      t.fn();
    }
  }
}

interface Doc {
  uri: string;
  version: number;
}

function setup(compute?: (d: Doc, token: { isCancellationRequested: boolean }) => string, maxEntries = 8) {
  const timers = new FakeTimers();
  const runs: string[] = [];
  const results: string[] = [];
  const s = new Scheduler<Doc, string>(
    (d, token) => {
      runs.push(`${d.uri}@${d.version}`);
      return compute ? compute(d, token) : `result ${d.uri}@${d.version}`;
    },
    { debounceMs: 300, firstMs: 0, maxEntries },
    (d, r) => results.push(r),
    timers,
  );
  return { s, timers, runs, results };
}

test('scheduler: requests for the same version share one run and then hit the cache', async () => {
  const { s, timers, runs } = setup();
  const a = s.request({ uri: 'a', version: 1 });
  const b = s.request({ uri: 'a', version: 1 });
  timers.runAll();
  assert.equal(await a, 'result a@1');
  assert.equal(await b, 'result a@1');
  assert.equal(await s.request({ uri: 'a', version: 1 }), 'result a@1');
  assert.deepEqual(runs, ['a@1']);
  assert.equal(s.peek({ uri: 'a', version: 1 }), 'result a@1');
  assert.equal(s.peek({ uri: 'a', version: 2 }), undefined);
});

test('scheduler: invalidate drops one version\'s result; the next request computes it again (first screen → whole file)', async () => {
  let n = 0;
  const { s, timers, runs } = setup((d) => `${d.uri}@${d.version} #${++n}`);
  const first = s.request({ uri: 'a', version: 1 });
  timers.runAll();
  assert.equal(await first, 'a@1 #1');
  s.invalidate({ uri: 'a', version: 2 });
  assert.equal(s.peek({ uri: 'a', version: 1 }), 'a@1 #1', 'another version: nothing dropped');
  s.invalidate({ uri: 'a', version: 1 });
  assert.equal(s.peek({ uri: 'a', version: 1 }), undefined);
  const again = s.request({ uri: 'a', version: 1 }, true);
  timers.runAll();
  assert.equal(await again, 'a@1 #2');
  assert.deepEqual(runs, ['a@1', 'a@1']);
});

test('scheduler: first sight runs at once, later edits are debounced', async () => {
  const { s, timers } = setup();
  const first = s.request({ uri: 'a', version: 1 });
  timers.runAll();
  await first;
  void s.request({ uri: 'a', version: 2 });
  assert.deepEqual(timers.delays, [0, 300]);
});

test('scheduler: a newer version supersedes the pending one, which resolves undefined', async () => {
  const { s, timers, runs, results } = setup();
  const old = s.request({ uri: 'a', version: 1 });
  const fresh = s.request({ uri: 'a', version: 2 });
  timers.runAll();
  assert.equal(await old, undefined);
  assert.equal(await fresh, 'result a@2');
  assert.deepEqual(runs, ['a@2'], 'the superseded run never started');
  assert.deepEqual(results, ['result a@2']);
});

test('scheduler: a run superseded while it computes is not cached and sees its token cancelled', async () => {
  let sawCancel = false;
  let ctl!: ReturnType<typeof setup>;
  ctl = setup((d, token) => {
    if (d.version === 1) {
      void ctl.s.request({ uri: 'a', version: 2 });
      sawCancel = token.isCancellationRequested;
    }
    return `r${d.version}`;
  });
  const old = ctl.s.request({ uri: 'a', version: 1 });
  ctl.timers.runAll();
  assert.equal(await old, undefined);
  assert.ok(sawCancel, 'the core would stop between stages');
  assert.equal(ctl.s.peek({ uri: 'a', version: 1 }), undefined);
  ctl.timers.runAll();
  assert.equal(ctl.s.peek({ uri: 'a', version: 2 }), 'r2');
});

test('scheduler: immediate runs a debounced request now and keeps its promise', async () => {
  const { s, timers } = setup();
  const p0 = s.request({ uri: 'a', version: 1 });
  timers.runAll();
  await p0;
  const debounced = s.request({ uri: 'a', version: 2 });
  const now = s.request({ uri: 'a', version: 2 }, true);
  assert.deepEqual(timers.delays.slice(-2), [300, 0]);
  assert.equal(timers.queue.size, 1, 'the debounced timer was cleared');
  timers.runAll();
  assert.equal(await debounced, 'result a@2');
  assert.equal(await now, 'result a@2');
});

test('scheduler: the cache is bounded, keeps one version per document, and reset drops everything', async () => {
  const { s, timers } = setup(undefined, 2);
  for (const uri of ['a', 'b', 'c']) {
    const p = s.request({ uri, version: 1 });
    timers.runAll();
    await p;
  }
  assert.equal(s.size, 2);
  assert.equal(s.peek({ uri: 'a', version: 1 }), undefined, 'least recently used went first');
  const p = s.request({ uri: 'c', version: 2 });
  timers.runAll();
  await p;
  assert.equal(s.peek({ uri: 'c', version: 1 }), undefined, 'older version dropped');
  const pending = s.request({ uri: 'b', version: 5 });
  s.reset();
  assert.equal(await pending, undefined);
  assert.equal(s.size, 0);
  s.forget('c');
  assert.equal(timers.queue.size, 0);
});

test('scheduler: a failing analysis resolves undefined and is retried next time', async () => {
  let fail = true;
  const { s, timers } = setup(() => {
    if (fail) throw new Error('boom');
    return 'ok';
  });
  const origError = console.error;
  console.error = () => {};
  try {
    const p = s.request({ uri: 'a', version: 1 });
    timers.runAll();
    assert.equal(await p, undefined);
  } finally {
    console.error = origError;
  }
  fail = false;
  const again = s.request({ uri: 'a', version: 1 });
  timers.runAll();
  assert.equal(await again, 'ok');
});

test('lru: get refreshes recency', () => {
  const l = new Lru<string, number>(2);
  l.set('a', 1);
  l.set('b', 2);
  assert.equal(l.get('a'), 1);
  l.set('c', 3);
  assert.deepEqual(l.keys(), ['a', 'c']);
});

function call(suggestions: Suggestion[]): AnalyzedCall {
  return { suggestions } as unknown as AnalyzedCall;
}
const route = (model: string, savePct: number, saveUsd: number): Suggestion => ({ kind: 'route', model, savePct, saveUsd, text: '' });

test('routing lens: the biggest saving above the threshold (percent), routes only', () => {
  const c = call([
    route('small', 40, 0.001),
    route('tiny', 94, 0.0123),
    { kind: 'limit-output', limit: 500, savePct: 99, saveUsd: 1, text: '' },
  ]);
  assert.equal(bestRoute(c, 30)?.model, 'tiny');
  assert.equal(bestRoute(c, 94), undefined, 'strictly more than the threshold');
  assert.equal(bestRoute(call([route('dearer', -20, -0.01)]), 0), undefined);
  assert.ok(editable({ kind: 'limit-output', limit: 500, savePct: 1, saveUsd: 1, text: '' }));
  assert.ok(!editable({ kind: 'batch', savePct: 50, saveUsd: 1, text: '' }));
});
