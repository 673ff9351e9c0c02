// hole-fill.ts globalRebinds: does a function that declares a module name `global` rebind it (then the module's text is
// not the value), or only read it (held63 Pravin2003/Invoice-Assistant: `global system_prompt`, read in an f-string)?
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globalRebinds } from '../src/core/scan/hole-fill';

const mod = (body: string) => `system_prompt = "You read invoices."\n\ndef ask(q):\n    global system_prompt\n${body}`;

test('a global name only read is not rebound', () => {
  assert.equal(globalRebinds(mod('    return f"{system_prompt}\\n{q}"\n'), 'system_prompt'), false);
  assert.equal(globalRebinds(mod('    if system_prompt == "x":\n        pass\n'), 'system_prompt'), false);
  assert.equal(globalRebinds(mod('    call(system_prompt=q)\n'), 'system_prompt'), false);
});

test('a global name assigned, augmented, unpacked, annotated, looped over or bound by as is rebound', () => {
  for (const body of ['    system_prompt = q\n', '    system_prompt += q\n', '    other, system_prompt = q, q\n', '    system_prompt: str = q\n', '    for a, system_prompt in pairs:\n        pass\n', '    with open(q) as system_prompt:\n        pass\n']) {
    assert.equal(globalRebinds(mod(body), 'system_prompt'), true, body);
  }
});

test('a name no function declares global is never rebound this way', () => {
  assert.equal(globalRebinds('system_prompt = "a"\n\ndef f():\n    system_prompt = "b"\n', 'system_prompt'), false);
  assert.equal(globalRebinds('def f():\n    global other\n    system_prompt = "b"\n', 'system_prompt'), false);
});

test('hostile text: long runs of names, commas and spaces are read in one pass', () => {
  const long = `global ${'a, '.repeat(20000)}system_prompt\n    ${'a , '.repeat(20000)}x == 1\nfor ${'a ,'.repeat(20000)}`;
  assert.equal(globalRebinds(long, 'system_prompt'), false);
});
