// Spring AI's EmbeddingModel: `embeddingModel.embed(text)`, `embed(texts)`, `embedForResponse(texts)` on the model the
// starter makes (spring-ai-model embedding/EmbeddingModel.java: embed(String), embed(Document), embed(List<String>),
// embedForResponse(List<String>); 0.8's EmbeddingClient the same). The model is the embedding options' of the module's
// properties (spring-ai docs "OpenAI Embeddings" properties: spring.ai.openai.embedding.options.model; 2.0 binds
// spring.ai.openai.embedding.model too, the `.options.` form deprecated: OpenAiEmbeddingProperties at v2.0.1), else the
// OpenAI starter's default, "text-embedding-ada-002" at every release (spring-projects/spring-ai v0.8.1
// OpenAiEmbeddingProperties.DEFAULT_EMBEDDING_MODEL, v1.0.0 and v1.1.8 the same, v2.0.1 OpenAiEmbeddingOptions
// DEFAULT_EMBEDDING_MODEL = TEXT_EMBEDDING_ADA_002). Another provider's default is not guessed.
import type { Ctx } from './values';
import type { Found } from './keys';
import { relaxed, springProperties } from '../resolve/spring-properties';
import { basename, dirname } from '../resolve/files';
import { moduleBeans } from './spring-bean-decls';
import { topLevelBinds } from './spring-ai-defaults';
import { moduleVersion } from './spring-config';
import { buildFilesAbove } from '../resolve/jvm-modules';

const OPTION = /^spring\.ai\.(.+?)\.embedding\.(options\.)?model$/;
const OPENAI_DEFAULT = 'text-embedding-ada-002';

/** The ONNX starter embeds in the application's own process (spring-ai models/spring-ai-transformers
 * TransformersEmbeddingModel: a local ONNX runtime session, no request sent): no call to price. */
const LOCAL_STARTER = /spring-ai-(?:starter-model-)?transformers\b/;

/** Fills the model of a Spring AI embeddings call the code leaves to the starter; false when the module's one
 * embedding model runs in process (the transformers starter alone), so the call is no API call. */
export function springEmbeddingOptions(c: Ctx, f: Found, call: number): boolean {
  if (!c.index || !c.file) return true;
  const top = topLevelBinds(moduleVersion(c));
  const hits = springProperties(c.index.files, dirname(c.file), (k) => OPTION.test(k), true).filter((h) => top || !!OPTION.exec(relaxed(h.key))![2]);
  const providers = new Set(hits.map((h) => OPTION.exec(relaxed(h.key))![1]));
  if (providers.size > 1) return true;
  const h = hits[0];
  if (h?.runtime) {
    f.model = { unresolved: `${h.key} in ${basename(h.file)} (set at run time)` };
    return true;
  }
  if (h) {
    f.model = { ref: { id: h.value, span: { start: h.start, end: h.end }, file: h.file, kind: 'constant', source: { file: h.file, offset: h.start, what: `${h.key} in ${basename(h.file)}` } } };
    return true;
  }
  // No options: the OpenAI starter's default, when it is the module's one starter and its build states a release.
  const starters = moduleBeans(c.index, c.file).starters;
  if (!starters.length) return !buildFilesAbove(c.index.files, c.file).some((b) => LOCAL_STARTER.test(c.index!.files.read(b.file) ?? ''));
  if (starters.length !== 1 || starters[0] !== 'OpenAiChatModel' || !moduleVersion(c)) return true;
  const at = { start: call, end: call };
  f.model = { ref: { id: OPENAI_DEFAULT, span: at, kind: 'constant', unwritten: true, source: { offset: call, what: 'default of spring.ai.openai.embedding.options.model (OpenAiEmbeddingProperties.DEFAULT_EMBEDDING_MODEL)' } } };
  return true;
}
