// A request's options in a dict another module writes: `ChatGoogleGenerativeAI(**default_param)` or
// `client.chat.completions.create(**PARAMS, messages=…)` with `from src.utils.llm_utils import default_param`, a dict
// literal at the top of that module (zer0ken/Kyla-Unit-00 src/kyla/nodes/agent_node.py, src/utils/llm_utils.py). Its
// keys are read there, as a dict written in this file is (requests.ts followArgs), with the model and the limit
// sourced in that file. Before, no row where the class has no default model, or "no limit" where the dict sets one.
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { basename } from '../resolve/files';
import { assignmentBefore } from './definitions';
import { importedBinding } from './imported';
import { contextOf, elsewhere, partsFrom } from './imported-runnables';
import { requestAt, type Request } from './request-defs';
import type { Ctx } from './values';

/** The request a Python name at toks[at] holds when another module binds it to a dict literal; undefined otherwise. */
export function importedRequest(c: Ctx, at: number, modelArg?: number): Request | undefined {
  const { toks } = c;
  if (c.syn.id !== 'python' || !c.index || !isId(toks[at]) || isP(toks[at - 1], '.')) return undefined;
  const name = toks[at].v;
  const other = importedBinding(c, name, 0);
  if (!other) return undefined;
  const oc = contextOf(other.scope as FileScope, c);
  // The module's own top-level assignment, read as written once (a later change there is that module's run time).
  const def = assignmentBefore(oc, other.name, oc.toks.length);
  if (def < 0 || !isP(oc.toks[def], '{')) return undefined;
  const req = requestAt(oc, def, modelArg);
  const model = req?.found.model;
  if (!req || !model || !('ref' in model)) return undefined;
  const file = oc.file;
  const what = `in ${other.name} (${basename(file)})`;
  const here = { start: toks[at].start, end: toks[at].end };
  const lim = req.found.limit;
  return {
    start: at,
    end: at,
    found: {
      ...req.found,
      model: { ref: { ...model.ref, file: model.ref.file ?? file, source: elsewhere(model.ref.source, file, model.ref.span.start, `model ${what}`) } },
      limit: lim && { ...lim, file: lim.file ?? file, source: elsewhere(lim.source, file, lim.span.start, `limit ${what}`) },
      parts: partsFrom(req.found.parts, file, here, what),
    },
  };
}
