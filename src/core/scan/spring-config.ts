// Spring AI's autoconfigured chat model: when the code names no model, the starter binds its chat options from the
// module's configuration (spring-ai docs, "Chat Properties": spring.ai.openai.chat.options.model / .max-tokens,
// spring.ai.vertex.ai.gemini.chat.options.max-output-tokens, spring.ai.ollama.chat.options.num-predict,
// spring.ai.anthropic.chat.options.model / .max-tokens, spring.ai.azure.openai.chat.options.deployment-name, …).
// The model is taken when one provider's options name one; the limit from that provider's options (or the only
// provider configured). Options of several providers count only for the starters the build names; several left
// (a project with two starters) leave the model to the code's label.
import type { Ctx } from './values';
import type { Found } from './keys';
import { springProperties, relaxed } from '../resolve/spring-properties';
import { basename, dirname } from '../resolve/files';
import { MODEL_CLASSES, moduleBeans } from './spring-bean-decls';

const OPTION = /^spring\.ai\.(.+)\.chat\.options\.(model|deploymentname|maxtokens|maxcompletiontokens|maxoutputtokens|numpredict)$/;

/** The output limit options: max-tokens, max-completion-tokens (OpenAI), max-output-tokens (Vertex AI Gemini, Google
 * GenAI: spring-ai docs "VertexAI Gemini Chat", chat properties), num-predict (Ollama: OllamaOptions numPredict). */
const LIMITS = new Set(['maxtokens', 'maxcompletiontokens', 'maxoutputtokens', 'numpredict']);

/** Fills a model the code left to configuration, and a missing limit, from the module's Spring properties. */
export function springChatOptions(c: Ctx, f: Found, only?: string): void {
  if (!c.index || !c.file) return;
  let hits = springProperties(c.index.files, dirname(c.file), (k) => OPTION.test(k)).map((h) => {
    const m = OPTION.exec(relaxed(h.key))!;
    return { ...h, provider: m[1], option: m[2] };
  });
  // One provider's options only: the starter model class a bean passes on (spring-beans.ts).
  if (only) hits = hits.filter((h) => h.provider.replace(/[.-]/g, '') === MODEL_CLASSES[only].replace(/[.-]/g, ''));
  if (!hits.length) return;
  let models = hits.filter((h) => h.option === 'model' || h.option === 'deploymentname');
  let providers = new Set((models.length ? models : hits).map((h) => h.provider));
  if (providers.size > 1) {
    // Each provider's options bind only with its starter: the build's starters choose (`azure-openai` is the
    // `spring.ai.azure.openai` prefix).
    const flat = (s: string) => s.replace(/[.-]/g, '');
    const starters = new Set(moduleBeans(c.index, c.file).starters.map((cls) => flat(MODEL_CLASSES[cls])));
    if (starters.size) {
      hits = hits.filter((h) => starters.has(flat(h.provider)));
      models = models.filter((h) => starters.has(flat(h.provider)));
      providers = new Set((models.length ? models : hits).map((h) => h.provider));
    }
  }
  if (providers.size !== 1) return;
  const [provider] = providers;
  const at = (h: (typeof hits)[number]) => ({ file: h.file, offset: h.start, what: `${h.key} in ${basename(h.file)}` });
  const model = models[0];
  // A model or limit the code names, even one known only at run time (`.model(modelName)`), wins over the starter's.
  if (model && f.modelKeyIdx === undefined) f.model = { ref: { id: model.value, span: { start: model.start, end: model.end }, file: model.file, kind: 'constant', source: at(model) } };
  const limit = f.limit || f.limitUnresolved ? undefined : hits.find((h) => h.provider === provider && LIMITS.has(h.option) && /^\d+$/.test(h.value));
  if (limit) f.limit = { value: Number(limit.value), span: { start: limit.start, end: limit.end }, file: limit.file, key: limit.key, source: at(limit) };
}
