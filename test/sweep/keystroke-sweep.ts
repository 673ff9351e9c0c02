// `npm run sweep [-- STRIDE] [-- FILTER]`: the keystroke path against the full analysis, every file of the fixtures and
// examples. At every STRIDE-th offset (11 by default) an `x` is typed and, separately, one character deleted; where
// applyEdit reuses the last analysis, the reused result must equal a full analysis of the edited text. FILTER keeps
// the files whose path contains it. Prints one BAD line per differing file (path, edits differing, edits reused, the
// first offsets with their text) and a summary; exits 1 when a file differs. Not part of `npm test`: a stride-11
// pass analyses every file once per reused edit (minutes on one core).
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { analyzeSnapshot, applyEdit, type Edit } from '../../src/core/editor/incremental';
import { testTable } from '../helpers/table';
import { sources } from '../helpers/sources';
import { ROOT } from '../util';

const stride = Math.max(1, Number(process.argv[2] ?? 11) || 11);
const filter = process.argv[3] ?? '';
const table = testTable();
const json = (r: unknown) => JSON.stringify(JSON.parse(JSON.stringify(r)));
const started = Date.now();
let files = 0;
let badFiles = 0;
let badEdits = 0;
let reusedAll = 0;
let edits = 0;
for (const src of sources()) {
  const rel = path.relative(ROOT, src.file).split(path.sep).join('/');
  if (!rel.includes(filter)) continue;
  files++;
  const text = src.text;
  const snap = analyzeSnapshot(text, src.lang, src.file, table);
  let bad = 0;
  let reused = 0;
  const where: string[] = [];
  for (let at = 0; at < text.length; at += stride) {
    const tries: Edit[] = [{ offset: at, removed: 0, inserted: 'x' }, { offset: at, removed: Math.min(1, text.length - at), inserted: '' }];
    for (const edit of tries) {
      edits++;
      const next = applyEdit(snap, edit);
      if (!next) continue;
      reused++;
      const edited = text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.removed);
      if (json(next.result) === json(analyze(edited, src.lang, src.file, table))) continue;
      bad++;
      if (where.length < 3) where.push(`${edit.removed ? 'del' : 'x'}@${at} ${JSON.stringify(text.slice(Math.max(0, at - 12), at + 12))}`);
    }
  }
  reusedAll += reused;
  if (!bad) continue;
  badFiles++;
  badEdits += bad;
  console.log(`BAD ${rel} ${bad} of ${reused} reused: ${where.join(' ')}`);
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`stride ${stride}${filter ? `, filter "${filter}"` : ''}: ${files} files, ${edits} edits, ${reusedAll} reused; ${badFiles} files and ${badEdits} edits differ; ${secs} s`);
process.exitCode = badFiles ? 1 : 0;
