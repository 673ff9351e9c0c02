// src/core/scan/data-rows.ts: a call in a loop over a data file's rows runs once per row; the rows are counted when
// the file is in the workspace, else the run is per row, known at run time (held71 H1, H2, O1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { csvRecords, jsonItems } from '../src/core/scan/data-rows';

const FRAME = `import pandas as pd
import google.generativeai as genai

df = pd.read_csv("answers.csv")
model = genai.GenerativeModel("gemini-2.5-flash")
for i, row in df.iterrows():
    prompt = f"Pick the answer to {row['question']}: {row['a']} or {row['b']}"
    out = model.generate_content(prompt)
`;

const READER = `import csv
from openai import OpenAI

client = OpenAI()
SOURCE = "reviews/graded.csv"


def grade(text):
    r = client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": f"Grade: {text}"}])
    return r.choices[0].message.content


with open(SOURCE, newline="") as src, open("out.csv", "w") as dst:
    rows = csv.DictReader(src)
    for row in rows:
        dst.write(grade(row["answer"]))
`;

const PLAIN = `import csv, json
from openai import OpenAI

client = OpenAI()
reader = csv.reader(open("notes.tsv"))
next(reader)
for line in reader:
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": line[0]}], max_tokens=50)
for item in enumerate(json.load(open("cases.json"))):
    client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": str(item)}], max_tokens=50)
`;

function runsOf(code: string, files: Record<string, string>) {
  const all: Record<string, string> = { '/app/main.py': code, ...files };
  const ws: WorkspaceFiles = { read: (p) => all[p], list: () => undefined };
  return findSites(code, 'python', '/app/main.py', undefined, new ValueIndex(ws)).sites.map((s) => s.run && { turns: s.run.turns, from: s.run.turnsFrom });
}

test('a loop over a CSV file read by pandas runs once per row of the file (header left out)', () => {
  const csv = 'question,a,b\n"Which, of these",x,y\nWhy,"two\nlines",z\n\nLast,p,q\n';
  assert.deepEqual(runsOf(FRAME, { '/app/answers.csv': csv }), [{ turns: 3, from: 'for i, row in df.iterrows(); 3 rows of answers.csv' }]);
  // Not in the workspace, or larger than the index reads (1 MB): still one call per row, the count known at run time.
  assert.equal(runsOf(FRAME, { '/app/answers.csv': 'q\n' + 'x,y,z\n'.repeat(200_000) })[0]?.turns, undefined);
  assert.deepEqual(runsOf(FRAME, {}), [{ turns: undefined, from: 'for i, row in df.iterrows(); per row of answers.csv (run time: file not found, or over the size read)' }]);
});

test('a helper called in a loop over csv.DictReader rows of a with-opened file runs once per row', () => {
  const runs = runsOf(READER, { '/app/reviews/graded.csv': 'answer\none\ntwo\n' });
  assert.equal(runs[0]?.turns, 2);
  assert.match(runs[0]?.from ?? '', /2 rows of graded\.csv/);
});

test('csv.reader after next(reader) skips the header; json.load counts the array items', () => {
  const runs = runsOf(PLAIN, { '/app/notes.tsv': 'h\ta\nr1\tx\nr2\ty\nr3\tz\n', '/app/cases.json': '[{"q": 1}, {"q": 2}]' });
  assert.deepEqual(runs.map((r) => r?.turns), [3, 2]);
});

test('CSV records (quoted line breaks, blank lines) and JSON items are counted', () => {
  assert.equal(csvRecords('a,b\n1,2\n'), 2);
  assert.equal(csvRecords('a\n"x\n y"\n\n'), 2);
  assert.equal(jsonItems('{"a": 1, "b": 2}'), 2);
  assert.equal(jsonItems('not json'), -1);
});
