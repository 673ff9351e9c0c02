// A LangChain runnable a function of the file returns (runnables.ts reads its callers' uses): the chain its `return`
// runs, else the first construction in its body (Python: the one in the arm its caller's argument selects).
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { anchorStart } from './links';
import { functionDef, functionEnd } from './definitions';
import { exprEnd, tables } from './scope';
import type { Ctx } from './values';
import type { Prompt } from './runnable-prompts';
import { madeOf, type Made } from './runnable-made';
import { returnsGraph } from './graph-helpers';
import { chooseArm } from './py-factory-arms';
import { underArgs } from './arg-frames';

/** Constructions of a Python helper's body read for its arms, at most. */
const MAX_MADE = 16;

type Found = { made?: Made; prompt?: Prompt };

/**
 * A same-file helper's chain: what a JS/TS `return` runs (`return chain`, with its prompt; `const make = (r) => …`
 * too), else the first construction in its body (`def get_llm(): llm = ChatOpenAI(…)`), else, in Python, what a
 * `return` runs (`def get_router(): return get_llm().with_structured_output(Route)`, aekie777-leon/langgraph-refund-agent
 * models.py). `operand` reads an expression's token range [from, to).
 */
export function inHelper(c: Ctx, via: Via, name: string, operand: (from: number, to: number) => Found, bind?: Made['bind']): Found {
  // JS/TS: the last definition (after a TypeScript overload's signatures).
  const fn = c.syn.id === 'javascript' ? tables(c).fns.get(name)?.at(-1) : undefined;
  const def = fn ? fn.name : functionDef(c, name);
  const end = fn ? (fn.expr ? fn.bodyEnd - 1 : fn.bodyEnd) : def >= 0 ? functionEnd(c, def) : -1;
  c.readNames?.add(name);
  // Defined below the call, or its body cut by the end of the text: left to the full analysis (editor/prefix.ts).
  c.forward?.add(name);
  if (def < 0) return {};
  const { toks } = c;
  if (def - 1 < end + 1 && toks[def - 1] && toks[end]) c.read?.push({ start: toks[def - 1].start, end: toks[end].end });
  if (end >= toks.length) c.read?.push({ start: toks[def].start, end: c.text.length });
  if (fn?.expr) {
    const found = operand(fn.body, fn.bodyEnd);
    if (found.made) return found;
  }
  if (c.syn.id === 'javascript') {
    const found = returned(c, def, end, operand);
    if (found) return found;
  }
  if (returnsGraph(c, via, def, end)) return {};
  // Python: every construction in the body, the arm the caller's argument selects deciding (py-factory-arms.ts).
  const all: Made[] = [];
  for (let j = def + 2; j < end && all.length < MAX_MADE; j++) {
    if (!isP(toks[j], '(')) continue;
    for (const a of via.anchors) {
      const at = anchorStart(toks, j, a.anchor);
      if (at <= def) continue;
      if (c.syn.id !== 'python') return { made: madeOf(a, at, j) };
      all.push(madeOf(a, at, j));
      break;
    }
  }
  if (all.length) {
    // An AgentExecutor returned (`return AgentExecutor(agent=create_tool_calling_agent(llm, …), …)`) is read whole, the
    // model it runs made in the body: its prompt and steps are the call's (lc-agent-executor.ts).
    const whole = c.syn.id === 'python' ? returned(c, def, end, operand) : undefined;
    if (whole?.made?.executor) return whole;
    const made = all.length === 1 ? all[0] : underArgs(c, bind, () => chooseArm(c, all, def));
    return made ? { made } : {};
  }
  return (c.syn.id === 'python' && returned(c, def, end, operand)) || {};
}

/** The first `return` in the body (def, end], end its last token, whose expression runs a model. */
function returned(c: Ctx, def: number, end: number, operand: (from: number, to: number) => Found): Found | undefined {
  for (let j = def + 2; j < end; j++) {
    if (!isId(c.toks[j]) || c.toks[j].v !== 'return') continue;
    const e = Math.min(exprEnd(c, j + 1), end + 1);
    const found = operand(j + 1, e);
    if (found.made) return found;
    j = e - 1;
  }
  return undefined;
}
