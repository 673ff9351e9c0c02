// A LangChain chain made by a function of another module and run here: `const chain = makeChain(retriever)` with
// `import { makeChain } from '@/utils/makechain'`, then `chain.invoke({…})` (mayooear/gpt4-pdf-chatbot-langchain
// pages/api/chat.ts). The function is read in its own file, reached through the value index (the resolver), as a
// same-file helper is (runnables.ts): the chain it returns, with its prompt template, else its first construction.
// An object another module makes and exports is read there the same way (`export const model =
// genAI.getGenerativeModel({…})` in config/model.ts, then `model.generateContent(…)` here: jorgeabrahan/smart-budget).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { syntaxFor } from '../lex/languages';
import type { FileScope, ValueIndex } from '../resolve/value-index';
import type { PromptPart, Span, ValueSource } from '../types';
import type { Via } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { imported, importedBinding, importedFunction } from './imported';
import { construction, mayConstruct, MAX_LOOKUPS } from './constructions';
import { basename } from '../resolve/files';
import { helperRunnable, nameRunnable, type Made } from './runnables';
import { exprEnd, tables } from './scope';
import { kotlinTopLevelFiles } from '../resolve/classes';
import { valueEnd, type Ctx } from './values';
import { importers, jsExported } from './js-callers';
import { pyPublic } from './list-callers';
import { IMPORTED_CLIENT_CALLS, importedClientOf } from './imported-clients';
import { args as callArgs } from './calls';
import { evaluate } from './evaluate';
import { noteAgentMade } from './agent-factories';

/**
 * A JS/TS file that runs a chain (`.invoke(`) naming no LangChain class passes the word filter's `needs` only this way:
 * the chain may come from another module, which the index can follow (scanner.ts, node/scan-files.ts). So does one
 * that calls a method of an object only another module makes (`.generateContent(` on a Gemini model; Python's
 * `.generate_content(` on one a method of another module's class makes, instance-made.ts).
 */
export function mayRunImportedChain(languageId: string, has: (word: string) => boolean, index: ValueIndex | undefined): boolean {
  if (!index) return false;
  const id = syntaxFor(languageId).id;
  if (id === 'javascript') return has('.invoke(') || IMPORTED_OBJECT_CALLS.some(has) || IMPORTED_CLIENT_CALLS.some(has) || has(AGENTS_JS);
  // Kotlin `SetupGemini.generativeModel.generateContent(…)` with the object in another file (kotlin-objects.ts).
  if (id === 'kotlin') return IMPORTED_OBJECT_CALLS.some(has);
  if (id !== 'python') return false;
  // A Python file running an agent another module makes (`from pkg.agent import agent`, then `agent.run(…)`); a
  // LangChain module invoking a model another module passes in (a LangGraph node `def inspect(llm, state)`).
  // A module structuring the output of a model another module's factory returns, naming no LangChain word itself
  // (`llm = get_llm(model_size="mini")`, then `llm.with_structured_output(X).invoke(…)`), or invoking it as it is
  // (`from ai.llms import get_openAIModel`, `get_openAIModel().invoke(…)` in a notebook: rajnishm990/django-ai-agent).
  const imports = has('from ') && has(' import ');
  return has('.generate_content(') || ((IMPORTED_RUNS.some(has) || PY_INVOKES.some(has)) && imports) || ((has('langchain') || has(PY_STRUCTURED)) && PY_INVOKES.some(has));
}

/** BaseChatModel.with_structured_output (langchain_core language_models/chat_models.py): only a LangChain model has it. */
export const PY_STRUCTURED = '.with_structured_output(';
/** Its identifier, for the keystroke path's vocabulary (editor/reader-words.ts). */
export const PY_STRUCTURED_WORDS = ['with_structured_output'];

/** A JS file importing from openai-agents-js (`@openai/agents`, `@openai/agents-core`) may `run(agent, …)` an agent another
 * module makes, naming no `Agent` itself: `import { run } from '@openai/agents'; import { plannerAgent } from './agents'`. */
export const AGENTS_JS = '@openai/agents';
/** Calls on a JS object of the call-shape table (a `via` row) that a file may make with the object imported. */
export const IMPORTED_OBJECT_CALLS = ['.generateContent(', '.generateContentStream('];
/** Runs of a Python agent object (Pydantic AI) that a file may make with the agent imported. */
export const IMPORTED_RUNS = ['.run(', '.run_sync(', '.run_stream('];
/** A LangChain runnable's sends (Runnable.invoke / ainvoke / stream / astream) a node module may make on a parameter. */
export const PY_INVOKES = ['.invoke(', '.ainvoke(', '.stream(', '.astream('];

