// A prompt that a switch on the model builds (`getSystemPrompt(model)`, `switch (model) { case MODELS.SEARCH: … }`)
// where the call's model has several values (callers that pass different ones: held59 lilseedabe/discord-groq-bot
// src/aiService.js): read once, every arm is a value the prompt can take and the longest is counted, which may be
// another model's than the one priced. The call is then read again once per model, the switch taking that model's
// arm (case-arms.ts), and analyze.ts counts the parts of the model it prices: never one model's price with another's
// prompt.
import type { CallSite } from '../types';
import { collectSubjects, pinned, withPinnedModel } from './case-arms';

/** At most this many models read again. */
const MAX_MODELS = 6;

/** `read(made)` (one reading of a call), with `partsByModel` added when a switch on its models decided its prompt. */
export function readPerModel(made: [number, number][], read: (made: [number, number][]) => CallSite | undefined): CallSite | undefined {
  if (pinned()) return read(made);
  const [site, subjects] = collectSubjects(() => read(made));
  const m = site?.model;
  if (!site || !m?.others?.length || !subjects.length) return site;
  const ids = new Set([m.id, ...m.others].filter(Boolean));
  if (ids.size > MAX_MODELS || !subjects.some((all) => all.every((x) => ids.has(x)))) return site;
  const byModel: Record<string, CallSite['parts']> = {};
  for (const id of ids) {
    // Another reading's spans of made requests are the first one's; they are not added twice.
    const again = withPinnedModel(id, ids, () => read([]));
    if (again) byModel[id] = again.parts;
  }
  site.partsByModel = byModel;
  return site;
}
