// A run's "max" is never below its expected cost: over every call of the fixture corpus that runs in a loop or an
// agent, run.totalUsdMax ≥ run.totalUsdExpected, and the JSON row says the same. A run with no output bound counted
// its input alone as its "max" (cost/run.ts), below the expected cost of the same turns with their answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './util';
import { analyze } from '../src/core/analyze';
import { languageIdForFile } from '../src/core/lex/languages';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { rowOf } from '../src/core/report/report';

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pricing' || d.name === 'hostile' ? [] : fixtureFiles(p);
    return fs.existsSync(p + '.expect.json') && !p.endsWith('.ipynb') ? [p] : [];
  });
}

test('every run of the fixture corpus: max ≥ expected, in the estimate and in the JSON row', () => {
  const table = buildTable(loadShipped().sheets);
  let runs = 0;
  const bad: string[] = [];
  for (const file of fixtureFiles(FIXTURES)) {
    const lang = languageIdForFile(file);
    if (!lang) continue;
    for (const c of analyze(fs.readFileSync(file, 'utf8'), lang, file, table).calls) {
      const r = c.run;
      if (!r || !c.estimate.modelKnown) continue;
      runs++;
      const row = rowOf(path.basename(file), c).run!;
      if (r.totalUsdMax + 1e-12 < r.totalUsdExpected || row.totalUsdMax! < row.totalUsdExpected!) bad.push(`${path.relative(FIXTURES, file)}:${c.line} max ${r.totalUsdMax} < expected ${r.totalUsdExpected}`);
    }
  }
  // 63 priced runs when written; a run with no output bound is in runs.test.ts (its fixtures all have a bound).
  assert.ok(runs >= 50, `${runs} priced runs: the corpus should hold many`);
  assert.deepEqual(bad, []);
});