/**
 * A row whose `needs` word (`pydantic_ai`) this file lacks is still the call when its receiver is a name imported
 * from a module that has the word: `agent.run(…)` with `from pkg.agent import agent` (cavenditti/llama-wRESTler
 * phases/preliminary.py). What that module makes is read there (importedObject).
 */
export function neededByImport(c: Ctx, needs: string[], via: Via | undefined, first: number): boolean {
  const { toks } = c;
  // A row with no object of its own (openai-node v3's `.createCompletion(`): its client made in another module.
  if (!via) return isP(toks[first], '.') && importedClientOf(c, first, needs);
  if (!c.index || via.from !== 'receiver' || !isP(toks[first - 1], '.')) return false;
  const other = importedHolder(c, first - 2, first) ?? importedMaker(c, first - 2, first);
  return !!other && needs.some((w) => other.scope.text.includes(w));
}

/**
 * The module and function whose call a receiver at toks[at] is assigned (`agent = get_agent()` with `from ai.agents
 * import get_agent`, then `agent.invoke(…)` in a notebook cell: ARS-saad/django-with-Ai-agent, held71 G1): the object
 * is made there (importedRunnable reads it). Undefined when the name holds anything else.
 */
export function importedMaker(c: Ctx, at: number, before: number): { scope: FileScope; name: string } | undefined {
  const { toks, match } = c;
  if (!c.index || c.syn.id !== 'python' || !isId(toks[at]) || isP(toks[at - 1], '.')) return undefined;
  const def = assignmentBefore(c, toks[at].v, before);
  if (def < 0) return undefined;
  const a = toks[def].v === 'await' ? def + 1 : def;
  if (!isId(toks[a]) || !isP(toks[a + 1], '(') || match[a + 1] < 0 || exprEnd(c, def) !== match[a + 1] + 1) return undefined;
  return importedFunction(c, toks[a].v, 0);
}

/**
 * The module and name of the object a receiver at toks[at] names when another module binds it: `agent` with `from
 * pkg.agent import agent`, or `helper.agent` with `from pkg import helper` / `import helper` (a module imported whole:
 * OhataKenji/librarian cli.py `agent.libralian_agent.invoke(…)`). Undefined when this file binds the name itself.
 */
export function importedHolder(c: Ctx, at: number, before: number): { scope: FileScope; name: string } | undefined {
  const { toks } = c;
  if (!c.index || !isId(toks[at])) return undefined;
  const name = toks[at].v;
  if (!isP(toks[at - 1], '.')) return assignmentBefore(c, name, before) < 0 ? importedBinding(c, name, 0) : undefined;
  if (c.syn.id !== 'python' || !isId(toks[at - 2]) || isP(toks[at - 3], '.') || assignmentBefore(c, toks[at - 2].v, before) >= 0) return undefined;
  const m = imported(c, toks[at - 2].v, 0);
  const scope = m?.obj?.kind === 'module' ? m.obj.scopes.find((s) => tables(s).binds.has(name)) : undefined;
  return scope ? { scope, name } : undefined;
}

/** A module's scan context, kept with its scope, with what the call being read sets on its own context. */
export function contextOf(scope: FileScope, c: Ctx): Ctx {
  let oc = CONTEXTS.get(scope);
  if (!oc) CONTEXTS.set(scope, (oc = { ...scope }));
  oc.shapeKeys = c.shapeKeys;
  oc.limitNested = c.limitNested;
  return oc;
}

/** Made in another module: the construction (token indices in `ctx`) and what the hover says of it. */
export type MadeElsewhere = Made & { ctx: Ctx; what: string };

/** Each module's scan context, kept with its scope (dropped with it when the file changes). */
const CONTEXTS = new KeyMemo<FileScope, Ctx>();

/** The chain a name holds when it is assigned the call of an imported function (`await` allowed), read there. */
export function importedRunnable(c: Ctx, via: Via, name: string, before: number): MadeElsewhere | undefined {
  if (!c.index) return undefined;
  const { toks, match } = c;
  const def = assignmentBefore(c, name, before);
  if (def < 0) return undefined;
  const a = isId(toks[def]) && toks[def].v === 'await' ? def + 1 : def;
  if (!isId(toks[a]) || !isP(toks[a + 1], '(') || match[a + 1] < 0 || exprEnd(c, def) !== match[a + 1] + 1) return undefined;
  const other = importedFunction(c, toks[a].v, 0);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const made = helperRunnable(oc, via, other.name);
  return made ? { ...made, ctx: oc, what: `of the chain ${other.name}() returns` } : undefined;
}

