// openai-agents `Runner.run(agent, input, run_config=config)` with `config = RunConfig(model=…)` (here or imported):
// the run's model overrides the model set on every agent (openai-agents-python src/agents/run_config.py: RunConfig.model
// "The model to use for the entire agent run. If set, will override the model set on every agent"). The agent still
// gives the instructions and, unless the run's settings say otherwise, the limit.
export { testModelAgent } from './agents-js-test-model'; // openai-agents-js: a run on a test double (read-call.ts)
import { isId, isP } from '../lex/brackets';
import { readModel, valueEnd, type Ctx } from './values';
import type { Found } from './keys';
import type { Via } from './call-shape-types';
import { construction, madeAt, MAX_LOOKUPS } from './constructions';
import { elsewhere, importedObject } from './imported-runnables';

const RUN_CONFIG: Via = { from: 0, anchors: [{ anchor: ['RunConfig', '('] }], chains: true };

/** Sets `f.model` from the call's `run_config=` when that RunConfig names a model. */
export function runConfigModel(c: Ctx, f: Found, open: number, end: number, first: number): void {
  if (c.syn.id !== 'python') return;
  const at = keyedArg(c, open, end, 'run_config');
  if (at < 0) return;
  const e = valueEnd(c, at, end);
  let made = isP(c.toks[e - 1], ')') && c.match[e - 1] > at ? madeAt(RUN_CONFIG, c.toks, c.match[e - 1]) : undefined;
  let m = c;
  if (!made && e === at + 1 && isId(c.toks[at])) {
    made = construction(c, RUN_CONFIG, c.toks[at].v, first, 0, { left: MAX_LOOKUPS });
    const other = made ? undefined : importedObject(c, RUN_CONFIG, at, first);
    if (other) [made, m] = [other, other.ctx];
  }
  if (!made || m.match[made.open] < 0) return;
  const close = m.match[made.open];
  const k = keyedArg(m, made.open + 1, close, 'model');
  if (k < 0) return;
  const v = readModel(m, k, valueEnd(m, k, close));
  if (!v || !('ref' in v)) return;
  f.model = m === c ? v : { ref: { ...v.ref, file: v.ref.file ?? m.file, source: elsewhere(v.ref.source, m.file, v.ref.span.start, `model of the run config (${m.file.split('/').pop()})`) } };
}

/** The value start of the keyword argument `key=…` among the arguments in [from, to), or -1. */
function keyedArg(c: Ctx, from: number, to: number, key: string): number {
  const { toks, match } = c;
  let start = true;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if (start && isId(tk) && tk.v === key && isP(toks[k + 1], '=')) return k + 2;
    start = isP(tk, ',');
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
  }
  return -1;
}
