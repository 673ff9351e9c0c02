// A LangChain chat model handed in by the caller: `def __init__(self, chat_model: BaseChatOpenAI): self.model =
// chat_model`, then `self.model.invoke(…)` or `(self.prompt | self.model).invoke(…)` (held53 O1/O2, a labeler whose
// models a pipeline config picks). The parameter's annotation, a LangChain model class the file imports from a
// langchain package, says the object is a chat model made elsewhere: the call is one, its model and limit set where
// the object is made (run time here). BaseChatOpenAI: langchain_openai chat_models/base.py, the base of ChatOpenAI and
// AzureChatOpenAI; BaseChatModel / BaseLanguageModel / BaseLLM: langchain_core language_models.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { LANGCHAIN_CHAT_MODELS } from './langchain-classes';
import { enclosingDef } from './runnable-tokens';
import type { Made } from './runnable-made';
import type { Ctx } from './values';

/** Per scanned file, the model classes its calls' typed parameters name (a factory returning one is theirs). */
const TYPED = new KeyMemo<Ctx, Set<string>>();

const MODEL_TYPES = new Set([...LANGCHAIN_CHAT_MODELS.map(([cls]) => cls), 'BaseChatOpenAI', 'BaseChatModel', 'BaseLanguageModel', 'BaseLLM']);

/** `found` when it holds a model; else, for a Python parameter `name: T` of the function around `use` with T such a
 * class, a model made elsewhere; else `found`. */
export function typedModelParam<F extends { made?: Made }>(c: Ctx, name: string, use: number, found: F): F | { made: Made } {
  if (found.made || c.syn.id !== 'python') return found;
  const { toks, match } = c;
  const def = enclosingDef(c, use);
  if (def < 0 || !isP(toks[def + 1], '(')) return found;
  for (let k = def + 2; k + 2 < match[def + 1]; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || !isP(toks[k + 1], ':') || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ','))) continue;
    // A union (`llm: LlamaCpp | ChatGroq | ChatOpenAI`, dceoy/gcmg suggestion.py:132): its first model class.
    let j = k + 2;
    while (!modelClass(c, j) && isP(toks[j + 1], '|') && j + 2 < match[def + 1]) j += 2;
    const from = modelClass(c, j);
    if (!from) return found;
    const type = toks[j].v;
    c.read?.push({ start: toks[k].start, end: toks[j].end }, from.span);
    TYPED.set(c, (TYPED.get(c) ?? new Set()).add(type));
    // A union is named as written: the model may be any of its classes.
    let e = j;
    while (isP(toks[e + 1], '|') && e + 2 < match[def + 1]) e += 2;
    const written = e > k + 2 ? c.text.slice(toks[k + 2].start, toks[e].end).replace(/\s+/g, ' ') : type;
    return { made: { at: k, open: k + 1, elsewhere: `${name}: ${written}` } };
  }
  return found;
}

/** The import of the LangChain model class named at token j (imported from a langchain package), if it is one. */
function modelClass(c: Ctx, j: number): ReturnType<ReturnType<typeof importsOf>['names']['get']> {
  const t = c.toks[j];
  const from = isId(t) && MODEL_TYPES.has(t.v) ? importsOf(c).names.get(t.v) : undefined;
  return from && /^langchain/.test(from.from) ? from : undefined;
}

/**
 * Is the construction at `at` returned by a function annotated `-> T` (`def azure_chat_model(params) -> BaseChatOpenAI:
 * return AzureChatOpenAI(…)`) in a file whose calls send a parameter typed T? The factory makes the object those calls
 * are given: priced there (model made elsewhere), not as a call of its own.
 */
export function returnedToTypedParams(c: Ctx, at: number): boolean {
  const types = TYPED.get(c);
  const { toks, match } = c;
  if (!types || toks[at - 1]?.v !== 'return') return false;
  const def = enclosingDef(c, at);
  const close = def >= 0 && isP(toks[def + 1], '(') ? match[def + 1] : -1;
  if (close < 0 || !isP(toks[close + 1], '->') || !isId(toks[close + 2])) return false;
  c.read?.push({ start: toks[def].start, end: toks[at].end });
  return types.has(toks[close + 2].v);
}