/**
 * `llm = get_llm(model_size="mini")` with `get_llm` imported, then `llm.with_structured_output(S).invoke(…)`: the chain
 * the function returns, read in its module, its parameters bound to this call's known arguments (a text or a number;
 * arg-frames.ts), so that `MODEL_MAP.get(model_size, …)` there reads the entry the caller picks
 * (haseebpvt/agentic-shopping-list-backend llm/llm.py ← server/route/category_route.py).
 */
export function importedHelperRunnable(c: Ctx, via: Via, name: string, open: number, mod?: string): MadeElsewhere | undefined {
  if (!c.index || c.match[open] < 0) return undefined;
  const other = mod === undefined ? importedFunction(c, name, 0) : moduleFunction(c, mod, name);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const pre = callBinding(c, oc, other.name, open);
  const made = helperRunnable(oc, via, other.name, pre);
  if (!made) return undefined;
  const out: MadeElsewhere = 'ctx' in made ? (made as MadeElsewhere) : { ...made, ctx: oc, what: `of the model ${other.name}() returns` };
  const bind = out.ctx === oc ? pre : undefined;
  if (bind) out.bind = bind;
  return out;
}

/**
 * `models.get_llm()` with `from agent import models` (or `import * as models from "./models"`): the function of the
 * module the file imports whole (aekie777-leon/langgraph-refund-agent nodes/complaints.py).
 */
export function moduleFunction(c: Ctx, mod: string, name: string): { scope: FileScope; name: string } | undefined {
  if (c.syn.id !== 'python' && c.syn.id !== 'javascript') return undefined;
  const m = imported(c, mod, 0);
  const scope = m?.obj?.kind === 'module' ? m.obj.scopes.find((s) => tables(s).fns.has(name)) : undefined;
  return scope ? { scope, name } : undefined;
}

/**
 * Function `name` of `fc` called at c's `open`: its parameters bound to the call's known arguments while the model it
 * makes is read, so that each call keeps its own model and limit (`get_model("m", 0.1, 50)` beside `get_model(max_tokens=
 * 1000)` in NirDiamant/GenAI_Agents generate_podcast_agent_langgraph.ipynb, where the largest caller's 1000 was priced).
 */
export function callBinding(c: Ctx, fc: Ctx, name: string, open: number): Made['bind'] {
  const fn = tables(fc).fns.get(name)?.at(-1);
  const list = callArgs(c, open, c.match[open]);
  // No `*args` / `**kwargs` spread: a parameter the call leaves out takes its default (`get_llm()` → MODEL_MAP[None]).
  const all = c.syn.id === 'python' && !list.some((x) => c.toks[x.from]?.v === '*' || c.toks[x.from]?.v === '**') ? { all: true as const } : {};
  return fn && (list.length || all.all) ? { fn, args: { list, scope: c, bind: true, ...all, value: (n: number) => evaluate(c, list[n].from, list[n].to) } } : undefined;
}

/**
 * The object an imported name holds when the module it comes from makes it (`export const model =
 * genAI.getGenerativeModel({…})`), read there: undefined when this file binds the name itself or that module makes
 * no object of the row.
 */
export function importedObject(c: Ctx, via: Via, at: number, before: number): MadeElsewhere | undefined {
  const name = c.toks[at].v;
  if (!c.index || assignmentBefore(c, name, before) >= 0) return undefined;
  const other = importedHolder(c, at, before) ?? (c.syn.id === 'kotlin' && !isP(c.toks[at - 1], '.') ? kotlinTopLevelVal(c, name) : undefined);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  if (!mayConstruct(oc, via)) return undefined;
  const made = construction(oc, via, other.name, oc.toks.length, 0, { left: MAX_LOOKUPS });
  return made ? { ...made, ctx: oc, what: `where ${other.name} is made (${basename(oc.file)})` } : undefined;
}

/**
 * The object a call's receiver or argument at toks[at] names, made in another module: `agent.run(…)`, or Python
 * `Runner.run(triage_agent, q)` / `Runner.run(support.triage_agent, q)` with the agent imported, or its module.
 */
