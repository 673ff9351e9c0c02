// Same-file callers in a loose folder of Python scripts (no pyproject, requirements or setup file): the folder the scan
// names is the project, as for the import chain (src/core/scan/js-callers.ts chainRoot), so a list a caller builds binds
// the wrapper's `messages` parameter (src/core/scan/file-callers.ts). Outside any scanned root it stays run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValueIndex } from '../src/core/resolve/value-index';
import { findSites } from '../src/core/analyze';
import { memFiles } from './helpers/mem-files';

const SYSTEM = 'You answer questions about the weather in careful detail.';
const FN = [
  'from openai import OpenAI',
  'client = OpenAI()',
  '',
  'def ask(messages):',
  '    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)',
  '',
  'def run(question):',
  `    conversation = [{"role": "system", "content": "${SYSTEM}"}, {"role": "user", "content": question}]`,
  '    return ask(conversation)',
  '',
].join('\n');
const METHOD = [
  'from openai import OpenAI',
  '',
  'class Bot:',
  '    def __init__(self):',
  '        self.client = OpenAI()',
  '',
  '    def ask(self, messages):',
  '        return self.client.chat.completions.create(model="gpt-4o-mini", messages=messages)',
  '',
  '    def run(self, question):',
  `        conversation = [{"role": "system", "content": "${SYSTEM}"}, {"role": "user", "content": question}]`,
  '        return self.ask(conversation)',
  '',
].join('\n');

function sites(text: string, roots: string[]) {
  const index = new ValueIndex(memFiles({ '/w/bot.py': text, '/w/notes.py': 'x = 1\n' }));
  index.roots = roots;
  return findSites(text, 'python', '/w/bot.py', undefined, index).sites;
}

for (const [form, text] of [['a function', FN], ['a method called through self.', METHOD]] as const) {
  test(`a loose folder of scripts: ${form}'s same-file caller gives its messages`, () => {
    const [site] = sites(text, ['/w']);
    assert.ok(site.parts.some((p) => p.resolved && p.text === SYSTEM), 'the caller\'s list is read');
    assert.ok(site.parts.some((p) => !p.resolved && p.label === 'question'));
    // No scanned root holds the folder: its other callers are not in view, the list is left to run time.
    const [out] = sites(text, []);
    assert.ok(!out.parts.some((p) => p.resolved && p.text === SYSTEM));
    assert.ok(out.parts.some((p) => !p.resolved && p.label === 'messages'));
  });
}
