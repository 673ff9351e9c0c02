// A Kotlin class handed its SDK object through its primary constructor: `class ConversationHandler(private val
// generativeModel: GenerativeModel, …)` calling `generativeModel.startChat(…)` / `generateContent(…)`, made in a view
// model of the module as `ConversationHandler(generativeModel, …)` after `private val generativeModel =
// GenerativeModel(modelName = Constants.MODEL_NAME, …)` (held58 B1/B2 ndt87864/botchat ConversationHandler.kt:25 ←
// VoidChatViewModel.kt:31,73; MessageHandler.kt:27 ← ChatViewModel.kt:66,270). The object is what the class's makers
// pass for the parameter (positional or named, Kotlin reference "Classes": constructor parameters declared `val`
// are properties), read where each maker makes it. Every maker must pass a name bound to a construction there, and all
// of them the same construction text: a maker passing anything else, or makers passing different objects, leave the
// object made elsewhere (run time), as do more makers or files than are read.
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { construction, MAX_LOOKUPS } from './constructions';
import { contextOf, type MadeElsewhere } from './imported-runnables';
import { kotlinClassAround, pastConstructorHead } from './kotlin-callers';
import { searchRoot } from './jvm-callers';
import { gradleDependents, jvmModuleSources } from '../resolve/jvm-modules';
import { calledNames } from './names-followed';
import { basename } from '../resolve/files';
import { tables } from './scope';
import { pick } from './lookup';
import type { Made } from './runnables';
import { valueEnd, type Ctx } from './values';
import { argAt } from './param-made';
import { injectedCtor, paramKey, providedMade } from './kotlin-provided';

/** Files of the module that name the class read at most. */
const MAX_FILES = 16;
/** Makers of the class read at most. */
const MAX_MAKERS = 8;
/** Test sources make the class with test doubles, not what runs. */
const isTest = (f: string) => /\/src\/(?:test|androidTest|commonTest|jvmTest)\//.test(f);

/** The object the constructor parameter `name` (used at token `use`) of the class around holds: what its makers pass. */
export function kotlinCtorMade(c: Ctx, via: Via, name: string, use: number): Made | MadeElsewhere | undefined {
  if (c.syn.id !== 'kotlin' || !c.index) return undefined;
  const cls = kotlinClassAround(c, use);
  const param = cls ? ctorParam(c, cls, name) : undefined;
  if (!cls || !param) return undefined;
  // Made by the dependency graph (`@Inject constructor`): the module's `@Provides` of the parameter's type.
  const key = injectedCtor(c.toks, param.k, param.open) ? paramKey(c, param.at) : undefined;
  if (key && c.index) return providedMade(c, via, key.type, key.qualifier);
  // A local or a function's parameter of the same name is another value (the lookup sees the nearest binding).
  const b = pick(tables(c).binds.get(name), c, use);
  if (b && b.name !== param.at) return undefined;
  c.readNames?.add(cls);
  const idx = c.index;
  const root = searchRoot(c);
  if (!root) return undefined;
  const files = idx.memo(root, `kotlin.makers ${cls}`, () => {
    const found: string[] = [];
    for (const dir of [root, ...gradleDependents(idx.files, root)]) for (const f of jvmModuleSources(idx.files, dir)) {
      if (!f.endsWith('.kt') || isTest(f) || !idx.text(f)?.includes(`${cls}(`)) continue;
      found.push(f);
      if (found.length > MAX_FILES) return found;
    }
    return found;
  });
  if (files.length > MAX_FILES) return undefined;
  let one: { made: Made; sc: Ctx; text: string } | undefined;
  let makers = 0;
  const budget = { left: MAX_LOOKUPS };
  for (const f of new Set([c.file, ...files])) {
    const s = f === c.file ? c : idx.scope(f);
    if (!s || s.syn.id !== 'kotlin') continue;
    const sc = s === c ? c : contextOf(s, c);
    const { toks, match } = sc;
    for (const k of calledNames(toks).get(cls) ?? []) {
      const prev = toks[k - 1];
      if (isP(prev, '.') || isP(prev, '::') || (isId(prev) && (prev.v === 'class' || prev.v === 'fun'))) continue;
      // A subclass's `: Cls(m, …)` passes its own parameter: its makers are not read.
      if (isP(prev, ':') || ++makers > MAX_MAKERS || !(match[k + 1] > k)) return undefined;
      const a = argAt(sc, k + 1, param.pos, name);
      if (a < 0 || !isId(toks[a]) || valueEnd(sc, a, match[k + 1]) !== a + 1) return undefined;
      const made = construction(sc, via, toks[a].v, k, 0, budget);
      if (!made) return undefined;
      const close = sc.match[made.open] > made.open ? sc.match[made.open] : made.open;
      const text = sc.text.slice(sc.toks[made.at].start, sc.toks[close].end);
      if (one && one.text !== text) return undefined;
      one ??= { made, sc, text };
    }
  }
  if (!one) return undefined;
  return one.sc === c ? one.made : { ...one.made, ctx: one.sc, what: `where ${cls} is made (${basename(one.sc.file)})` };
}

/** The parameter `name` of class `cls`'s primary constructor: its position and its name's token. */
function ctorParam(c: Ctx, cls: string, name: string): { pos: number; at: number; k: number; open: number } | undefined {
  const { toks, match } = c;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'class' || toks[k + 1].v !== cls || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
    const open = pastConstructorHead(c, k + 2);
    if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
    // `@Ann private val name: Type = d`: the name is the identifier before an entry's first `:`.
    let head = true;
    for (let j = open + 1, n = 0; j < match[open]; j++) {
      if (isP(toks[j], ',')) [n, head] = [n + 1, true];
      else if (match[j] > j) j = match[j];
      else if (head && isP(toks[j], ':')) {
        if (isId(toks[j - 1]) && toks[j - 1].v === name) return { pos: n, at: j - 1, k, open };
        head = false;
      }
    }
    return undefined;
  }
  return undefined;
}
