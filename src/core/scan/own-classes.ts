// A class of the app's own that shares a LangChain chat model's name: Perplexica's `new OllamaLLM({ baseURL, model })`
// (ItzCrazyKns/Perplexica src/lib/models/providers/ollama/index.ts) makes its own wrapper, imported from
// `./ollamaLLM`, which sends through the `ollama` client itself. Taken for LangChain's OllamaLLM it was a row with
// the advice "Set numPredict". A name the file imports from a relative module or one of the workspace's, or defines
// as a class, is the app's.
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import type { Ctx } from './values';

/** Is the class named at toks[first] imported from the workspace (or a relative path) or defined in this file? */
export function ownClassAt(c: Ctx, first: number): boolean {
  if (c.syn.id !== 'javascript' && c.syn.id !== 'python') return false;
  const { toks } = c;
  const name = toks[first].v;
  const b = importsOf(c).names.get(name);
  if (b) {
    c.read?.push(b.span);
    return b.from.startsWith('.') || c.index?.module(c.file, b.from, c.syn.id) !== undefined;
  }
  for (let k = 0; k + 1 < toks.length; k++) if (toks[k].v === 'class' && isId(toks[k + 1]) && toks[k + 1].v === name && !isP(toks[k - 1], '.')) return true;
  return false;
}
