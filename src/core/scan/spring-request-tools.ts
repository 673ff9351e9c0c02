// The tools a Spring AI ChatClient request is given itself, `chatClient.prompt().user(q).tools(new DateTimeTools())
// .call()` (or `.tools(weatherTools)`, a field or parameter of that class, or `.toolCallbacks(ToolCallbacks.from(…))`):
// each object's `@Tool` methods go with that request, after the client's default tools (spring-projects/spring-ai
// fd3fd6ec, v2.0.1 + 2, spring-ai-client-chat DefaultChatClient.java ChatClientRequestSpec.tools(Object...): a POJO is
// turned into tool callbacks by ToolCallbacks.from; toolCallbacks(…) calls tools(…)), built as for `.defaultTools(…)`
// (spring-tool-defs.ts). Seen in BRUNEXX13/spring-ai, haroldjcastillo/spring-ai-land and raghav28o/Spring-AI
// (DateTimeController, WeatherController, TaskManagementController, the Spring AI tools guide's examples): the run was a
// tool loop with no tool counted.
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { args } from './calls';
import { classToolDefs } from './spring-tool-defs';

/** Chain links walked back from the call at most. */
const MAX_LINKS = 32;
const METHODS = new Set(['tools', 'toolCallbacks']);
const CALLBACKS = /ToolCallback(?:Provider)?$/;

/** Adds to the site the tools of the objects its request chain (ending in `first`, the `call` / `stream` name) gives. */
export function springRequestTools(c: Ctx, site: CallSite, first: number): void {
  const { toks, match } = c;
  const classes: string[] = [];
  const unread: string[] = [];
  let [from, to] = [Infinity, -1];
  // `.tools(…)` links before the call: `x.prompt().user(…).tools(…).call()`.
  for (let k = first, n = 0; n < MAX_LINKS && isP(toks[k - 1], '.') && isP(toks[k - 2], ')'); n++) {
    const open = match[k - 2];
    if (open === undefined || open < 1 || !isId(toks[open - 1])) break;
    k = open - 1;
    if (!METHODS.has(toks[k].v)) continue;
    [from, to] = [Math.min(from, toks[k].start), Math.max(to, toks[match[open]].end)];
    for (const a of args(c, open, match[open])) objectClasses(c, a.from, a.to, classes, unread);
  }
  if (to < 0) return;
  const found = new Set<string>();
  const defs = classToolDefs(c, classes, found);
  for (const cls of classes) {
    if (found.has(cls)) continue;
    // A ToolCallback / ToolCallbackProvider (an MCP client's tools) is made at run time.
    unread.push(CALLBACKS.test(cls) ? `tools of the ${cls} (known at run time): not counted` : `tools of ${cls} (no @Tool class read): not counted`);
  }
  const span = { start: from, end: to };
  for (const label of [...unread, ...(defs?.unknown ?? [])]) site.parts.push({ text: '', span, resolved: false, label });
  if (!defs) return;
  const had = site.tools;
  const list = had && had.text.startsWith('[') && had.text.endsWith(']') ? had.text.slice(1, -1) : '';
  if (had && !list && had.definitions > 0) return; // a tools value not read as a list: left as it was read
  site.tools = {
    text: `[${[list, defs.text.slice(1, -1)].filter((t) => t).join(',')}]`,
    definitions: (had?.definitions ?? 0) + defs.definitions,
    span: had ? { start: Math.min(had.span.start, from), end: Math.max(had.span.end, to) } : span,
  };
  (site.uses ??= []).includes('tools') || site.uses.push('tools');
}

/** The classes of the tool objects toks[a, b) gives: `new X()`, a name declared `X name`, `ToolCallbacks.from(…)` of those. */
function objectClasses(c: Ctx, a: number, b: number, classes: string[], unread: string[]): void {
  const { toks, match } = c;
  if (toks[a].v === 'new' && isId(toks[a + 1]) && isP(toks[a + 2], '(') && match[a + 2] === b - 1) classes.push(toks[a + 1].v);
  else if (b === a + 1 && isId(toks[a])) {
    const type = declaredType(c, toks[a].v, a);
    if (type) classes.push(type);
    else unread.push(`tools ${toks[a].v} (its class not read): not counted`);
  } else if (b === a + 2 && toks[a].v === 'this' && isP(toks[a + 1], '.')) objectClasses(c, a + 2, b, classes, unread);
  else if (toks[a].v === 'ToolCallbacks' && isP(toks[a + 1], '.') && toks[a + 2]?.v === 'from' && isP(toks[a + 3], '(') && match[a + 3] === b - 1) {
    for (const x of args(c, a + 3, b - 1)) objectClasses(c, x.from, x.to, classes, unread);
  } else unread.push(`tools ${c.text.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, ' ').slice(0, 60)}: not counted`);
}

/** The type a name is declared with in this file (`private final WeatherTools weatherTools;`, a constructor or method
 * parameter `WeatherTools weatherTools`, Kotlin `weatherTools: WeatherTools`), the nearest declaration before `before`. */
function declaredType(c: Ctx, name: string, before: number): string | undefined {
  const { toks } = c;
  for (let p = before - 1; p >= 1; p--) {
    if (toks[p].v !== name || !isId(toks[p]) || isP(toks[p - 1], '.')) continue;
    const after = toks[p + 1];
    const ends = (t: typeof after) => isP(t, ',') || isP(t, ')') || isP(t, ';') || isP(t, '=');
    if (isId(toks[p - 1]) && !WORDS.has(toks[p - 1].v) && ends(after)) {
      c.read?.push({ start: toks[p - 1].start, end: toks[p].end });
      return toks[p - 1].v;
    }
    if (c.syn.id === 'kotlin' && isP(after, ':') && isId(toks[p + 2]) && ends(toks[p + 3])) {
      c.read?.push({ start: toks[p].start, end: toks[p + 2].end });
      return toks[p + 2].v;
    }
  }
  return undefined;
}

const WORDS = new Set(['return', 'new', 'final', 'val', 'var', 'this', 'throw', 'else', 'private', 'public', 'protected', 'static']);
