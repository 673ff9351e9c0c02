// DSPy programs (scan/dspy.ts, dspy-signature.ts, dspy-react.ts, dspy-bindings.ts): a module called is the model call,
// its input the ChatAdapter's messages, its LM the one dspy.configure / dspy.context set. The form of held74 P2
// (secnec/LLM-Log-Explainer-project notebooks/DSPy/example_classification.ipynb: `dspy.LM("openrouter/openai/o1",
// max_tokens=5000)`, `dspy.configure(lm=lm)`, `dspy.Evaluate(devset=…)(predictor, metric=…)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { adapterText, type Signature } from '../src/core/scan/dspy-signature';

const table = buildTable(loadShipped().sheets);
const rows = (src: string) => new Map(analyze(src, 'python', 'prog.py', table).calls.map((c) => [c.line, c]));

test('the ChatAdapter messages of "question -> answer" are the ones dspy 3.3.1 sends', () => {
  const sig: Signature = {
    name: 'qa', span: { start: 0, end: 0 }, instructions: 'Given the fields `question`, produce the fields `answer`.',
    inputs: [{ name: 'question', type: 'str', desc: '' }], outputs: [{ name: 'answer', type: 'str', desc: '' }],
  };
  const t = adapterText(sig);
  assert.equal(t.system, 'Your input fields are:\n1. `question` (str):\nYour output fields are:\n1. `answer` (str):\n' +
    'All interactions will be structured in the following way, with the appropriate values filled in.\n\n' +
    '[[ ## question ## ]]\n{question}\n\n[[ ## answer ## ]]\n{answer}\n\n[[ ## completed ## ]]\n' +
    'In adhering to this structure, your objective is: \n        Given the fields `question`, produce the fields `answer`.');
  assert.deepEqual(t.userHeaders, ['[[ ## question ## ]]\n']);
  assert.equal(t.userTail, 'Respond with the corresponding output fields, starting with the field `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.');
});

const P2 = `import dspy
from typing import Literal

class Labeler(dspy.Signature):
    """Label the log line."""
    text: str = dspy.InputField()
    label: Literal['io', 'network', 'other'] = dspy.OutputField()

labeler = dspy.Predict(Labeler)
metric = lambda x, y, trace=None: x.label == y.label
lm = dspy.LM("openrouter/openai/o1", api_key=KEY, temperature=1.0, max_tokens=5000)
dspy.configure(lm=lm)
evaluate = dspy.Evaluate(devset=trainset, num_threads=8)
score = evaluate(labeler, metric=metric)
`;

test('an Evaluate of a predictor runs it once per example on the configured LM, with its max_tokens', () => {
  const r = rows(P2).get(14)!;
  assert.equal(r.site.sdk, 'DSPy');
  assert.equal(r.site.model?.id, 'openrouter/openai/o1');
  assert.equal(r.site.maxOutput?.value, 5000);
  assert.equal(r.site.run?.turns, undefined, 'how many examples is known at run time');
  assert.match(r.site.run!.turnsFrom, /one call per example of trainset/);
  assert.ok(r.site.parts.some((p) => !p.resolved && p.label === "value of input field text (each example's)"));
  assert.ok(!r.suggestions.some((s) => s.kind === 'limit-output'), 'the LM sets max_tokens');
  // Where the LM and the predictor are made, nothing is sent.
  assert.deepEqual([...rows(P2).keys()], [14]);
});

test('no LM in the file: model and limit are the configured LM\'s, known at run time, and no limit advice', () => {
  const r = rows(`import dspy\nqa = dspy.ChainOfThought("question -> answer")\nqa(question="Why?")\n`).get(3)!;
  assert.equal(r.site.model, undefined);
  assert.equal(r.site.maxOutputUnresolved, 'max_tokens of the LM dspy.configure(lm=…) sets (not in this file)');
  assert.ok(!r.suggestions.some((s) => s.kind === 'limit-output'));
});

const MORE = `import dspy

lm = dspy.LM("openai/gpt-4.1-mini")
dspy.configure(lm=lm)
qa = dspy.Predict("question -> answer")


class Unused(dspy.Module):
    def __init__(self):
        self.qa = qa

    def forward(self, question):
        return self.qa(question=question)


with dspy.context(lm=dspy.LM("anthropic/claude-haiku-4-5", max_tokens=300)):
    qa(question="Why is the sky blue?")
qa(question="Why is grass green?")
agent = dspy.ReAct("question -> answer", tools=[search])
agent(question="Who wrote it?")
print(lm("hi"))
`;

test('a context LM holds inside its block; ReAct runs max_iters steps; an LM called is a row; a module nothing makes is none', () => {
  const r = rows(MORE);
  assert.equal(r.has(13), false, 'Unused is never made');
  assert.equal(r.get(17)!.site.model?.id, 'anthropic/claude-haiku-4-5');
  assert.equal(r.get(17)!.site.maxOutput?.value, 300);
  assert.equal(r.get(18)!.site.model?.id, 'openai/gpt-4.1-mini');
  assert.equal(r.get(18)!.site.maxOutput, undefined);
  assert.ok(r.get(18)!.suggestions.some((s) => s.text.startsWith('Add max_tokens=600 to the dspy.LM(…)')));
  assert.equal(r.get(20)!.site.run?.turns, 21, 'ReAct default max_iters=20 and the extract call');
  assert.equal(r.get(20)!.site.run?.growsHistory, true);
  assert.equal(r.get(21)!.site.model?.id, 'openai/gpt-4.1-mini');
  assert.deepEqual(r.get(21)!.site.parts.map((p) => p.text), ['hi']);
});
