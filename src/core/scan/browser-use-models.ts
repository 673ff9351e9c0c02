// browser-use's own chat models (call-shapes-browser-use.ts BROWSER_USE_CLASSES): `from browser_use import ChatOpenAI`
// is a dataclass of the library, not LangChain's class of the same name (browser-use dropped LangChain in 0.3; older
// releases' agents took LangChain's models, which keep LangChain's names and no default limit). Its output-limit field
// differs (`max_completion_tokens`), and it sends its own limit when given none (ChatOpenAI 4,096), so such a call is
// priced at that limit, labelled "browser-use default", not at the model's maximum.
import type { CallSite } from '../types';
import type { Found } from './keys';
import type { Ctx } from './values';
import { importsOf } from './imported';
import { BROWSER_USE_CLASSES } from './call-shapes-browser-use';

type Row = (typeof BROWSER_USE_CLASSES)[string];

export const isBrowserUseClass = (name: string | undefined): boolean => !!name && Object.hasOwn(BROWSER_USE_CLASSES, name);

/** The browser-use class of the construction at toks[at], when the file imports it from browser_use (import read). */
export function browserUseClass(m: Ctx, at: number): Row | undefined {
  const name = m.toks[at]?.v;
  if (!name || !Object.hasOwn(BROWSER_USE_CLASSES, name)) return undefined;
  const imp = importsOf(m).names.get(name);
  // Where the class is imported from decides: an edit of that import, or one adding it, changes the call.
  void (imp ? m.read?.push(imp.span) : m.readNames?.add(name));
  return imp && imp.name === name && /^browser_use(\.|$)/.test(imp.from) ? BROWSER_USE_CLASSES[name] : undefined;
}

/** The limit the class sends, for a call whose construction at toks[at] sets none (`spread`: a `**kwargs` may set it). */
export function browserUseDefault(m: Ctx, f: Found, at: number, spread: string | undefined): void {
  const row = browserUseClass(m, at);
  if (!row || row.sends === undefined || f.limit || f.limitUnresolved) return;
  const d = defaultLimit(m.toks[at].v, row);
  if (spread) f.limitUnresolved = `${row.limitParam} ${row.sends.toLocaleString('en-US')} (browser-use default) unless ${spread} sets it`;
  else f.sdkDefaultLimit = d;
}

function defaultLimit(cls: string, row: Row): NonNullable<CallSite['sdkDefaultLimit']> {
  return {
    value: row.sends!,
    label: 'browser-use default',
    what: `browser-use's ${cls} sends ${row.limitParam} ${row.sends!.toLocaleString('en-US')} when none is given (browser_use/llm/${row.file} at 85ddbfed, 0.13.8)`,
  };
}

/**
 * A browser-use run's steps: each asks for the AgentOutput JSON (service.py get_model_output: `self.llm.ainvoke(…,
 * output_format=self.AgentOutput)`), and the agent marks its system message and each step's state message for caching
 * (agent/prompts.py: `SystemMessage(content=prompt, cache=True)`, `UserMessage(…, cache=True)`; llm/anthropic/
 * serializer.py turns `cache` into cache_control).
 */
export function browserUseSteps(site: CallSite, cls: string | undefined): void {
  site.stepJson = "each step's reply is browser-use's AgentOutput JSON (its thinking, memory, next goal and actions)";
  site.cacheControl = true;
  // ChatGroq, ChatBrowserUse: no field for a limit, so none to advise.
  const unnamed = cls && Object.hasOwn(BROWSER_USE_CLASSES, cls) ? BROWSER_USE_CLASSES[cls].unnamed : undefined;
  if (unnamed) site.limitUnnamed = unnamed;
}