export function importedAt(c: Ctx, via: Via, at: number, end: number, first: number): MadeElsewhere | undefined {
  const { toks } = c;
  if (!isId(toks[at])) return undefined;
  if (via.from === 'receiver') return importedObject(c, via, at, first);
  const e = valueEnd(c, at, end);
  // openai-agents-js `run(plannerAgent, input)` with `import { plannerAgent } from './agents'` (examples/financial-research-agent).
  if (c.syn.id === 'javascript') {
    const made = e === at + 1 ? importedObject(c, via, at, first) : undefined;
    return made && noteAgentMade(c, end, made); // its tools decide the run's turns (runs.ts, agent-tools-given-js.ts)
  }
  if (c.syn.id !== 'python') return undefined;
  if (e === at + 1) return importedObject(c, via, at, first);
  return e === at + 3 && isP(toks[at + 1], '.') && isId(toks[at + 2]) ? importedObject(c, via, at + 2, first) : undefined;
}

/** Files of a Kotlin package read for a top-level val at most. */
const MAX_KT_FILES = 64;

/**
 * Kotlin: a top-level `val name = …` of another file of the package, or of a package the file imports (Kotlin sees a
 * package's top-level declarations from all its files without an import: kotlinlang.org/docs/packages.html), as
 * A01750658/TienditaYa's `val generativeModel = Firebase.vertexAI.generativeModel("…")` in one file of a view-model
 * package, used in another.
 */
function kotlinTopLevelVal(c: Ctx, name: string): { scope: FileScope; name: string } | undefined {
  const idx = c.index!;
  for (const f of kotlinTopLevelFiles(idx.files, c.file, c.text, name).slice(0, MAX_KT_FILES)) {
    const other = f === c.file || !idx.text(f)?.includes(name) ? undefined : idx.scope(f);
    const b = other && tables(other).binds.get(name)?.find((x) => x.kind === 'assign' && topLevel(other, x.name));
    if (b) return { scope: other!, name };
  }
  return undefined;
}

/** No brace opened before token `at` is still open there. */
function topLevel(s: FileScope, at: number): boolean {
  const { toks, match } = s;
  for (let k = 0; k < at; k++) {
    if (!isP(toks[k], '{')) continue;
    if (match[k] < 0 || match[k] > at) return false;
    k = match[k];
  }
  return true;
}

/** A value read in the other module: its source names that file (the hover's link, the model fix's edit). */
export function elsewhere(src: ValueSource | undefined, file: string, offset: number, what: string): ValueSource {
  return src ? { ...src, file: src.file ?? file } : { file, offset, what };
}

/** The chain's or object's prompt parts, placed at the call's receiver here and sourced in the other module. */
export function partsFrom(parts: PromptPart[], file: string, at: Span, what: string): PromptPart[] {
  return parts.map((p) => ({ ...p, span: at, source: elsewhere(p.source, file, p.span.start, `prompt ${what}`) }));
}

/**
 * The modules that import a module-level function whose parameter a runnable is (`def inspect(llm, state):
 * llm.invoke(…)`), with the name each calls it by: where its callers (or `partial(inspect, llm)`) pass the model.
 * Python: a public function (no leading `_`); JS/TS: an exported one.
 */
export function publicCallers(c: Ctx, def: number, fn: string): ReturnType<typeof importers> {
  if (!c.index) return [];
  const open = c.syn.id === 'python' ? pyPublic(c, def, fn) : c.syn.id === 'javascript' && jsExported(c.toks, def, fn);
  return open ? importers(c, fn) : [];
}

/**
 * A chat model (or a chain of one) another module makes and this one imports (`from app.llm import llm`, then
 * `llm.invoke(…)`; `model_with_tool = llm.bind_tools(…)` there): read in that module. Undefined when this file binds
 * the name itself.
 */
export function importedModel(c: Ctx, via: Via, name: string, before: number): MadeElsewhere | undefined {
  if (!c.index || assignmentBefore(c, name, before) >= 0) return undefined;
  const other = importedBinding(c, name, 0) ?? (c.syn.id === 'kotlin' ? kotlinTopLevelVal(c, name) : undefined);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const made = nameRunnable(oc, via, other.name, oc.toks.length);
  return made ? ('ctx' in made ? (made as MadeElsewhere) : { ...made, ctx: oc, what: `where ${other.name} is made (${basename(oc.file)})` }) : undefined;
}
