// A LangChain4j AI service built with tools (`AiServices.builder(Assistant.class)….tools(new OrderTools()).build()`)
// runs them: each method call sends the request, executes the tool calls the model asks for, and sends their results
// back until the model answers without one, at most a fixed number of round trips. Read in the builder chains that
// make the service: in this file, or in the module's other files (ai-services-workspace.ts). A service built with no
// tools asks once. One the Spring Boot starter makes (`@AiService`) has tools when its EXPLICIT wiring names tool beans
// (ai-service-annotations.ts; springToolRun below).
//
// The bound, from the library's source (https://github.com/langchain4j/langchain4j):
// - before 0.25.0, DefaultAiServices looped `while (true) { // TODO limit number of cycles`: no bound;
// - 0.25.0–0.33.x, `MAX_SEQUENTIAL_TOOL_EXECUTIONS = 10` (commit 303b2ab7b5, 2023-12-08);
// - from 0.34.0, 100 (commit 29b7456167, 2024-09-04, "#1620 increased MAX_SEQUENTIAL_TOOL_EXECUTIONS to 100"); the
//   builder's `maxSequentialToolsInvocations(n)` sets it (3db2fda806, #2715), renamed `maxToolCallingRoundTrips(n)`
//   (9ce955d212, #5148; ToolService.java `maxToolCallingRoundTrips = 100`).
// The version is the one the nearest build file names for a dev.langchain4j artifact; none readable: today's 100.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite, RunSite, Span } from '../types';
import type { Ctx } from './values';
import type { FileScope } from '../resolve/value-index';
import { builtServices } from './ai-services-workspace';
import { buildFilesAbove } from '../resolve/jvm-modules';

const SOURCE = 'https://github.com/langchain4j/langchain4j DefaultAiServices / ToolService.java';
const TOOL_METHODS = new Set(['tools', 'toolProvider', 'toolProviders']);
const BOUND_METHODS = new Set(['maxSequentialToolsInvocations', 'maxToolCallingRoundTrips']);
/** Builder chains read per service at most (its files in the module are bounded by the module walk). */
const MOST = 8;

/** What one builder chain of the service gives: tools or not, and the bound it states (a literal), if any. */
interface Chain {
  tools: boolean;
  bound?: number;
  /** The chain's last token. */
  end: number;
}

/** The `.name(…)` calls of the chain that starts at `AiServices` (toks[k]), up to `.build()` or the chain's end. */
function chainAt(s: FileScope, k: number): Chain {
  const { toks, match } = s;
  const out: Chain = { tools: false, end: k + 3 };
  let i = k + 3;
  while (isP(toks[i], '(') && match[i] > i) {
    const close = match[i];
    if (!isP(toks[close + 1], '.') || !isId(toks[close + 2]) || !isP(toks[close + 3], '(')) break;
    const name = toks[close + 2].v;
    if (TOOL_METHODS.has(name) && match[close + 3] > close + 4) out.tools = true;
    if (BOUND_METHODS.has(name)) {
      const arg = toks[close + 4];
      out.bound = arg?.t === T.Num && match[close + 3] === close + 5 && arg.n !== undefined ? arg.n : NaN;
    }
    out.end = match[close + 3] > 0 ? match[close + 3] : close + 3;
    if (name === 'build') break;
    i = close + 3;
  }
  return out;
}

/** The places that make `iface` a service in one file's tokens: a builder's chain, or `AiServices.create(I.class,
 * model)` (no tools). Whether the file declares the interface itself (a nested `interface Assistant`). */
function chainsIn(s: FileScope, iface: string, out: Chain[], read?: Span[]): boolean {
  const { toks } = s;
  let declares = false;
  for (let k = 0; k + 6 < toks.length && out.length < MOST; k++) {
    if (toks[k].v === 'interface' && toks[k + 1].v === iface) declares = true;
    if (toks[k].v !== 'AiServices' || !isP(toks[k + 1], '.') || !isP(toks[k + 3], '(') || toks[k + 4].v !== iface) continue;
    const ch = toks[k + 2].v === 'builder' ? chainAt(s, k) : toks[k + 2].v === 'create' ? { tools: false, end: Math.max(k + 3, s.match[k + 3]) } : undefined;
    if (!ch) continue;
    out.push(ch);
    // The editor's incremental path re-reads the call when the chain changes (a `.tools(…)` added or removed).
    read?.push({ start: toks[k].start, end: toks[Math.min(ch.end, toks.length - 1)].end });
  }
  return declares;
}

