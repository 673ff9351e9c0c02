// A Kotlin class given its SDK object by Hilt / Dagger: `class GeminiService @Inject constructor(private val
// generativeModel: GenerativeModel)` (held60 K2 ayaxan7/KharbarKhotala data/remote/GeminiService.kt), `class
// ChatViewModel @Inject constructor(…, private val chat: Chat, …)` (held60 K1 varunkumar2004/GeminiStressDetectionApp).
// Nothing in the project makes the class: the graph calls the `@Provides` function of the module whose return type is
// the parameter's (di/AiModule.kt `@Provides @Singleton fun provideGenerativeModel(): GenerativeModel { return
// GenerativeModel(modelName = "gemini-1.5-flash", …) }`; di/AppModule.kt `fun provideGenerativeModel(): Chat { val model =
// GenerativeModel(…); return model.startChat(chatHistory) }`). Dagger allows one binding per type and qualifier
// (dagger.dev/dev-guide "Qualifiers"; a second unqualified one is a DuplicateBindings compile error), so the one
// provider of the type, with the parameter's qualifier (`@Named("chat")`) when it has one, is what runs. A provider
// whose body returns anything but one construction leaves the object made elsewhere (run time).
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import type { Via } from './call-shape-types';
import { constructionFrom, MAX_LOOKUPS } from './constructions';
import { contextOf } from './imported-runnables';
import { searchRoot } from './jvm-callers';
import { gradleDependents, jvmModuleSources } from '../resolve/jvm-modules';
import { basename } from '../resolve/files';
import type { Made } from './runnables';
import type { MadeElsewhere } from './imported-runnables';
import type { Ctx } from './values';

/** Files of the module holding a `@Provides` of the type read at most. */
const MAX_FILES = 16;
/** Tokens between `@Provides` and the provider's `fun` (other annotations, modifiers). */
const MAX_HEAD = 24;
const isTest = (f: string) => /\/src\/(?:test|androidTest|commonTest|jvmTest)\//.test(f);

/** Whether the class head `class Cls … constructor(` at toks[k] (the `class`) is annotated `@Inject`. */
export function injectedCtor(toks: Token[], k: number, open: number): boolean {
  for (let j = k + 2; j < open; j++) if (isP(toks[j], '@') && toks[j + 1]?.v === 'Inject') return true;
  return false;
}

const PARAM_MODIFIERS = new Set(['val', 'var', 'private', 'protected', 'internal', 'public', 'override', 'open', 'final']);

/** A constructor parameter's type (its last name) and its annotation (`@Named("x")`, '' for none), from its name. */
export function paramKey(c: Ctx, at: number): { type: string; qualifier: string } | undefined {
  const { toks, match } = c;
  let t = at + 2;
  if (!isP(toks[at + 1], ':') || !isId(toks[t])) return undefined;
  while (isId(toks[t]) && isP(toks[t + 1], '.') && isId(toks[t + 2])) t += 2;
  let qualifier = '';
  let j = at - 1;
  while (isId(toks[j]) && PARAM_MODIFIERS.has(toks[j].v)) j--;
  for (let n = 0; n < 4; n++) {
    const close = isP(toks[j], ')') && match[j] >= 0 ? j : -1;
    const a = close >= 0 ? match[close] - 1 : j;
    if (!isId(toks[a]) || !isP(toks[a - 1], '@')) break;
    if (!qualifier) qualifier = `@${toks[a].v}${close >= 0 ? c.text.slice(toks[a + 1].start, toks[close].end) : ''}`;
    j = a - 2;
  }
  return { type: toks[t].v, qualifier };
}

