// An openai-agents-js run whose agent is given a test double for its model sends no request: `new ScriptedModel([…])`
// from `@openai/agents/testing` answers from its script (openai-agents-js 6d0c61a5 packages/agents-core/src/testing/
// scriptedModel.ts `export class ScriptedModel implements Model`; the package's `./testing` export, packages/agents/
// package.json). Real case: examples/docs/testing/workflowDrift.ts:45 (`createOrderAgent(model)` with `const model = new
// ScriptedModel(…)`), fixedResponse.ts:18, toolWorkflow.ts:33. A class of the file that `implements Model`, or one named
// as a double (Fake…, Scripted…, Mock…, Stub…), is one too.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { CALLERS } from './file-callers';
import { USES } from './fstring-holes';
import { importsOf } from './imported';
import { tables } from './scope';
import { argIndex, keyAt, valueEnd, type Ctx } from './values';

/** The testing entry points of the SDK (packages/agents and packages/agents-core package.json `exports["./testing"]`). */
const TESTING = /^@openai\/agents(-core)?\/testing$/;
/** Class names a test double goes by. */
const DOUBLE_NAME = /^(Fake|Scripted|Mock|Stub)[A-Z]\w*$/;
/** Names followed from the `model` value to its construction (a local, a parameter and its callers). */
const MAX_HOPS = 3;

/** Is the agent made at toks[start] of `m` (`new Agent({ …, model })`) given a model object that is a test double? */
export function testModelAgent(m: Ctx, start: number): boolean {
  const { toks, match } = m;
  let open = start;
  while (open < start + 16 && open < toks.length && !isP(toks[open], '(')) open++; // past `.create`, `<Ctx>`
  const obj = isP(toks[open], '(') && isP(toks[open + 1], '{') ? open + 1 : -1;
  if (obj < 0 || match[obj] < 0) return false;
  for (let k = obj + 1; k < match[obj]; k++) {
    if (toks[k].v !== 'model' || isP(toks[k - 1], '.')) continue;
    if (keyAt(m, k) >= 0 && isP(toks[k + 1], ':')) return isDouble(m, k + 2, valueEnd(m, k + 2, match[obj]), 0);
    if (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) return (isP(toks[k + 1], ',') || isP(toks[k + 1], '}')) && isDouble(m, k, k + 1, 0);
  }
  return false;
}

/** The value in [v, e) is `new D(…)` of a test double D, or a name bound to one (a local, or a parameter every caller fills so). */
function isDouble(m: Ctx, v: number, e: number, hops: number): boolean {
  const { toks } = m;
  if (toks[v]?.v === 'new' && isId(toks[v + 1])) return doubleClass(m, toks[v + 1].v);
  if (e !== v + 1 || !isId(toks[v]) || hops >= MAX_HOPS) return false;
  const def = assignmentBefore(m, toks[v].v, v);
  if (def >= 0) return isDouble(m, def, valueEnd(m, def, toks.length), hops + 1);
  return paramOfDouble(m, toks[v].v, v, hops);
}

/** `function createOrderAgent(model: Model) { return new Agent({ model }) }` called only with test doubles. */
function paramOfDouble(m: Ctx, name: string, use: number, hops: number): boolean {
  const { toks, match } = m;
  for (const [fn, list] of tables(m).fns) {
    const f = list.find((x) => x.body <= use && use < x.bodyEnd);
    const params = f ? f.params ?? f.name + 1 : -1;
    if (!f || !isP(toks[params], '(') || match[params] < 0) continue;
    const at = paramPosition(m, params, name);
    if (at < 0) return false;
    m.forward?.add(CALLERS + fn); // a caller after a prefix's cut may pass a real model (editor/prefix.ts)
    let calls = 0;
    for (let k = 0; k + 1 < toks.length; k++) {
      if (toks[k].v !== fn || !isP(toks[k + 1], '(') || k === f.name || isP(toks[k - 1], '.') || toks[k - 1]?.v === 'function') continue;
      const close = match[k + 1];
      const a = close > k ? argIndex(m, k + 2, close, at) : close;
      if (a >= close || !isDouble(m, a, valueEnd(m, a, close), hops + 1)) return false;
      calls++;
    }
    return calls > 0;
  }
  return false;
}

/** The position of parameter `name` in the list opened at `open`, or -1. */
function paramPosition(m: Ctx, open: number, name: string): number {
  const { toks, match } = m;
  let n = 0;
  for (let k = open + 1; k < match[open]; k++) {
    if (isP(toks[k], ',')) n++;
    else if ((isP(toks[k], '(') || isP(toks[k], '{') || isP(toks[k], '[') || isP(toks[k], '<')) && match[k] > k) k = match[k];
    else if (toks[k].v === name && (isP(toks[k - 1], '(') || isP(toks[k - 1], ','))) return n;
  }
  return -1;
}

/** A class imported from the SDK's testing entry, declared here as `implements Model`, or named as a double. */
function doubleClass(m: Ctx, name: string): boolean {
  if (DOUBLE_NAME.test(name)) return true;
  const b = importsOf(m).names.get(name);
  if (b && TESTING.test(b.from)) return true;
  const { toks } = m;
  m.forward?.add(USES + name); // its class may be declared below a prefix's cut
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'class' || toks[k + 1].v !== name) continue;
    for (let j = k + 2; j < toks.length && j < k + 40 && !isP(toks[j], '{'); j++) {
      if (toks[j].v === 'implements' && toks[j + 1]?.t === T.Id && toks[j + 1].v === 'Model') return true;
    }
  }
  return false;
}
