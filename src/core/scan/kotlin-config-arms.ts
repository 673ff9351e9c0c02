// A Kotlin request data class whose config argument is another data class made where the call cannot see its limit:
// `RequestData(contents = …, generationConfig = config)` with `val config = if (json) GenerationConfig(responseMimeType
// = "application/json") else GenerationConfig()` and `data class GenerationConfig(…, val maxOutputTokens: Int = 8192)`.
// A parameter the construction leaves out takes its default (https://kotlinlang.org/docs/functions.html#default-
// arguments), so each construction the config can be is read as a request is (jvm-ctor-body.ts readConstruction: its
// named arguments, then its class's defaults) for its limit. Seen in held49 AIML-ORG/InterestingFactGenerator
// GeminiRepository.kt:42 (Model.kt:61 `val maxOutputTokens: Int = 8192`), where "Set maxOutputTokens" was advised.
import { isP } from '../lex/brackets';
import { normKey } from './call-keys';
import { assignmentBefore } from './definitions';
import type { Found } from './keys';
import { LIMIT_CONTAINERS } from './nested-limit';
import { label } from './value';
import type { Ctx } from './values';

/** Arms of an `if … else if … else` read at most; configs followed inside configs. */
const MAX_ARMS = 8;
const MAX_DEPTH = 3;
let depth = 0;

/**
 * The limit of a config argument (`generationConfig = cfg`, `generationConfig = Cfg(temperature = 0.2)`) among a Kotlin
 * construction's named arguments, when the key walk found none: the largest of the constructions it can be, the others
 * named; run time when one of them sets none while another does. `made(i)` finds a construction at toks[i], `read`
 * reads one into a Found.
 */
export function ktConfigLimit(c: Ctx, f: Found, given: { key?: string; from: number; to: number }[], made: (i: number) => { cls: string; open: number } | undefined, read: (g: Found, cls: string, open: number) => boolean): void {
  if (c.syn.id !== 'kotlin' || f.limit || f.limitUnresolved) return;
  for (const a of given) {
    if (!a.key || !LIMIT_CONTAINERS.has(normKey(a.key)) || a.to <= a.from) continue;
    const arms = constructions(c, a.from, a.to, made);
    if (!arms?.length) continue;
    const found: Found[] = [];
    if (depth >= MAX_DEPTH) return;
    depth++;
    try {
      for (const m of arms) {
        const g: Found = { parts: [], messages: 0 };
        if (!read(g, m.cls, m.open)) return;
        found.push(g);
      }
    } finally {
      depth--;
    }
    const limits = found.map((g) => g.limit);
    if (limits.every((l) => l)) {
      const top = limits.reduce((x, y) => (y!.value > x!.value ? y : x))!;
      const others = [...new Set(limits.map((l) => l!.value).filter((v) => v !== top.value))];
      f.limit = others.length ? { ...top, others } : top;
    } else if (limits.some((l) => l) || found.some((g) => g.limitUnresolved)) f.limitUnresolved ??= label(c, a.from, a.to);
    return;
  }
}

/** The constructions toks[a, e) can be: one written there, or the one a local is bound to, or each arm of an `if`
 * expression it is bound to (each arm one construction, in braces or not). Undefined when it can be anything else. */
function constructions(c: Ctx, a: number, e: number, made: (i: number) => { cls: string; open: number } | undefined): { cls: string; open: number }[] | undefined {
  const { toks, match } = c;
  const one = made(a);
  if (one) return match[one.open] === e - 1 ? [one] : undefined;
  if (e !== a + 1) return undefined;
  const def = assignmentBefore(c, toks[a].v, a);
  if (def < 0) return undefined;
  const bound = made(def);
  if (bound) return [bound];
  if (toks[def].v !== 'if') return undefined;
  const out: { cls: string; open: number }[] = [];
  let k = def;
  for (let n = 0; n < MAX_ARMS; n++) {
    let armAt = k;
    if (toks[k].v === 'if') {
      if (!isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) return undefined;
      armAt = match[k + 1] + 1;
    }
    const braced = isP(toks[armAt], '{') && match[armAt] > armAt;
    const m = made(braced ? armAt + 1 : armAt);
    if (!m) return undefined;
    const end = braced ? match[armAt] : match[m.open];
    if (braced && match[m.open] !== end - 1) return undefined;
    out.push(m);
    if (toks[k].v !== 'if') return out;
    // The arm done: an `else` follows, or the `if` is no value.
    if (toks[end + 1]?.v !== 'else') return undefined;
    k = end + 2;
  }
  return undefined;
}
