// LangChain4j AI services that Quarkus makes (quarkus-langchain4j): an interface annotated `@RegisterAiService`
// (core/runtime/.../RegisterAiService.java) becomes a bean injected into a resource, a WebSocket endpoint or a test;
// each method called on it is a call to the chat model the provider extension makes from the module's configuration,
// and so is a call on an injected `ChatModel`. The model config is the default one, or the named one of
// `@RegisterAiService(modelName = "…")`: `quarkus.langchain4j.<provider>[.<name>].chat-model.*`, the provider the one
// extension the build names, or `quarkus.langchain4j[.<name>].chat-model.provider` (core/deployment
// .../config/LangChain4jBuildConfig.java, ChatModelConfig.java `provider`). A property left out takes the extension's
// default (the provider's runtime config ChatModelConfig.java `@WithDefault`, named per row below); one with no
// default leaves the model unknown. Pure: build files and properties are asked of the workspace resolver.
import type { CallSite } from '../types';
import type { Ctx } from './values';
import type { WorkspaceFiles } from '../resolve/files';
import { basename, dirname } from '../resolve/files';
import { buildFilesAbove } from '../resolve/jvm-modules';
import { relaxed, springProperties, type PropertyHit } from '../resolve/spring-properties';

const QL4J = 'quarkiverse/quarkus-langchain4j';

/** A provider extension: its artifact (`quarkus-langchain4j-<ext>`), its provider id, its config prefix after
 * `quarkus.langchain4j.`, the model option and its default, the limit options and the limit's default; each default
 * from the file named. The same chat-model config makes the streaming model (openai OpenAiRecorder.java). */
interface Provider {
  ext: string;
  id: string;
  prefix: string;
  model: string;
  defaultModel?: string;
  limits: string[];
  defaultLimit?: number;
  source: string;
}

const PROVIDERS: Provider[] = [
  { ext: 'openai', id: 'openai', prefix: 'openai', model: 'model-name', defaultModel: 'gpt-4o-mini', limits: ['max-tokens', 'max-completion-tokens'],
    source: `${QL4J} model-providers/openai/openai-vanilla/runtime/.../openai/runtime/config/ChatModelConfig.java` },
  { ext: 'azure-openai', id: 'azure-openai', prefix: 'azure-openai', model: 'deployment-name', limits: ['max-tokens'],
    source: `${QL4J} model-providers/openai/azure-openai/runtime/.../azure/openai/runtime/config/ChatModelConfig.java (no default deployment)` },
  { ext: 'anthropic', id: 'anthropic', prefix: 'anthropic', model: 'model-name', defaultModel: 'claude-3-haiku-20240307', limits: ['max-tokens'], defaultLimit: 1024,
    source: `${QL4J} model-providers/anthropic/runtime/.../anthropic/runtime/config/ChatModelConfig.java` },
  { ext: 'ollama', id: 'ollama', prefix: 'ollama', model: 'model-id', defaultModel: 'llama3.2', limits: ['num-predict'],
    source: `${QL4J} model-providers/ollama/runtime/.../ollama/runtime/config/ChatModelFixedRuntimeConfig.java` },
  { ext: 'mistral-ai', id: 'mistralai', prefix: 'mistralai', model: 'model-name', defaultModel: 'mistral-tiny', limits: ['max-tokens'],
    source: `${QL4J} model-providers/mistral/runtime/.../mistralai/runtime/config/ChatModelConfig.java` },
  { ext: 'ai-gemini', id: 'ai-gemini', prefix: 'ai.gemini', model: 'model-id', defaultModel: 'gemini-2.5-flash', limits: ['max-output-tokens'], defaultLimit: 8192,
    source: `${QL4J} model-providers/google/gemini/ai-gemini/runtime/.../ai/runtime/gemini/config/ChatModelConfig.java` },
  { ext: 'vertex-ai-gemini', id: 'vertexai-gemini', prefix: 'vertexai.gemini', model: 'model-id', defaultModel: 'gemini-2.5-flash', limits: ['max-output-tokens'], defaultLimit: 8192,
    source: `${QL4J} model-providers/google/vertex-ai-gemini/runtime/.../vertexai/runtime/gemini/config/ChatModelConfig.java` },
  { ext: 'watsonx', id: 'watsonx', prefix: 'watsonx', model: 'model-name', defaultModel: 'ibm/granite-4-h-small', limits: ['max-output-tokens'], defaultLimit: 1024,
    source: `${QL4J} model-providers/watsonx/runtime/.../watsonx/runtime/config/ChatModelConfig.java` },
];

const EXTENSION = /quarkus-langchain4j-([a-z0-9-]+)/g;
/** A JBang script's own dependencies (`//DEPS io.quarkiverse.langchain4j:quarkus-langchain4j-openai:1.4.2`). */
const JBANG_LINE = /^\/\/DEPS[^\n]*/gm;
const jbangDeps = (text: string) => (text.includes('//DEPS') ? [...text.matchAll(JBANG_LINE)].map((m) => m[0]).filter((l) => l.includes('quarkus-langchain4j-')) : []);

/** The build texts above a file that name a quarkus-langchain4j extension (a module of a Quarkus app). */
function quarkusBuilds(files: WorkspaceFiles, file: string): string[] {
  return buildFilesAbove(files, file).map((b) => files.read(b.file) ?? '').filter((t) => t.includes('quarkus-langchain4j'));
}

