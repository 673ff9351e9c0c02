// LangChain4j AI services used where they are not built: `startConversationWith(Assistant assistant)` in a helper file
// of a module whose other files build `Assistant` with `AiServices.builder(Assistant.class)…build()` (langchain4j
// service/AiServices.java). The module knows which interfaces are services (built with AiServices.create / builder
// anywhere in it): a method called on a value of such a type is a call. Its model and limit are those every place that
// builds the interface uses; when the places differ (or one is not known), the model is unknown and they are named.
// Pure: the module's files come through the workspace resolver (resolve/jvm-modules.ts), memoised on the index.
import { isP } from '../lex/brackets';
import type { CallSite, LimitRef, ModelRef } from '../types';
import type { Ctx } from './values';
import type { Via } from './call-shape-types';
import type { ValueIndex } from '../resolve/value-index';
import { basename, dirname, join } from '../resolve/files';
import { injectedChatModel } from './ai-services-spring';
import { buildFilesAbove, jvmModule, jvmModuleSources, mavenDependencies } from '../resolve/jvm-modules';
import { madeWith } from './made-with';

/** `AiServices.create(I.class, …)`, `AiServices.builder(I::class.java)`: the interface built. */
const BUILT = /\bAiServices\s*\.\s*(?:create|builder)\s*\(\s*(\w+)\s*(?:\.\s*class\b|::\s*class\b)/g;
const NONE = new Map<string, string[]>();

/** Interfaces built with AiServices in the module of `file` (its build file names LangChain4j), each with the files
 * that build it. */
export function builtServices(index: ValueIndex, file: string): Map<string, string[]> {
  const root = jvmModule(index.files, file);
  if (!root) return NONE;
  const own = moduleServices(index, root, file);
  // A service the module uses may be built in a module of the reactor it depends on (an `@Bean` method in ai-core making
  // the `OpenAiAgent` chat-server's controllers call, AsihanBit/langchain4j-ai-assistant, held58 A2).
  const deps = (index.files.list(root) ?? []).includes('pom.xml') ? mavenDependencies(index.files, root) : [];
  if (!deps.length) return own;
  const out = new Map(own);
  for (const d of deps) {
    for (const [iface, files] of moduleServices(index, d, join(d, 'pom.xml'))) if (!out.has(iface)) out.set(iface, files);
  }
  return out;
}

/** Interfaces built with AiServices in module `root` itself (builtServices), memoised on it. */
function moduleServices(index: ValueIndex, root: string, file: string): Map<string, string[]> {
  return index.memo(root, 'langchain4j.built', () => {
    const out = new Map<string, string[]>();
    if (!buildFilesAbove(index.files, file).some((b) => index.files.read(b.file)?.includes('langchain4j'))) return out;
    for (const f of jvmModuleSources(index.files, root)) {
      const t = index.text(f);
      if (!t?.includes('AiServices')) continue;
      for (const m of t.matchAll(BUILT)) {
        const list = out.get(m[1]) ?? [];
        if (!list.includes(f)) list.push(f);
        out.set(m[1], list);
      }
    }
    // In path order, whatever order the folders were listed in: the labels that name them stay the same.
    for (const list of out.values()) list.sort();
    return out;
  });
}

/** What one place that builds a service gives it: the model (or why it is unknown) and the limit. */
interface Built {
  file: string;
  /** 1-based line of `AiServices` there. */
  line: number;
  model?: ModelRef;
  unresolved?: string;
  limit?: LimitRef;
  /** The limit's name advice gives (the starter's property: lc4j-starter-limits.ts). */
  limitParam?: string;
  limitUnresolved?: string;
  provider?: string;
}

/** Places that build `iface` in the module, each read where it is (bound.ts madeWith). Bounded by the module walk. */
function builds(index: ValueIndex, file: string, iface: string, via: Via): Built[] {
  const files = builtServices(index, file).get(iface);
  const root = jvmModule(index.files, file);
  if (!files || !root) return [];
  // Built in a module this one depends on: kept on the reactor's folder, so an edit there drops it.
  const at = files.every((f) => f.startsWith(root + '/')) ? root : dirname(root);
  return index.memo(at, `langchain4j.builds ${iface} ${root}`, () => {
    const out: Built[] = [];
    for (const f of files) {
      const scope = index.scope(f);
      if (!scope) continue;
      // A context of its own for that file: the evaluator's per-file caches stay with it.
      const c: Ctx = { ...scope };
      const { toks } = c;
      for (let k = 0; k + 6 < toks.length; k++) {
        if (toks[k].v !== 'AiServices' || !isP(toks[k + 1], '.') || !isP(toks[k + 3], '(') || toks[k + 4].v !== iface || toks[k + 6]?.v !== 'class') continue;
        const w = madeWith(c, via, k);
        const b: Built = { file: f, line: lineAt(c.text, toks[k].start) };
        // `.chatModel(model)` with `ChatModel model` a parameter of the `@Bean` method: the starter's bean.
        const bean = w?.model && 'ref' in w.model ? undefined : starterBean(c, k);
        if (bean?.model) [b.model, b.limit, b.limitUnresolved, b.limitParam] = [{ ...bean.model, file: bean.model.file ?? f }, bean.maxOutput, bean.maxOutputUnresolved, bean.limitParam];
        else if (w?.model && 'ref' in w.model) b.model = w.model.ref.file ? w.model.ref : { ...w.model.ref, file: f };
        else b.unresolved = w?.model && 'unresolved' in w.model ? w.model.unresolved : w ? 'no model named' : 'model not read';
        if (bean?.model) {
          out.push(b);
          continue;
        }
        if (w?.limit) b.limit = w.limit.file ? w.limit : { ...w.limit, file: f };
        if (w?.limitUnresolved) b.limitUnresolved = w.limitUnresolved;
        // A model made where that file cannot see sets its limit there too, if at all.
        else if (!b.limit && b.unresolved) b.limitUnresolved = b.unresolved;
        if (w?.provider) b.provider = w.provider;
        out.push(b);
      }
    }
    return out;
  });
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Places named in a label at most. */
const NAMED = 3;

/**
 * A call on a service whose model this file cannot see (a parameter or field of the interface's type): the model and
 * limit every place in the module that builds it uses; when they differ, unknown, naming them. A model the code gives
 * (a `prompt-cost: model=` comment) stays.
 */
export function builtElsewhere(c: Ctx, site: CallSite, iface: string, via: Via | undefined): void {
  // A service bound to where this file builds it has its request there (readCall): read already.
  if (site.model || site.request || !c.index || !c.file || !iface || !via) return;
  const all = builds(c.index, c.file, iface, via);
  if (!all.length) return;
  const where = (b: Built) => `${basename(b.file)}:${b.line}`;
  const many = all.length > 1 ? ` (all ${all.length} places that build ${iface})` : '';
  const ids = new Set(all.map((b) => b.model?.id));
  const first = all[0];
  const more = all.length > NAMED ? ', …' : '';
  if (ids.size === 1 && first.model) {
    const m = first.model;
    site.model = { ...m, source: m.source ?? { file: m.file, offset: m.span.start, what: `model ${iface} is built with in ${where(first)}${many}` } };
    delete site.modelUnresolved;
    if (first.provider) site.provider = first.provider;
  } else {
    const named = all.slice(0, NAMED).map((b) => `${b.model?.id ?? b.unresolved} in ${where(b)}`).join(', ');
    site.modelUnresolved = `${iface} is built with ${ids.size > 1 ? 'different models' : 'a model not known here'}: ${named}${more}`;
  }
  const limits = new Set(all.map((b) => (b.limit ? String(b.limit.value) : b.limitUnresolved ? `?${b.limitUnresolved}` : 'none')));
  if (limits.size === 1 && first.limit) {
    site.maxOutput = { ...first.limit, source: first.limit.source ?? { file: first.limit.file, offset: first.limit.span.start, what: `limit ${iface} is built with in ${where(first)}${many}` } };
    delete site.maxOutputUnresolved;
  } else if (limits.size === 1 && limits.has('none')) {
    // No place sets one: the model's own maximum, and the advice to set one stands.
    delete site.maxOutputUnresolved;
    if (first.limitParam && all.every((b) => b.limitParam === first.limitParam)) [site.limitParam, site.limitInsertion] = [first.limitParam, undefined];
  } else {
    const named = all.slice(0, NAMED).map((b) => `${b.limit?.value ?? (b.limitUnresolved ? 'not known here' : 'none')} in ${where(b)}`).join(', ');
    site.maxOutputUnresolved = `limit of ${iface} set where it is built: ${named}${more}`;
  }
}

/** Does the file name an interface that its module builds with AiServices (read whatever call words it holds)? */
export function namesBuiltService(index: ValueIndex | undefined, file: string | undefined, has: (word: string) => boolean): boolean {
  if (!index || !file) return false;
  for (const iface of builtServices(index, file).keys()) if (has(iface)) return true;
  return false;
}

/** The model the starter's bean gives a builder at toks[k] whose `.chatModel(name)` is an injected ChatModel (a
 * parameter or field: injectedChatModel), as a site would take it; undefined when it is no such name. */
function starterBean(c: Ctx, k: number): CallSite | undefined {
  const { toks } = c;
  for (let i = k + 3, n = 0; n < 40 && isP(toks[i], '(') && c.match[i] > i; n++) {
    const close = c.match[i];
    if (!isP(toks[close + 1], '.') || !isP(toks[close + 3], '(')) return undefined;
    if (toks[close + 2].v === 'chatModel' && isP(toks[close + 5], ')') && /^[a-z]/i.test(toks[close + 4]?.v ?? '')) {
      const site = { anchor: { start: toks[k].start, end: toks[k].end } } as CallSite;
      injectedChatModel(c, site, toks[close + 4].v);
      return site;
    }
    i = close + 3;
  }
  return undefined;
}
