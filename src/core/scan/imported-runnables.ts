// A LangChain chain made by a function of another module and run here: `const chain = makeChain(retriever)` with
// `import { makeChain } from '@/utils/makechain'`, then `chain.invoke({…})` (mayooear/gpt4-pdf-chatbot-langchain
// pages/api/chat.ts). The function is read in its own file, reached through the value index (the resolver), as a
// same-file helper is (runnables.ts): the chain it returns, with its prompt template, else its first construction.
import { isId, isP } from '../lex/brackets';
import { syntaxFor } from '../lex/languages';
import type { FileScope, ValueIndex } from '../resolve/value-index';
import type { PromptPart, Span, ValueSource } from '../types';
import type { Via } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { importedFunction } from './imported';
import { helperRunnable, type Made } from './runnables';
import { exprEnd } from './scope';
import type { Ctx } from './values';

/**
 * A JS/TS file that runs a chain (`.invoke(`) naming no LangChain class passes the word filter's `needs` only this way:
 * the chain may come from another module, which the index can follow (scanner.ts, node/scan-files.ts).
 */
export function mayRunImportedChain(languageId: string, has: (word: string) => boolean, index: ValueIndex | undefined): boolean {
  return !!index && syntaxFor(languageId).id === 'javascript' && has('.invoke(');
}

/** Each module's scan context, kept with its scope (dropped with it when the file changes). */
const CONTEXTS = new WeakMap<FileScope, Ctx>();

/** The chain a name holds when it is assigned the call of an imported function (`await` allowed), read there. */
export function importedRunnable(c: Ctx, via: Via, name: string, before: number): (Made & { ctx: Ctx; fn: string }) | undefined {
  if (!c.index) return undefined;
  const { toks, match } = c;
  const def = assignmentBefore(c, name, before);
  if (def < 0) return undefined;
  const a = isId(toks[def]) && toks[def].v === 'await' ? def + 1 : def;
  if (!isId(toks[a]) || !isP(toks[a + 1], '(') || match[a + 1] < 0 || exprEnd(c, def) !== match[a + 1] + 1) return undefined;
  const other = importedFunction(c, toks[a].v, 0);
  if (!other) return undefined;
  let oc = CONTEXTS.get(other.scope);
  if (!oc) CONTEXTS.set(other.scope, (oc = { ...other.scope }));
  // What the call being read sets on its context, for the keys read there.
  oc.shapeKeys = c.shapeKeys;
  oc.limitNested = c.limitNested;
  const made = helperRunnable(oc, via, other.name);
  return made ? { ...made, ctx: oc, fn: other.name } : undefined;
}

/** A value read in the other module: its source names that file (the hover's link, the model fix's edit). */
export function elsewhere(src: ValueSource | undefined, file: string, offset: number, what: string): ValueSource {
  return src ? { ...src, file: src.file ?? file } : { file, offset, what };
}

/** The chain's prompt parts, placed at the call's receiver here and sourced in the other module. */
export function partsFrom(parts: PromptPart[], file: string, at: Span, fn: string): PromptPart[] {
  return parts.map((p) => ({ ...p, span: at, source: elsewhere(p.source, file, p.span.start, `prompt of the chain ${fn}() returns`) }));
}
