// What the keystroke path keeps live (core/editor/live-regions.ts, incremental.ts) is worked out with shortcuts that
// must give what the plain forms give: a hot key told by its first character before normKey's lookup, a companion
// word by its length and first character, the scan's index of the words rows need instead of a set of every
// identifier, and the names of the named regions found by binary search instead of a walk over every token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot } from '../src/core/editor/incremental';
import { isCompanionWord, isHotKey, liveRegions, receiverStart, firstEndingAtOrAfter } from '../src/core/editor/live-regions';
import { echoedWords } from '../src/core/editor/echoed-words';
import { T } from '../src/core/lex/lexer';
import { KEYWORDS, MEMBER_OPS, isOpen } from '../src/core/lex/brackets';
import { CALL_MODEL_KEYS, LIMIT_KEYS, PROMPT_KEYS, THINKING_KEYS, normKey } from '../src/core/scan/call-keys';
import { SHAPES } from '../src/core/scan/call-shapes';
import type { ScanState } from '../src/core/scan/scanner';
import { testTable } from './helpers/table';
import { sources } from './helpers/sources';

const table = testTable();
const HOT = [CALL_MODEL_KEYS, LIMIT_KEYS, THINKING_KEYS, PROMPT_KEYS];
const plainHot = (v: string) => HOT.some((set) => set.has(normKey(v)));
const COMPANIONS = new Set(SHAPES.flatMap((s) => (s.companions ?? []).map((c) => c.anchor[0])));

test('isHotKey answers as normKey looked up in the key tables, for every spelling of every key and any other text', () => {
  const spellings = (k: string) => [k, k.toUpperCase(), `_${k}`, `__${k}`, `-${k}`, `${k[0].toUpperCase()}${k.slice(1)}`, `${k.slice(0, 3)}_${k.slice(3)}`, `${k.slice(0, 2)}-${k.slice(2)}`, `x${k}`];
  let hot = 0;
  for (const set of HOT) {
    for (const k of set) {
      for (const v of spellings(k)) {
        assert.equal(isHotKey(v), plainHot(v), v);
        if (plainHot(v)) hot++;
      }
    }
  }
  assert.ok(hot > 100, `spellings that are keys: ${hot}`);
  // Lower-casing a non-ASCII first character can give an ASCII one (U+212A KELVIN SIGN -> k, U+0130 -> i + dot).
  for (const v of ['', '_', '--', 'İnput', 'Ｍodel', '\u212Aey', 'émodel', 'model\u0301', 'temperature', 'content_type', 'x', '1model']) {
    assert.equal(isHotKey(v), plainHot(v), JSON.stringify(v));
  }
  fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii' }), (v) => isHotKey(v) === plainHot(v)), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (v) => isHotKey(v) === plainHot(v)), { numRuns: 2000 });
});

test('isCompanionWord answers as the set of companion words, for each of them and any other name', () => {
  assert.ok(COMPANIONS.size > 0);
  for (const w of COMPANIONS) {
    assert.equal(isCompanionWord(w), true, w);
    for (const v of [w + 'x', w.slice(1), w.toLowerCase(), w.toUpperCase()]) if (v) assert.equal(isCompanionWord(v), COMPANIONS.has(v), v);
  }
  fc.assert(fc.property(fc.string({ minLength: 1, unit: 'grapheme-ascii' }), (v) => isCompanionWord(v) === COMPANIONS.has(v)), { numRuns: 2000 });
});

/** The names analyzeSnapshot gave before: every identifier token of the file walked against the named regions. */
function plainSignificant(text: string, lang: string, file: string): { significant: Set<string>; regions: unknown } {
  let state: ScanState | undefined;
  const result = analyze(text, lang, file, table, {}, undefined, (s) => (state = s));
  const toks = state?.toks ?? [];
  const match = state?.match ?? new Int32Array(0);
  const readNames = state?.readNames ?? new Set<string>();
  const idents = new Set<string>();
  for (const tk of toks) if (tk.t === T.Id) idents.add(tk.v);
  const { regions, named, constNames } = liveRegions(text, lang, toks, match, state?.consts ?? new Map(), readNames, state?.read ?? [], result, (w) => idents.has(w));
  const significant = new Set<string>([...constNames, ...readNames]);
  echoedWords(result, significant);
  let ri = 0;
  for (const tk of toks) {
    while (ri < named.length && named[ri].end < tk.end) ri++;
    if (ri < named.length && tk.t === T.Id && named[ri].start <= tk.start && !KEYWORDS.has(tk.v)) significant.add(tk.v);
  }
  for (const c of result.calls) {
    const first = firstEndingAtOrAfter(toks, c.site.span.start + 1);
    for (let k = receiverStart(toks, first); k < first; k += 2) significant.add(toks[k].v);
    const end = firstEndingAtOrAfter(toks, c.site.span.end);
    for (let i = firstEndingAtOrAfter(toks, c.site.anchor.end - 1); i <= end && i < toks.length; i++) {
      if (!isOpen(toks[i]) || match[i] < 0) continue;
      for (let j = i + 1; j < match[i]; j++) {
        if (isOpen(toks[j]) && match[j] > j) j = match[j];
        else if (toks[j].t === T.Id && !isOpen(toks[j + 1]) && !MEMBER_OPS.has(toks[j + 1]?.v) && !MEMBER_OPS.has(toks[j - 1]?.v)) significant.add(toks[j].v);
      }
      i = match[i];
    }
  }
  return { significant, regions };
}

test('a snapshot\'s live regions and names are those of the plain walk, on every fixture and example', () => {
  let names = 0;
  for (const src of sources()) {
    const snap = analyzeSnapshot(src.text, src.lang, src.file, table);
    const plain = plainSignificant(src.text, src.lang, src.file);
    const where = path.relative(path.dirname(src.file), src.file);
    assert.deepEqual([...snap.significant].sort(), [...plain.significant].sort(), where);
    assert.deepEqual(snap.regions, plain.regions, where);
    names += snap.significant.size;
  }
  assert.ok(names > 1000, `names kept: ${names}`);
});
