// The LangChain4j Spring Boot starter gives an `@AiService` in AUTOMATIC wiring mode (the default) every bean of the
// context whose class declares a `@Tool` method: langchain4j-spring AiServicesAutoConfig.java collects the bean names
// whose class has a method annotated dev.langchain4j.agent.tool.Tool and, `else if (aiServiceAnnotation.wiringMode()
// == AUTOMATIC)`, adds them as the service's `tools` (commit 07d41142 of langchain4j/langchain4j-spring). Each call of
// such a service is then a tool loop (l4j-tool-runs.ts). Read from the module's sources: a class that imports
// LangChain4j's Tool, declares a `@Tool` method and is a Spring component (@Component, @Service, …).
// spring-petclinic/spring-petclinic-langchain4j chat/AssistantTool.java (`@Component class AssistantTool` with five
// `@Tool` methods), used by the `Assistant` AI service (held80 L1: priced as one request).
import type { ValueIndex } from '../resolve/value-index';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { T } from '../lex/lexer';
import { toolsOf, type Json, type SpringTools } from './spring-tool-defs';

const TOOL_IMPORT = /\bimport\s+dev\.langchain4j\.agent\.tool\.(?:Tool\b|\*)/;
const TOOL_ANNOTATION = /@Tool\b/;
const COMPONENT = /@(?:Component|Service|Repository|Controller|RestController|Configuration)\b/;

/** Does the module of `file` hold a Spring component with a LangChain4j `@Tool` method? Memoised on the module. */
export function moduleHasToolBeans(index: ValueIndex, file: string): boolean {
  const root = jvmModule(index.files, file);
  if (!root) return false;
  return index.memo(root, 'langchain4j.tool-beans', () =>
    jvmModuleSources(index.files, root).some((f) => {
      const t = index.text(f);
      return !!t && TOOL_IMPORT.test(t) && TOOL_ANNOTATION.test(t) && COMPONENT.test(t);
    }));
}

/** The definitions of those beans' `@Tool` methods (spring-tool-defs.ts, LangChain4j's form), each class once; undefined
 * when none is read. Memoised on the module. */
export function moduleToolDefs(index: ValueIndex, file: string): SpringTools | undefined {
  const root = jvmModule(index.files, file);
  if (!root) return undefined;
  return index.memo(root, 'langchain4j.tool-defs', () => {
    const defs: Json[] = [];
    const unknown: string[] = [];
    for (const f of jvmModuleSources(index.files, root)) {
      const t = index.text(f);
      if (!t || !TOOL_IMPORT.test(t) || !TOOL_ANNOTATION.test(t) || !COMPONENT.test(t)) continue;
      const s = index.scope(f);
      const at = s ? s.toks.findIndex((tk, i) => tk.v === 'class' && s.toks[i + 1]?.t === T.Id) : -1;
      if (s && at >= 0) toolsOf(s, s.toks[at + 1].v, defs, unknown, 'langchain4j');
    }
    return defs.length ? { text: JSON.stringify(defs), definitions: defs.length, unknown } : undefined;
  });
}
