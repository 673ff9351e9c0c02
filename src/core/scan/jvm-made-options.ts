// What a JVM model object's construction sets beyond its keys, read where it is made (bound.ts): Spring AI options
// given by variable or through a ChatClient's model (spring-made-options.ts), an Android Gemini model's generation
// config (android-gen-config.ts), a Koog agent's config variable (koog-agent-config.ts).
import type { Ctx } from './values';
import type { Found } from './keys';
import { springMadeOptions } from './spring-made-options';
import { geminiConfigLimit } from './android-gen-config';
import { koogAgentConfig } from './koog-agent-config';

/** Fills what `f` lacks from the construction at toks[at], its `(` at `open`. */
export function jvmMadeOptions(c: Ctx, f: Found, at: number, open: number, before: number): void {
  const close = c.match[open];
  if (close < 0) return;
  springMadeOptions(c, f, at, open, close, before);
  geminiConfigLimit(c, f, open, close, before);
  koogAgentConfig(c, f, open, close, before);
}
