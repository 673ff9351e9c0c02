// Where a Swift SDK initialiser takes its output limit. Swift's labelled arguments must come in the order the init
// declares them ("argument 'temperature' must precede argument 'maxTokens'" otherwise), so the quick fix writes the
// limit before the first argument the init declares after it, or after the last argument when none is. A call with
// an argument whose label the table does not hold (another release, a positional argument) gets no edit: its place
// is not known. Each list is the init's labels in declaration order; later releases only added labels, the order of
// the ones they share is the same (checked at each tag named).
import { isId, isP } from '../lex/brackets';
import type { LimitInsertion } from '../types';
import type { Ctx } from './values';

const ORDERS: { shape: RegExp; labels: readonly string[] }[] = [
  // MacPaw/OpenAI Sources/OpenAI/Public/Models/ChatQuery.swift, `public init(messages:model:…)` at tag 0.5.1 (the
  // same at a532be89); 0.4.0 has maxTokens before maxCompletionTokens, metadata/parallelToolCalls/prediction/
  // serviceTier/store/webSearchOptions came later.
  {
    shape: /^openai\.swift$/,
    labels: ['messages', 'model', 'modalities', 'audioOptions', 'reasoningEffort', 'frequencyPenalty', 'logitBias', 'logprobs', 'maxTokens', 'maxCompletionTokens', 'metadata', 'n', 'parallelToolCalls', 'prediction', 'presencePenalty', 'responseFormat', 'seed', 'serviceTier', 'stop', 'store', 'temperature', 'toolChoice', 'tools', 'topLogprobs', 'topP', 'user', 'webSearchOptions', 'stream', 'streamOptions'],
  },
  // jamesrochabrun/SwiftOpenAI Sources/OpenAI/Public/Parameters/Chat/ChatCompletionParameters.swift,
  // `public init(messages:model:…)` at tag 4.5.0 (= v4.4.5, 4edec2bb); v1.0.0, v3.0, v3.9.0, v4.0.0 hold subsets in
  // this order.
  {
    shape: /^swiftopenai\./,
    labels: ['messages', 'model', 'store', 'reasoningEffort', 'verbosity', 'metadata', 'frequencyPenalty', 'functionCall', 'toolChoice', 'functions', 'tools', 'parallelToolCalls', 'logitBias', 'logProbs', 'topLogprobs', 'maxTokens', 'n', 'modalities', 'prediction', 'audio', 'responseFormat', 'presencePenalty', 'serviceTier', 'seed', 'stop', 'temperature', 'topProbability', 'user', 'streamOptions'],
  },
];

/** The limit's place in a Swift SDK init around the model's label (token `keyIdx`), or undefined when not known. */
export function swiftInsertion(c: Ctx, shapeId: string, keyIdx: number, param: string): LimitInsertion | undefined {
  const order = ORDERS.find((o) => o.shape.test(shapeId))?.labels;
  const at = order?.indexOf(param) ?? -1;
  if (!order || at < 0) return undefined;
  const { toks, match } = c;
  // The `(` of the init: the nearest open bracket before the model's label that is not closed before it.
  let open = -1;
  for (let i = keyIdx - 1, n = 0; i >= 0 && n < 4000; i--, n++) {
    const m = match[i];
    if (m >= 0 && m < i) i = m;
    else if (isP(toks[i], '(')) { open = i; break; }
    else if (m > i) return undefined;
  }
  const close = open >= 0 ? match[open] : -1;
  if (close <= open + 1) return undefined;
  // Each argument at the init's own depth: its label, and where it starts.
  let before: number | undefined;
  for (let i = open + 1; i < close; ) {
    const t = toks[i];
    if (!isId(t) || !isP(toks[i + 1], ':')) return undefined; // an unlabelled argument: its parameter is not known
    const idx = order.indexOf(t.v);
    if (idx < 0 || idx === at) return undefined;
    if (idx > at && before === undefined) before = t.start;
    let j = i + 2;
    while (j < close && !isP(toks[j], ',')) j = match[j] > j ? match[j] + 1 : j + 1;
    i = j + 1;
  }
  if (before !== undefined) {
    // An argument on a line of its own keeps the layout: the limit gets a line of its own above it, same indent.
    const lineStart = c.text.lastIndexOf('\n', before - 1) + 1;
    const indent = c.text.slice(lineStart, before);
    return { offset: before, template: /^[ \t]*$/.test(indent) && lineStart > 0 ? `${param}: {n},\n${indent}` : `${param}: {n}, ` };
  }
  return { offset: toks[close - 1].end, template: `, ${param}: {n}` };
}
