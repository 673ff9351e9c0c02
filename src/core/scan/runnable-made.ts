// What a LangChain runnable's reading finds: the construction of the chat model a chain runs, with what its call-shape
// anchor says of it (moved out of runnables.ts, which follows the chain to it).
import type { CallShape, Via } from './call-shape-types';
import type { Prompt } from './runnable-prompts';
import type { StructuredAt } from './lc-structured-output';
import type { Fn } from './function-forms';
import type { CallArgs } from './arg-frames';

export type Made = {
  at: number; open: number; provider?: string; limitParam?: CallShape['limitParam']; defaultModel?: string; prompt?: Prompt; builder?: boolean;
  modelArg?: number; providerPrefix?: string; llm?: true; libraryModel?: { id: string; source: string; module: RegExp }; only?: RegExp;
  libraryLimit?: { value: number; what: string };
  settings?: { key: string; limitParam: string };
  /** The arguments of a chat session started on the object (Via.sessions), token range [from, to). */
  session?: [number, number];
  /** The session was started in the calling file on an object made in another (kotlin-ctor-made.ts). */
  sessionHere?: true;
  /** A session on an object this file does not make (`self.model.start_chat()`): the receiver's text. */
  elsewhere?: string;
  /** The `with_structured_output(Cls)` the chain went through (lc-structured-output.ts). */
  structured?: StructuredAt;
  /** The `bind_tools([…])` the chain went through: its tools are sent with every call (lc-bound-tools.ts). */
  toolsBound?: StructuredAt;
  /** The LangChain `AgentExecutor(…)` the chain is run by: its steps make a run (lc-agent-executor.ts). */
  executor?: StructuredAt;
  /** Made by an imported function called with these arguments: its parameters are bound while the construction is read. */
  bind?: { fn: Fn; args: CallArgs };
  /** A langchainrb class (langchainrb.ts). */
  gem?: string;
  /** Constructions of other arms of a branch its subject, known only at run time, may take (py-factory-arms.ts). */
  alts?: Made[];
};

/** A construction of one of the row's anchors, with what the anchor says about it. */
export function madeOf(a: Via['anchors'][number], at: number, open: number): Made {
  const m: Made = { at, open, provider: a.provider, limitParam: a.limitParam };
  if (a.defaultModel) m.defaultModel = a.defaultModel;
  if (a.builder) m.builder = true;
  if (a.modelArg !== undefined) m.modelArg = a.modelArg;
  if (a.providerPrefix) m.providerPrefix = a.providerPrefix;
  if (a.llm) m.llm = true;
  if (a.libraryModel) m.libraryModel = a.libraryModel;
  if (a.libraryLimit) m.libraryLimit = a.libraryLimit;
  if (a.gem) m.gem = a.gem;
  if (a.only) m.only = a.only;
  if (a.settings) m.settings = a.settings;
  return m;
}

