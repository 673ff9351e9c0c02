// names-followed.ts: each name's lists read from one index of the file's identifiers are what a walk of the tokens
// per punctuation finds (the walk it replaced), in order, undefined for a name never followed by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, lex, type Token } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';
import { isP } from '../src/core/lex/brackets';
import { calledNames, namesFollowedBy, namesIn } from '../src/core/scan/names-followed';

/** The walk namesFollowedBy made before: every identifier followed by `punct`, from `from`. */
function walked(toks: Token[], punct: string, from: number): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let k = from; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || !isP(toks[k + 1], punct)) continue;
    const list = m.get(toks[k].v);
    if (list) list.push(k);
    else m.set(toks[k].v, [k]);
  }
  return m;
}

const SOURCES: [string, string][] = [
  ['python', 'ask(q)\nx = 1\nx += ask(x)\ndef ask(p):\n    total -= 2\n    return client.chat(p)\nask(x) ; y = x\n'],
  ['go', 'func run() {\n\tprompt := "a"\n\tprompt += b\n\tc.Send(prompt)\n\tSend(x)\n\tn -= 1\n\tcfg.Model = m\n}\n'],
  ['javascript', 'send(a); const send = (b) => b; obj.model = send; x += 1; send\n(c);\n'],
];

test('namesFollowedBy: the lists of a walk per punctuation, from the file\'s one index of names', () => {
  for (const [lang, src] of SOURCES) {
    const toks = lex(src, syntaxFor(lang));
    const names = new Set(toks.filter((t) => t.t === T.Id).map((t) => t.v));
    for (const [punct, from] of [['(', 0], ['(', 1], ['=', 0], ['+=', 0], ['-=', 0], ['.', 0]] as const) {
      const want = walked(toks, punct, from);
      const got = namesFollowedBy(toks, punct, from);
      for (const n of [...names, 'absent']) assert.deepEqual(got.get(n), want.get(n), `${lang} ${punct} ${from} ${n}`);
      // Asked again: the same list.
      for (const n of names) assert.equal(got.get(n), got.get(n));
    }
    const called = walked(toks, '(', 1);
    for (const n of names) assert.deepEqual(calledNames(toks).get(n), called.get(n));
    // Every identifier's occurrences, in order.
    for (const n of names) assert.deepEqual(namesIn(toks).get(n), toks.flatMap((t, i) => (t.t === T.Id && t.v === n ? [i] : [])));
  }
});
