// Loop bounds read from a cut of a data set in a Python `for` header (scan/py-cut-bound.ts): pandas head/tail/sample,
// a slice, through enumerate/tqdm and through a name bound once to the cut (the form of held74 P1,
// secnec/LLM-Log-Explainer-project notebooks/gemini_prompting.ipynb: `selected = lines.head(3)` then
// `for _, a in selected.iterrows()`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const SRC = `import pandas as pd
from openai import OpenAI
from tqdm import tqdm

client = OpenAI()
reviews = pd.read_csv("reviews.csv")
few = reviews.head(3)
notes = ["a", "b", "c", "d", "e", "f", "g", "h"]


def label(text):
    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": text}], max_tokens=5)


for _, row in few.iterrows():
    label(row["text"])
for i, note in enumerate(notes[:6]):
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": note}], max_tokens=5)
for _, row in tqdm(reviews.sample(n=20).iterrows(), desc="judging"):
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": row["text"]}], max_tokens=5)
for _, row in reviews.head().iterrows():
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": row["text"]}], max_tokens=5)
for text in reviews["text"][2:12]:
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": text}], max_tokens=5)
for _, row in reviews.iterrows():
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": row["text"]}], max_tokens=5)
for _, row in reviews.sample(frac=0.1).iterrows():
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": row["text"]}], max_tokens=5)
for note in notes[-3:]:
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": note}], max_tokens=5)
`;

const byLine = new Map(analyze(SRC, 'python', 'judge.py', table).calls.map((c) => [c.line, c]));

test('a loop over head(n) / sample(n=…) / a slice runs at most that many times, through enumerate, tqdm and a name', () => {
  assert.equal(byLine.get(12)!.site.run?.turns, 3, 'few = reviews.head(3), a helper called in the loop');
  assert.equal(byLine.get(18)!.site.run?.turns, 6, 'enumerate(notes[:6])');
  assert.equal(byLine.get(20)!.site.run?.turns, 20, 'tqdm(reviews.sample(n=20).iterrows(), …)');
  assert.equal(byLine.get(22)!.site.run?.turns, 5, 'head() is pandas n=5');
  assert.equal(byLine.get(24)!.site.run?.turns, 10, '[2:12]');
});

test('all rows, a fraction, or a slice from the end is no count', () => {
  assert.equal(byLine.get(26)!.site.run?.turns, undefined);
  assert.equal(byLine.get(28)!.site.run?.turns, undefined);
  assert.equal(byLine.get(30)!.site.run?.turns, undefined);
});
