// A Mastra agent's model given as a config rather than an id (packages/core/src/agent/types.ts AgentConfig.model):
// `{ id: "openai/gpt-4o", apiKey }` (an OpenAI-compatible config) or a fallback list `[{ model: …, maxRetries }, …]`,
// whose first entry is the model called while it answers.
import { isP } from '../lex/brackets';
import { normKey } from './call-keys';
import type { Found } from './keys';
import { argIndex, keyAt, readModel, valueEnd, type Ctx } from './values';
import { splitProvider } from './provider-prefix';

/** The value range of the key `want` among the keys of toks[from, to) (an object's top level), or undefined. */
function keyed(c: Ctx, from: number, to: number, want: string): [number, number] | undefined {
  for (let j = from; j < to; ) {
    const sep = keyAt(c, j);
    const e = valueEnd(c, sep >= 0 ? sep + 1 : j, to);
    if (sep >= 0 && normKey(c.toks[j].v) === want) return [sep + 1, e];
    j = e > j ? e + 1 : j + 1;
  }
  return undefined;
}

/** Reads the model of the agent's config (the construction's arguments toks[from, to)) into `f`, when the key walk read none. */
export function mastraModel(c: Ctx, f: Found, from: number, to: number): void {
  const { toks, match } = c;
  // `new Agent({ … })`: the keys of its one object.
  const obj = isP(toks[from], '{') && match[from] > from ? from : -1;
  const at = obj < 0 ? undefined : keyed(c, obj + 1, match[obj], 'model');
  if (!at) return;
  let v = at[0];
  const list = isP(toks[v], '[') && match[v] > v + 1;
  if (list) v = argIndex(c, v + 1, match[v], 0);
  if (!isP(toks[v], '{') || match[v] < v) return;
  const inner = keyed(c, v + 1, match[v], list ? 'model' : 'id');
  const m = inner && readModel(c, inner[0], inner[1]);
  if (!m) return;
  // `{ id, url }`: an OpenAI-compatible server of the app's choosing serves the id, on its own terms.
  const url = list ? undefined : keyed(c, v + 1, match[v], 'url');
  f.model = url ? { unresolved: `${c.text.slice(toks[inner[0]].start, toks[inner[1] - 1].end)} (served at ${c.text.slice(toks[url[0]].start, toks[url[1] - 1].end)})` } : m;
}

/** The same for an agent a call is bound to, made at toks[bound.start, bound.end]: its id split as the row's. */
export function boundMastraModel(c: Ctx, f: Found, bound: { start: number; end: number }, prefix?: string): void {
  let open = bound.start;
  while (open < bound.end && !isP(c.toks[open], '(')) open++;
  if (open >= bound.end) return;
  mastraModel(c, f, open + 1, bound.end);
  if (prefix) splitProvider(f, prefix);
}
