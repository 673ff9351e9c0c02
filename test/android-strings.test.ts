// Android string resources as aapt decodes them (https://developer.android.com/guide/topics/resources/string-resource:
// "Escaping apostrophes and quotes", "Formatting and styling"): the text `getString(R.string.x)` returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../src/core/scan/android-strings';

test('whitespace folds to one space and the ends are trimmed; a CDATA section is text', () => {
  assert.equal(decode('\n    Hello,\n        world.  \n'), 'Hello, world.');
  assert.equal(decode('<![CDATA[\n  <b>not markup</b> & more\n]]>'), '<b>not markup</b> & more');
});

test('escapes, entities and double quotes', () => {
  assert.equal(decode("It\\'s a \\\"test\\\"\\nnext line"), 'It\'s a "test"\nnext line');
  assert.equal(decode('a &lt;b&gt; &amp; &#65;&#x42; \\u00e9'), 'a <b> & AB é');
  // Unescaped double quotes keep whitespace inside them and are dropped.
  assert.equal(decode('"  two  spaces  " kept'), '  two  spaces   kept');
});

test('inline markup is styling, not text; a comment is nothing', () => {
  assert.equal(decode('Say <b>hello</b> <!-- a note --> now'), 'Say hello now');
});
