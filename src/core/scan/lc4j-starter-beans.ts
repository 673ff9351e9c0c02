// The chat-model beans the LangChain4j Spring Boot starters make from their properties, by bean name and by class, for
// an `@AiService(wiringMode = EXPLICIT, chatModel = "openAiChatModel")` or an injected `OpenAiChatModel`:
// langchain4j-spring langchain4j-open-ai-spring-boot-starter openai/spring/AutoConfig.java `@Bean OpenAiChatModel
// openAiChatModel(…)` from `chat-model.*`, `OpenAiStreamingChatModel openAiStreamingChatModel(…)` from
// `streaming-chat-model.*`; langchain4j-ollama-spring-boot-starter ollama/spring/AutoConfig.java `ollamaChatModel`,
// `ollamaStreamingChatModel` the same way. A name the module declares a `@Bean` of itself is the user's bean.
import type { ValueIndex } from '../resolve/value-index';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { beanHeaders } from './spring-bean-decls';

/** [relaxed provider of the starter's prefix (`langchain4j.open-ai` → openai), streaming?] by the bean's class. */
export const PROVIDER_BEANS: Record<string, [string, boolean]> = { OpenAiChatModel: ['openai', false], OpenAiStreamingChatModel: ['openai', true] };

/** The same by the starter's bean name. */
const STARTER_BEAN_NAMES: Record<string, [string, boolean]> = {
  openAiChatModel: ['openai', false], openAiStreamingChatModel: ['openai', true],
  ollamaChatModel: ['ollama', false], ollamaStreamingChatModel: ['ollama', true],
};

/** Module sources read for `@Bean` names. */
const MAX_SOURCES = 400;

/** The names of the `@Bean` methods (or their `@Bean("…")` names) of the JVM module of `file`, read once per module. */
function moduleBeanNames(index: ValueIndex, file: string): Set<string> {
  const root = jvmModule(index.files, file);
  if (!root) return new Set();
  return index.memo(root, 'lc4j.bean-names', () => {
    const out = new Set<string>();
    for (const f of jvmModuleSources(index.files, root).slice(0, MAX_SOURCES)) {
      const t = index.text(f);
      if (!t || !t.includes('@Bean')) continue;
      const scope = index.scope(f);
      if (!scope) continue;
      for (const h of beanHeaders(scope.toks, scope.match)) {
        out.add(scope.toks[h.name].v);
        for (const n of h.names) out.add(n);
      }
    }
    return out;
  });
}

/** `bean "openAiChatModel"` (an explicit wiring) when it names a starter's bean the module does not declare itself:
 * that starter's provider and whether the bean streams. */
export function starterBean(index: ValueIndex | undefined, file: string | undefined, wired: string): [string, boolean] | undefined {
  const name = /^bean "([^"]+)"$/.exec(wired)?.[1];
  if (!name || !index || !file || !Object.hasOwn(STARTER_BEAN_NAMES, name)) return undefined;
  return moduleBeanNames(index, file).has(name) ? undefined : STARTER_BEAN_NAMES[name];
}
