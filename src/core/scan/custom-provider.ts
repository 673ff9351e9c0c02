// AI SDK `customProvider({ languageModels: { "title-model": google("gemini-1.5-flash-8b") } })` from 'ai': a model
// asked of it by alias (`myProvider.languageModel("title-model")`) is the model the alias names, with its provider
// (https://ai-sdk.dev/docs/reference/ai-sdk-core/custom-provider; olyaiy/agent-vendor lib/models.ts and
// db/actions/chat-actions.tsx). The provider is found in this file or the module the name is imported from.
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { tables } from './scope';
import { args } from './calls';
import { importedBinding, importsOf } from './imported';
import { tableMember } from './members';
import { alternatives } from './branches';
import { exprEnd } from './scope';

/** The two names of a conditional `cond ? a : b` starting at toks[v] (the arms plain names), else undefined. */
function armsOf(s: EvalScope, v: number): [string, string] | undefined {
  const { toks, match } = s;
  const end = exprEnd(s, v);
  for (let k = v; k < end; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], '?')) {
      const [a, colon, b] = [toks[k + 1], toks[k + 2], toks[k + 3]];
      return isId(a) && isP(colon, ':') && isId(b) && k + 4 === end ? [a.v, b.v] : undefined;
    }
  }
  return undefined;
}

/** The names customProvider is exported as: `customProvider` from 'ai' (`experimental_customProvider` before 4.2). */
const CUSTOM_PROVIDER = new Set(['customProvider', 'experimental_customProvider']);

/** The model `provider.languageModel(alias)` names, when `provider` is bound to a customProvider({…}) call. */
export function customProviderModel(s: EvalScope, provider: string, alias: string, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const where = tables(s).binds.has(provider) ? { scope: s, name: provider } : importedBinding(s, provider, depth);
  if (!where) return undefined;
  const { scope, name } = where;
  const { toks, match } = scope;
  const bind = tables(scope).binds.get(name)?.filter((b) => b.kind === 'assign' && b.value >= 0);
  if (bind?.length !== 1) return undefined;
  const v = bind[0].value;
  // `isDev ? ollamaProvider : openaiProvider`: each arm's provider, the dearer model priced (branches.ts).
  const arms = armsOf(scope, v);
  if (arms) {
    const got = arms.map((a) => customProviderModel(scope, a, alias, depth + 1) ?? { runtime: `${a}.languageModel("${alias}")` });
    return got.some((x) => x.str !== undefined) ? alternatives(got, `${name} chosen at run time`) : undefined;
  }
  if (!isId(toks[v]) || !CUSTOM_PROVIDER.has(toks[v].v) || importsOf(scope).names.get(toks[v].v)?.from !== 'ai') return undefined;
  const open = v + 1;
  if (!isP(toks[open], '(') || !(match[open] > open) || !isP(toks[open + 1], '{')) return undefined;
  const models = args(scope, open + 1, match[open + 1]).find((a) => a.key === 'languageModels');
  if (!models || !isP(toks[models.from], '{') || !(match[models.from] > models.from)) return undefined;
  scope.read?.push({ start: toks[v].start, end: toks[match[open]].end });
  return tableMember(scope, models.from, alias, depth + 1);
}
