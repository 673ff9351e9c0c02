// A Swift model written as an enum case: MacPaw/OpenAI's `.gpt4_o`, SwiftOpenAI's `.gpt4o`, and SwiftOpenAI's
// `.custom("llama3")`, whose `value` is the string it holds (Sources/OpenAI/Public/Parameters/Model.swift at 4edec2bb:
// `case custom(String)`, `case .custom(let model): model`).
import { isId, isP } from '../lex/brackets';
import { SDK_MODEL_CONSTANTS } from './sdk-model-ids';
import type { Ctx, ModelValue } from './values';
import type { EvalScope, Value } from './value';

type Eval = (s: EvalScope, from: number, to: number, depth: number) => { v?: Value };

/** At `.` (token i) before a name: the SDK constant's id, `.custom(…)`'s argument read by `inner`, else run time. */
export function swiftCaseModel(c: Ctx, i: number, end: number, inner: (from: number, to: number) => ModelValue): ModelValue {
  const { toks, match } = c;
  const name = toks[i + 1];
  if (name.v === 'custom' && c.syn.id === 'swift' && isP(toks[i + 2], '(') && match[i + 2] > i + 2 && match[i + 2] < end) {
    const got = inner(i + 3, match[i + 2]);
    return got && 'ref' in got ? got : { unresolved: c.text.slice(toks[i].start, toks[match[i + 2]].end) };
  }
  const id = SDK_MODEL_CONSTANTS[name.v];
  return id ? { ref: { id, span: { start: name.start, end: name.end }, kind: 'sdk-constant' } } : { unresolved: '.' + name.v };
}

/** The evaluator's reading of a Swift implicit member at token i (`let model: Model = .gpt4o`, an `if` arm's
 * `.custom(name)`): the SDK constant's id, or what `.custom(…)` holds; undefined for any other member. */
export function swiftCaseValue(s: EvalScope, i: number, end: number, depth: number, expr: Eval): { v?: Value; next: number } | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'swift' || !isP(toks[i], '.') || !isId(toks[i + 1]) || (i > 0 && toks[i - 1].end === toks[i].start && isId(toks[i - 1]))) return undefined;
  const name = toks[i + 1].v;
  if (name === 'custom' && isP(toks[i + 2], '(') && match[i + 2] > i + 2 && match[i + 2] < end) {
    return { v: expr(s, i + 3, match[i + 2], depth + 1).v, next: match[i + 2] + 1 };
  }
  const id = SDK_MODEL_CONSTANTS[name];
  return id && !isP(toks[i + 2], '(') ? { v: { str: id, source: { file: s.file, offset: toks[i + 1].start, what: `SDK constant .${name}` } }, next: i + 2 } : undefined;
}
