// A prompt text that is a parameter's literal default with no caller seen (held-out 20: `def ask(prompt: str =
// 'no prompt given')` reached through a dispatch table): counted, and named as run time, for callers may pass
// other text. A default that is a constant keeps the constant's name (lookup.ts) and is not named so.
// A fallback of a run-time text (held33 VG-Fish/Nova-Motors-Server app.py:28, `prompt = prompt if prompt else "Say …"`;
// `prompt or "…"`, `p ?? "…"`): the literal is counted and the run-time text it stands in for stays named beside it.
import type { PromptPart, Span, ValueSource } from '../types';

/** Said of such a value by lookup.ts valueOf. */
const PARAM_DEFAULT = 'default of parameter ';
/** Said of a fallback by evaluate.ts. */
const DEFAULT_OF = 'default of ';

/** The run-time part naming the parameter, or undefined when the text is no parameter's default. */
export function paramDefault(v: { source?: ValueSource; fallback?: true }, span: Span): PromptPart | undefined {
  const what = v.source?.what;
  if (what?.startsWith(PARAM_DEFAULT)) return { text: '', span, resolved: false, label: `${what.slice(PARAM_DEFAULT.length)} (a parameter: its default counted)` };
  if (v.fallback && what?.startsWith(DEFAULT_OF)) return { text: '', span, resolved: false, label: `${what.slice(DEFAULT_OF.length)} (at run time: its fallback counted)` };
  return undefined;
}
