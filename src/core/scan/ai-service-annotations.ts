// The header of an interface annotated `@AiService` (langchain4j-spring-boot-starter service/spring/AiService.java) or
// Quarkus's `@RegisterAiService`, read as text: what the service is wired to, and whether it is given tools.
import { quarkusConfigName, quarkusSupplier } from './ai-services-quarkus';

/** An annotated service interface: what it is wired to when not the framework's model (`explicit`), and for Quarkus
 * the model config it uses ('' the default one). */
export interface Annotated {
  explicit?: string;
  quarkus?: string;
  /** Spring explicit wiring names tool beans (`tools = {"functionTools"}`): each call is a tool loop. */
  tools?: true;
}

/** Declarations read after an `@AiService` up to the interface's name (annotation arguments, modifiers). */
const MAX_HEADER = 2000;

/** The interfaces a text annotates `@AiService` (`@AiService(wiringMode = EXPLICIT) public interface X`) or Quarkus's
 * `@RegisterAiService(modelName = "…")`, by name. */
export function annotatedInterfaces(text: string): Map<string, Annotated> {
  const out = new Map<string, Annotated>();
  for (const word of ['@AiService', '@RegisterAiService']) annotatedWith(text, word, out);
  return out;
}

function annotatedWith(text: string, word: string, out: Map<string, Annotated>): void {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const after = text.charCodeAt(i + word.length);
    if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122) || after === 95) continue;
    // `//@AiService(…)` commented out (AsihanBit/langchain4j-ai-assistant OpenAiAgent.java, built by an @Bean instead).
    if (text.slice(text.lastIndexOf('\n', i) + 1, i).includes('//')) continue;
    // The header ends at the body's `{` (or a `;`) after the annotation's own arguments, which may hold braces
    // (`@RegisterAiService(tools = { A.class })`): no class body is read.
    let end = Math.min(text.length, i + MAX_HEADER);
    const args = argumentsEnd(text, i + word.length, end);
    const brace = text.indexOf('{', args);
    const semi = text.indexOf(';', args);
    if (brace >= 0) end = Math.min(end, brace);
    if (semi >= 0) end = Math.min(end, semi);
    // A wiring left in a comment under the live annotation (`//@AiService(…, chatModel = "x")`) is not its wiring.
    const header = text.slice(i, end).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, '');
    const m = INTERFACE.exec(header);
    // Explicit wiring (`@AiService(wiringMode = EXPLICIT, chatModel = "fastModel")`): the bean named there, not the
    // starter's (AiService.java: wiringMode, chatModel, streamingChatModel).
    if (!m) continue;
    if (word === '@RegisterAiService') {
      // quarkus-langchain4j RegisterAiService.java: chatLanguageModelSupplier / streamingChatLanguageModelSupplier (the
      // user's own), modelName (a named model config).
      const supplier = quarkusSupplier(header);
      out.set(m[1], { quarkus: quarkusConfigName(header), ...(supplier ? { explicit: `supplier ${supplier}` } : {}) });
      continue;
    }
    const bean = BEAN.exec(header)?.[1];
    const explicit = EXPLICIT.test(header);
    // AiServicesAutoConfig.java: in EXPLICIT mode the service gets the beans `tools()` names (in AUTOMATIC mode every
    // bean with a @Tool method, not read here).
    out.set(m[1], { explicit: bean ? `bean "${bean}"` : explicit ? 'a bean wired explicitly' : undefined, ...(explicit && TOOLS.test(header) ? { tools: true as const } : {}) });
  }
}

const INTERFACE = /\binterface\s+(\w+)/;

/** After an annotation's `( … )` starting at `from` (past blanks), or `from` when it has none; bounded by `limit`. */
function argumentsEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
  if (text[i] !== '(') return from;
  for (let depth = 0; i < limit; i++) {
    const ch = text[i];
    if (ch === '"') {
      // A string's brackets are text.
      for (i++; i < limit && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return from;
}
const BEAN = /\b(?:streamingChatModel|chatModel)\s*=\s*"([^"]+)"/;
const TOOLS = /\btools\s*=\s*\{?\s*"[^"\s]/;
const EXPLICIT = /\bwiringMode\s*=[^,)]*\bEXPLICIT\b/;