/** Does the module of this file use quarkus-langchain4j (its build file or a parent's, or a JBang script's `//DEPS`)? */
export function usesQuarkusLangchain4j(files: WorkspaceFiles, file: string, text = ''): boolean {
  return jbangDeps(text).length > 0 || quarkusBuilds(files, file).length > 0;
}


/** Chat-model providers whose extension the module's build names (`quarkus-langchain4j-openai`, `…-deployment` too);
 * a JBang script's `//DEPS` lines first. */
function extensionProviders(files: WorkspaceFiles, file: string, text: string): Provider[] {
  const exts = new Set<string>();
  const deps = jbangDeps(text);
  for (const t of deps.length ? deps : quarkusBuilds(files, file)) for (const m of t.matchAll(EXTENSION)) exts.add(m[1].replace(/-(deployment|parent)$/, ''));
  return PROVIDERS.filter((p) => exts.has(p.ext));
}

/**
 * The model and limit of a call to the chat model Quarkus makes for model config `name` ('' for the default one): the
 * properties, else the extension's defaults (named, never edited in place: written in no file of the workspace).
 */
export function quarkusModel(c: Ctx, site: CallSite, name: string, why: string): void {
  const idx = c.index;
  if (!idx || !c.file) return;
  // The default profile's keys, and the prod profile's (`%prod.quarkus…`), which a packaged application runs with.
  const props = springProperties(idx.files, dirname(c.file), (k) => k.startsWith('quarkus.langchain4j.') || k.startsWith('%prod.quarkus.langchain4j.'));
  const n = relaxed(name);
  const key = (h: PropertyHit) => relaxed(h.key);
  const named = n ? `.${n}` : '';
  const chosen = props.find((h) => key(h) === `quarkus.langchain4j${named}.chatmodel.provider`)?.value;
  const built = extensionProviders(idx.files, c.file, c.text);
  const provider = chosen ? PROVIDERS.find((p) => p.id === chosen.trim()) : built.length === 1 ? built[0] : undefined;
  const config = `quarkus.langchain4j.${provider?.prefix ?? '<provider>'}${name ? `.${name}` : ''}.chat-model`;
  if (!provider) {
    if (!site.model) site.modelUnresolved = `${config}: ${chosen ? `provider ${chosen}` : built.length ? 'several providers, none chosen' : 'no provider extension found'} (${why})`;
    site.maxOutputUnresolved = `${config} (${why})`;
    return;
  }
  if (!site.provider) site.provider = provider.id === 'azure-openai' ? 'azure' : provider.id === 'mistralai' ? 'mistral' : provider.id.includes('gemini') ? 'google' : provider.id;
  const prefix = `quarkus.langchain4j.${relaxed(provider.prefix)}${named}.chatmodel.`;
  const option = (o: string) => props.find((h) => key(h) === prefix + relaxed(o)) ?? props.find((h) => key(h) === relaxed('%prod.') + prefix + relaxed(o));
  // The limit is set in the configuration, not in the code: advice and hover name the property.
  site.limitParam = `${config}.${provider.limits[0]}`;
  delete site.limitInsertion;
  const at = (h: PropertyHit) => ({ file: h.file, offset: h.start, what: `${h.key} in ${basename(h.file)}` });
  // Where a default stands: no file holds it; the hover names the property and the extension's source.
  const unwritten = { start: site.anchor.start, end: site.anchor.start };
  const m = option(provider.model);
  if (m) site.model = { id: m.value, span: { start: m.start, end: m.end }, file: m.file, kind: 'constant', source: at(m) };
  else if (provider.defaultModel) site.model = { id: provider.defaultModel, span: unwritten, kind: 'constant', unwritten: true, source: { offset: site.anchor.start, what: `default of ${config}.${provider.model} (${provider.source})` } };
  if (site.model) delete site.modelUnresolved;
  else site.modelUnresolved = `${config}.${provider.model} (not set; ${why})`;
  const l = provider.limits.map(option).find((h) => h && /^\d+$/.test(h.value));
  delete site.maxOutputUnresolved;
  if (l) site.maxOutput = { value: Number(l.value), span: { start: l.start, end: l.end }, file: l.file, key: l.key, source: at(l) };
  else if (provider.defaultLimit !== undefined) site.maxOutput = { value: provider.defaultLimit, span: unwritten, key: `${config}.${provider.limits[0]}`, unwritten: true, source: { offset: site.anchor.start, what: `default of ${config}.${provider.limits[0]} (${provider.source})` } };
  // Else the extension sends no limit: the model's own maximum, and the advice to set the property stands.
}

/** `@RegisterAiService(chatLanguageModelSupplier = X.class)`: the user's own supplier makes the model. */
export function quarkusSupplier(header: string): string | undefined {
  return /\b(?:chatLanguageModelSupplier|streamingChatLanguageModelSupplier)\s*=\s*(\w+)(?:\.class|::class)/.exec(header)?.[1];
}

/** `@RegisterAiService(modelName = "x")`: the named model config. */
export function quarkusConfigName(header: string): string {
  return /\bmodelName\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? '';
}
