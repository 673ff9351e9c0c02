// dspy.ReAct(signature, tools=[…], max_iters=20) (stanfordnlp/dspy 3.3.1 predict/react.py:17-79): each step is a
// Predict over a signature ReAct builds, the module's instructions followed by its agent text and one line per tool,
// the inputs plus `trajectory`, outputs next_thought, next_tool_name (a Literal of the tools' names and "finish"),
// next_tool_args (dict[str, Any]). forward (react.py:95-122) makes up to max_iters steps, the trajectory growing each
// step, then one ChainOfThought extract call.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { RunSite, Span } from '../types';
import { readNumber, type Ctx } from './values';
import { kwarg } from './dspy-args';
import { valueEnd } from './value-end';
import type { SigField, Signature } from './dspy-signature';

/** ReAct's max_iters default (react.py:17; its docstring's "Defaults to 10" is stale). */
const DEFAULT_ITERS = 20;

/** The signature of one ReAct step; what the tools' lines hold is known at run time. */
export function reactSignature(c: Ctx, sig: Signature, open: number, close: number): { sig: Signature; unknown: string[] } {
  const { toks, match } = c;
  const names: string[] = [];
  const unknown: string[] = [];
  const t = kwarg(c, open, close, 'tools');
  if (t >= 0 && isP(toks[t], '[') && match[t] > t) {
    for (let k = t + 1; k < match[t]; k = valueEnd(c, k, match[t]) + 1) {
      if (isId(toks[k]) && (isP(toks[k + 1], ',') || k + 1 === match[t])) names.push(toks[k].v);
      else unknown.push(`a tool of ReAct's tools (${c.text.slice(toks[k].start, toks[Math.max(k, valueEnd(c, k, match[t]) - 1)].end)})`);
    }
  } else unknown.push("ReAct's tools (known at run time)");
  const inputs = sig.inputs.map((f) => `\`${f.name}\``).join(', ');
  const outputs = sig.outputs.map((f) => `\`${f.name}\``).join(', ');
  const instr = sig.instructions ? [`${sig.instructions}\n`] : [];
  instr.push(
    `You are an Agent. In each episode, you will be given the fields ${inputs} as input. And you can see your past trajectory so far.`,
    `Your goal is to use one or more of the supplied tools to collect any necessary information for producing ${outputs}.\n`,
    'To do this, you will interleave next_thought, next_tool_name, and next_tool_args in each turn, and also when finishing the task.',
    'After each tool call, you receive a resulting observation, which gets appended to your trajectory.\n',
    'When writing next_thought, you may reason about the current situation and plan for future steps.',
    'When selecting the next_tool_name and its next_tool_args, the tool must be one of:\n',
  );
  // Tool.__str__ (adapters/types/tool.py:270-273): the function's name, docstring and argument schema.
  names.forEach((n, k) => instr.push(`(${k + 1}) ${n}.`));
  if (names.length) unknown.push(`the description and argument schema of each tool (${names.join(', ')})`);
  instr.push(`(${names.length + 1}) finish, whose description is <desc>Marks the task as complete. That is, signals that all information for producing the outputs, i.e. ${outputs}, are now available to be extracted.</desc>. It takes arguments {}.`);
  instr.push('When providing `next_tool_args`, the value inside the field must be in JSON format');
  const str = (name: string): SigField => ({ name, type: 'str', desc: '' });
  const toolNames = [...names, 'finish'];
  return {
    sig: {
      name: sig.name, span: sig.span, instructions: instr.join('\n'),
      inputs: [...sig.inputs, str('trajectory')],
      outputs: [str('next_thought'), { name: 'next_tool_name', type: `Literal[${toolNames.map((n) => `'${n}'`).join(', ')}]`, desc: '', literal: toolNames }, { name: 'next_tool_args', type: 'dict[str, Any]', desc: '' }],
    },
    unknown: [...unknown, 'the trajectory so far (grows each step)'],
  };
}

/** Up to max_iters steps and one extract call, the trajectory resent and growing each step. */
export function dspyReactRun(c: Ctx, mod: { open: number; close: number }, span: Span): RunSite {
  const base = { kind: 'agent' as const, growsHistory: true, anchor: { ...span }, extent: { ...span } };
  const at = kwarg(c, mod.open, mod.close, 'max_iters');
  if (at < 0) return { ...base, turns: DEFAULT_ITERS + 1, turnsSource: 'framework-default', turnsFrom: `dspy.ReAct default max_iters=${DEFAULT_ITERS} steps and one extract call (dspy 3.3.1 predict/react.py:17)` };
  const n = readNumber(c, at, valueEnd(c, at, mod.close));
  if (!n || c.toks[at].t === T.Str) return { ...base, turnsSource: 'setting', turnsFrom: `dspy.ReAct max_iters=${c.text.slice(c.toks[at].start, c.toks[at].end)} steps (known at run time) and one extract call` };
  return { ...base, turns: n.value + 1, turnsSource: 'code', turnsFrom: `dspy.ReAct max_iters=${n.value} steps and one extract call` };
}
