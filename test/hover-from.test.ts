// The hover names the files a call's values come from in one line under its title (src/core/report/sources.ts
// fromLine): the editor caps a hover's height and the cost table alone fills it, so a "From" section at the bottom
// sat below the fold (e2e 03c screenshot, session 48). The full section stays below, with what each value is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { hoverMarkdown } from '../src/core/report/format';
import type { PriceTable, ValueSource } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function call(rel: string) {
  const file = path.join(EXAMPLES, rel);
  return analyze(fs.readFileSync(file, 'utf8'), 'python', file, table(), {}, undefined, undefined, diskIndex()).calls[0];
}

test('values from two other modules: one linked line right under the title names each file and what it gives', () => {
  const c = call('python/helpdesk/reply.py');
  const link = (src: ValueSource) => `file://${src.file}#L${src.line}`;
  const lines = hoverMarkdown(c, table(), link).split('\n');
  assert.match(lines[0], /^\*\*Prompt Cost\*\*/);
  assert.match(lines[2], /^From \[settings\.py:4\]\(file:\/\/.*\/helpdesk\/settings\.py#L4\) model · \[settings\.py:5\]\(.*#L5\) output limit · \[prompts\.py:3\]\(file:\/\/.*\/helpdesk\/prompts\.py#L3\) prompt$/);
  // The detailed section is still there, below the table.
  assert.ok(lines.indexOf('**From**') > lines.findIndex((l) => l.startsWith('| input')));
});

test('no line when every value is in the call own file; unlinked names without a link maker', () => {
  const own = call('python/support_bot.py');
  assert.ok(own, 'examples/python/support_bot.py has a call');
  assert.doesNotMatch(hoverMarkdown(own, table()), /^From /m);
  assert.match(hoverMarkdown(call('python/helpdesk/reply.py'), table()), /^From settings\.py:4 model · settings\.py:5 output limit · prompts\.py:3 prompt$/m);
});
