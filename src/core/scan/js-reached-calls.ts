// An exported JS/TS class or function that no other module of its package imports (its test aside) is called from
// elsewhere with values no file here shows; but a call of it in its own file that the package reaches is one the app
// makes: `new SdkOpenAIGateway(openai, config.openai.model, config.openai.systemMessage)` in the factory beside the
// class, `openAIGatewayFactory(config)` being what src/index.mts calls (through the `export *` of gateways/index.mts),
// the class itself imported by its test alone (held-out gpt_telegram_bot src/gateways/openai.gateway.mts). A same-file
// call in a function no module imports stays no evidence: an exported helper's demo may pass what its users do not.
import type { Fn } from './function-forms';
import { tables } from './scope';
import { importers, jsExported } from './js-callers';
import type { EvalScope } from './value';

/** Is the call at token k, outside the function `own`, in an exported function of the file that another module imports? */
export function reachedCall(s: EvalScope, k: number, own: Fn): boolean {
  if (k >= own.body && k < own.bodyEnd) return false;
  let at: Fn | undefined;
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!at || f.body > at.body)) at = f;
  if (!at) return false;
  const name = s.toks[at.name].v;
  return jsExported(s.toks, at.name, name) && importers(s, name).some((o) => o.scope.file !== s.file);
}
