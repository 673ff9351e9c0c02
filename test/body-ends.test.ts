// Where bodies end (src/core/scan/body-ends.ts): Ruby's `… end` blocks, counted keyword by keyword.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rubyEnd } from '../src/core/scan/body-ends';
import { lex } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';

/** The text from `def` to the `end` rubyEnd matches with it. */
function defBody(src: string): string {
  const toks = lex(src, syntaxFor('ruby'));
  const def = toks.findIndex((t) => t.v === 'def');
  const end = rubyEnd(src, toks, def + 1);
  return end < toks.length ? src.slice(toks[def].start, toks[end].end) : '(no end)';
}

const method = (body: string) => `def f\n${body}\nend\ndef g\n  1\nend\n`;

test('rubyEnd: an if statement on its own line opens a block, even after a line ending in a name', () => {
  const body = '  note_choice\n  if verbose\n    puts "x"\n  end\n  "done"';
  assert.equal(defBody(method(body)), `def f\n${body}\nend`);
});

test('rubyEnd: modifiers after a call, a name or a literal open nothing', () => {
  const body = '  log(x) if verbose\n  return nil unless ok\n  puts "a" while busy?\n  retry_it until done';
  assert.equal(defBody(method(body)), `def f\n${body}\nend`);
});

test('rubyEnd: a value-giving if / case after = or ( opens a block', () => {
  const body = '  m = if fast then "a" else "b" end\n  n = (case k when 1 then 2 end)';
  assert.equal(defBody(method(body)), `def f\n${body}\nend`);
});

test('rubyEnd: while … do and until … do are one block; for opens one; a do block on the next line is its own', () => {
  const body = '  while tries < 3 do\n    tries += 1\n  end\n  until done do\n    step\n  end\n  for i in 0..2\n    sum += i\n  end\n  items.each do |i|\n    puts i\n  end';
  assert.equal(defBody(method(body)), `def f\n${body}\nend`);
});

test('rubyEnd: keywords used as names (obj.class, range.end, if: / class: options) open and close nothing', () => {
  const body = '  name = self.class.name\n  last = (0..3).end\n  validates :x, if: :strict?\n  tag(class: "btn", unless: :off)';
  assert.equal(defBody(method(body)), `def f\n${body}\nend`);
});