/** The object the `@Provides` function of type `type` (qualified as `qualifier`, '' for none) makes. */
export function providedMade(c: Ctx, via: Via, type: string, qualifier: string): Made | MadeElsewhere | undefined {
  const idx = c.index;
  const root = idx && searchRoot(c);
  if (!idx || !root) return undefined;
  const files = idx.memo(root, `kotlin.provides ${type}`, () => {
    const found: string[] = [];
    for (const dir of [root, ...gradleDependents(idx.files, root)]) for (const f of jvmModuleSources(idx.files, dir)) {
      const text = f.endsWith('.kt') && !isTest(f) ? idx.text(f) : undefined;
      if (!text?.includes('@Provides') || !text.includes(type)) continue;
      found.push(f);
      if (found.length > MAX_FILES) return found;
    }
    return found;
  });
  if (files.length > MAX_FILES) return undefined;
  let one: { def: number; sc: Ctx; fn: string } | undefined;
  for (const f of files) {
    const s = f === c.file ? c : idx.scope(f);
    if (!s || s.syn.id !== 'kotlin') continue;
    const sc = s === c ? c : contextOf(s, c);
    for (const p of providers(sc, type, qualifier)) {
      // Two bindings of one key do not compile: the project is mid-edit, or the qualifier is not read; none is chosen.
      if (one) return undefined;
      one = { ...p, sc };
    }
  }
  if (!one || one.def < 0) return undefined;
  const made = constructionFrom(one.sc, via, one.def, '', 0, { left: MAX_LOOKUPS });
  if (!made) return undefined;
  return one.sc === c ? made : { ...made, ctx: one.sc, what: `provided by ${one.fn} (${basename(one.sc.file)})` };
}

/** The `@Provides fun name(…): type` functions of a file with that qualifier: where each one's returned value starts. */
function providers(c: Ctx, type: string, qualifier: string): { def: number; fn: string }[] {
  const { toks, match } = c;
  const out: { def: number; fn: string }[] = [];
  for (let k = 0; k + 1 < toks.length; k++) {
    if (!isP(toks[k], '@') || toks[k + 1].v !== 'Provides') continue;
    let q = '';
    let j = k + 2;
    for (; j < toks.length && j < k + MAX_HEAD && toks[j].v !== 'fun'; j++) {
      if (!isP(toks[j], '@') || !isId(toks[j + 1])) continue;
      const a = toks[j + 1].v;
      const args = isP(toks[j + 2], '(') && match[j + 2] > j ? c.text.slice(toks[j + 2].start, toks[match[j + 2]].end) : '';
      if (a !== 'Singleton' && a !== 'Provides' && a !== 'JvmStatic' && a !== 'Reusable' && !a.endsWith('Scoped')) q = `@${a}${args}`;
    }
    const name = j + 2;
    if (toks[j]?.v !== 'fun' || !isId(toks[j + 1]) || !isP(toks[name], '(') || !(match[name] > name)) continue;
    let b = match[name] + 1;
    let declared = '';
    if (isP(toks[b], ':') && isId(toks[b + 1])) {
      b++;
      while (isId(toks[b]) && isP(toks[b + 1], '.') && isId(toks[b + 2])) b += 2;
      declared = toks[b++].v;
      if (isP(toks[b], '?')) b++;
    }
    if (q !== qualifier) continue;
    if (isP(toks[b], '=')) {
      // `fun provide() = GenerativeModel(…)`: the construction's class is the type.
      if (declared ? declared === type : toks[b + 1]?.v === type) out.push({ def: b + 1, fn: toks[j + 1].v });
    } else if (declared === type && isP(toks[b], '{') && match[b] > b) {
      const ret = onlyReturn(toks, b, match[b]);
      if (ret >= 0) out.push({ def: ret, fn: toks[j + 1].v });
      // A body that returns no single value is still this type's binding: none is chosen.
      else out.push({ def: -1, fn: toks[j + 1].v });
    }
  }
  return out;
}

/** The first value token of the one `return` of the block toks[open, close], or -1. */
function onlyReturn(toks: Token[], open: number, close: number): number {
  let at = -1;
  for (let k = open + 1; k < close; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    if (at >= 0) return -1;
    at = k + 1;
  }
  return at;
}
