// The keystroke path must give exactly what a full analysis gives, whenever it answers at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit, type Edit } from '../src/core/editor/incremental';
import { testTable } from './helpers/table';
import { sources } from './helpers/sources';

const table = testTable();

/** A small seeded generator, so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strip = (r: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify(r));

test('a reused analysis equals the full analysis of the edited text', () => {
  const rand = rng(Number(process.env.SEED ?? 42));
  let reused = 0;
  let full = 0;
  for (const src of sources()) {
    let snap = analyzeSnapshot(src.text, src.lang, src.file, table);
    for (let n = 0; n < Number(process.env.EDITS ?? 25); n++) {
      const at = Math.floor(rand() * (snap.text.length + 1));
      const kind = rand();
      const edit: Edit =
        kind < 0.5
          ? { offset: at, removed: 0, inserted: 'abcxyz_ 1'[Math.floor(rand() * 9)] }
          : kind < 0.8
            ? { offset: at, removed: Math.min(1, snap.text.length - at), inserted: '' }
            : { offset: at, removed: Math.min(2, snap.text.length - at), inserted: 'q' };
      const next = applyEdit(snap, edit);
      const text = snap.text.slice(0, edit.offset) + edit.inserted + snap.text.slice(edit.offset + edit.removed);
      const expected = analyze(text, src.lang, src.file, table);
      if (next) {
        reused++;
        assert.equal(next.text, text);
        assert.deepEqual(strip(next.result), strip(expected), `${path.basename(src.file)}: edit ${JSON.stringify(edit)}`);
        snap = next;
      } else {
        full++;
        snap = analyzeSnapshot(text, src.lang, src.file, table);
      }
    }
  }
  console.log(`keystroke edits: ${reused} reused the last analysis, ${full} needed a full one`);
  assert.ok(reused > 100, 'the fast path is taken for ordinary edits');
});

test('edits that can change a call take the full path', () => {
  const src = 'SYSTEM = "Be brief."\nLIMIT = 500\n\ndef helper(x):\n    return x\n\nclient.chat.completions.create(model="gpt-4o", max_tokens=LIMIT, messages=[{"role": "system", "content": SYSTEM}])\n';
  const snap = analyzeSnapshot(src, 'python', 'a.py', table);
  const at = (s: string) => src.indexOf(s);
  // inside a string, a number, a constant's name, a call, a shape word
  assert.equal(applyEdit(snap, { offset: at('brief'), removed: 0, inserted: 'x' }), undefined);
  assert.equal(applyEdit(snap, { offset: at('500'), removed: 0, inserted: '0' }), undefined);
  assert.equal(applyEdit(snap, { offset: at('LIMIT ='), removed: 1, inserted: '' }), undefined);
  assert.equal(applyEdit(snap, { offset: at('gpt-4o') - 3, removed: 0, inserted: 'x' }), undefined);
  assert.equal(applyEdit(snap, { offset: at('helper'), removed: 6, inserted: 'create' }), undefined);
  // a name in an unrelated function is reused, and later offsets move
  const next = applyEdit(snap, { offset: at('helper'), removed: 0, inserted: 'my_' });
  assert.ok(next);
  assert.equal(next!.result.calls[0].site.span.start, snap.result.calls[0].site.span.start + 3);
  assert.deepEqual(strip(next!.result), strip(analyze(next!.text, 'python', 'a.py', table)));
});