/** The langchain4j version the nearest build file names (`dev.langchain4j:langchain4j-open-ai:0.35.0`, a Maven
 * `<artifactId>langchain4j…</artifactId><version>1.0.0</version>` or `<langchain4j.version>` property). */
function version(c: Ctx): number[] | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  for (const b of buildFilesAbove(index.files, c.file)) {
    // The library's own artifact (group dev.langchain4j): not an application named `langchain4j-ai-agent` (its
    // 0.0.1-SNAPSHOT, AsihanBit/langchain4j-ai-assistant), nor a dependency commented out.
    const text = (index.files.read(b.file) ?? '').replace(/<!--[\s\S]*?-->/g, '');
    if (!text.includes('langchain4j')) continue;
    const m = /dev\.langchain4j:langchain4j[\w-]*:(\d+)\.(\d+)\.(\d+)/.exec(text) ??
      /<groupId>\s*dev\.langchain4j\s*<\/groupId>\s*<artifactId>langchain4j[\w-]*<\/artifactId>\s*<version>(\d+)\.(\d+)\.(\d+)/.exec(text) ??
      /<langchain4j(?:\.|-)version>(\d+)\.(\d+)\.(\d+)/.exec(text);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return undefined;
}

const below = (v: number[], than: number[]) => v[0] !== than[0] ? v[0] < than[0] : v[1] !== than[1] ? v[1] < than[1] : v[2] < than[2];

/** The run of a call of AI service `iface` built with tools, or undefined (no tools, or the builders not in view). */
export function serviceToolRun(c: Ctx, site: CallSite, iface: string): RunSite | undefined {
  if (!iface) return undefined;
  const chains: Chain[] = [];
  // A file that builds the service, or declares its interface, holds its builders; else the module's files that build it.
  if (!chainsIn(c, iface, chains, c.read) && !chains.length && c.index && c.file) {
    for (const f of builtServices(c.index, c.file).get(iface) ?? []) {
      const scope = f === c.file ? c : c.index.scope(f);
      if (scope) chainsIn(scope, iface, chains);
    }
  }
  // Every builder read, none with tools: one request per call.
  const withTools = chains.filter((ch) => ch.tools).length;
  if (!withTools) return undefined;
  const anchor = { start: site.anchor.start, end: site.anchor.end };
  const extent = { start: site.span.start, end: site.span.end };
  const base = { kind: 'agent' as const, growsHistory: true, anchor, extent };
  // Some builders give the service tools, others none (a factory's arms): which one this call gets is decided at run time.
  if (withTools < chains.length) return { ...base, turnsSource: 'setting', turnsFrom: `${withTools} of the ${chains.length} builders of ${iface} give it tools: a tool loop where they do` };
  const stated = chains.map((ch) => ch.bound);
  if (stated.every((b) => b !== undefined && Number.isInteger(b) && b > 0)) {
    return { ...base, turns: Math.max(...(stated as number[])), turnsSource: 'code', turnsFrom: `maxSequentialToolsInvocations(${Math.max(...(stated as number[]))}) on the AI service's builder` };
  }
  if (stated.some((b) => b !== undefined)) return { ...base, turnsSource: 'setting', turnsFrom: 'tool round trips set on the AI service builder at run time' };
  return defaultRun(c, base);
}

/** The run of a call of a Spring `@AiService` given tool beans (`tools = {"functionTools"}` in EXPLICIT wiring): the
 * starter builds it with AiServices and no bound of its own (AiServiceFactory.java), so the library's default holds. */
export function springToolRun(c: Ctx, site: CallSite): RunSite {
  const base = { kind: 'agent' as const, growsHistory: true, anchor: { ...site.anchor }, extent: { start: site.span.start, end: site.span.end } };
  return defaultRun(c, base);
}

/** The library's own bound on tool round trips, by the version the build file names. */
function defaultRun(c: Ctx, base: Pick<RunSite, 'kind' | 'growsHistory' | 'anchor' | 'extent'>): RunSite {
  const v = version(c);
  if (v && below(v, [0, 25, 0])) return { ...base, turnsSource: 'setting', turnsFrom: `LangChain4j ${v.join('.')}: AI service tool calls not bounded (${SOURCE})` };
  const turns = v && below(v, [0, 34, 0]) ? 10 : 100;
  const which = v ? `LangChain4j ${v.join('.')}` : 'LangChain4j (version not read; 100 from 0.34.0, 10 in 0.25–0.33)';
  return { ...base, turns, turnsSource: 'framework-default', turnsFrom: `${which} default: ${turns} tool round trips per AI service call (${SOURCE})` };
}
