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

/** The two arms of a conditional `cond ? a : b` starting at toks[v], as token ranges [from, to), else undefined. */
function armsOf(s: EvalScope, v: number): [[number, number], [number, number]] | undefined {
  const { toks, match } = s;
  const end = exprEnd(s, v);
  for (let k = v; k < end; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], '?')) {
      // The `:` at the arms' level: past the first arm's brackets (`customProvider({ … })`).
      let c = k + 1;
      while (c < end && !isP(toks[c], ':')) c = (isP(toks[c], '(') || isP(toks[c], '[') || isP(toks[c], '{')) && match[c] > c ? match[c] + 1 : c + 1;
      return c > k + 1 && c + 1 < end ? [[k + 1, c], [c + 1, end]] : undefined;
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
  // `isDev ? ollamaProvider : openaiProvider`: each arm's provider, the dearer model priced (branches.ts). An arm may be a
  // customProvider({…}) call itself; one whose model for the alias is a test double (`chatModel` from './models.test',
  // the ai-chatbot template's `isTestEnvironment ? customProvider({ mocks }) : customProvider({ … })`) is no model the
  // app runs with and is left out.
  const arms = armsOf(scope, v);
  if (arms) {
    const got: Value[] = [];
    for (const [from, to] of arms) {
      if (to === from + 1 && isId(toks[from])) got.push(customProviderModel(scope, toks[from].v, alias, depth + 1) ?? { runtime: `${toks[from].v}.languageModel("${alias}")` });
      else if (!mockEntry(scope, from, alias)) got.push(providerCall(scope, from, alias, depth) ?? { runtime: `${name}.languageModel("${alias}")` });
    }
    if (got.length === 1) return got[0].str !== undefined ? got[0] : undefined;
    return got.some((x) => x.str !== undefined) ? alternatives(got, `${name} chosen at run time`) : undefined;
  }
  return providerCall(scope, v, alias, depth);
}

/** The `languageModels` object of a `customProvider({…})` call at toks[v] (customProvider from 'ai'), else -1. */
function modelsObject(scope: EvalScope, v: number): number {
  const { toks, match } = scope;
  if (!isId(toks[v]) || !CUSTOM_PROVIDER.has(toks[v].v) || importsOf(scope).names.get(toks[v].v)?.from !== 'ai') return -1;
  const open = v + 1;
  if (!isP(toks[open], '(') || !(match[open] > open) || !isP(toks[open + 1], '{')) return -1;
  const models = args(scope, open + 1, match[open + 1]).find((a) => a.key === 'languageModels');
  return models && isP(toks[models.from], '{') && match[models.from] > models.from ? models.from : -1;
}

function providerCall(scope: EvalScope, v: number, alias: string, depth: number): Value | undefined {
  const { toks, match } = scope;
  const models = modelsObject(scope, v);
  if (models < 0) return undefined;
  scope.read?.push({ start: toks[v].start, end: toks[match[v + 1]].end });
  return tableMember(scope, models, alias, depth + 1);
}

/** A module of test doubles: `./models.test`, `./models.mock`, `../test/models`. */
const TEST_MODULE = /(?:^|[./-])(?:tests?|mocks?)(?:$|[./-])/;

/** The alias's entry in the customProvider call at toks[v] is a name imported from a module of test doubles. */
function mockEntry(scope: EvalScope, v: number, alias: string): boolean {
  const models = modelsObject(scope, v);
  if (models < 0) return false;
  const e = args(scope, models, scope.match[models]).find((a) => a.key === alias);
  const from = e && e.to === e.from + 1 && isId(scope.toks[e.from]) ? importsOf(scope).names.get(scope.toks[e.from].v)?.from : undefined;
  return from !== undefined && TEST_MODULE.test(from);
}
