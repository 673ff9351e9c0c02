// Where an options (or request) builder starts: `OpenAiChatOptions.builder()…build()`, or Spring AI 0.8's
// `new OpenAiChatOptions.Builder()…build()` (spring-ai v0.8.1 models/spring-ai-openai OpenAiChatOptions.java:
// `public static class Builder { … public Builder() { this.options = new OpenAiChatOptions(); } … withModel(…) }`).
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';

/**
 * The index of the builder's class at toks[k] (`X` of `X.builder(` at k, or of `new X.Builder(` with `new` at k), its
 * `(` three tokens on, when the class name ends with `type` ('' for any); else -1.
 */
export function builderAt(toks: Token[], k: number, type = ''): number {
  const cls = toks[k]?.v === 'new' ? k + 1 : k;
  const word = cls === k ? 'builder' : 'Builder';
  if (!isId(toks[cls]) || !toks[cls].v.endsWith(type) || !isP(toks[cls + 1], '.') || toks[cls + 2]?.v !== word || !isP(toks[cls + 3], '(')) return -1;
  return cls;
}
