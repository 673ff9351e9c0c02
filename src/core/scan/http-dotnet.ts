// The body of a .NET HttpClient call to an LLM REST endpoint (http-calls.ts): `PostAsJsonAsync(url, obj)`,
// `PostAsync(url, new StringContent(JsonConvert.SerializeObject(obj), …))`, through locals to the request object.
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';
import { argsRange } from './http-calls';

/** .NET wrappers of a request body: the content made of it (`new StringContent(json, Encoding.UTF8, "application/json")`,
 * `JsonContent.Create(obj)`), the JSON text made of it (`JsonConvert.SerializeObject(obj)`, `JsonSerializer.Serialize(obj)`). */
const DOTNET_WRAPPERS = /^(?:new StringContent|JsonContent\.Create|JsonConvert\.SerializeObject|JsonSerializer\.Serialize|System\.Text\.Json\.JsonSerializer\.Serialize)$/;

/**
 * A .NET HttpClient body (`PostAsync(url, content)`, `PostAsJsonAsync(url, obj)`): through the locals and wrappers
 * that make the content of an object, the object (an initializer or the name the key walk follows).
 */
export function dotnetBody(c: Ctx, from: number, to: number, first: number): [number, number] {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let left = 6; left > 0; left--) {
    while (isId(toks[a]) && toks[a].v === 'await') a++;
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, first);
      if (def < 0) return [a, e];
      [a, e] = [def, valueEnd(c, def, toks.length)];
      continue;
    }
    const w = wrapperAt(c, a);
    if (w < 0 || match[w] !== e - 1) return [a, e];
    const inner = argsRange(c, w);
    if (!inner) return [a, e];
    [a, e] = inner;
  }
  return [a, e];
}

/** The bracket of the wrapper call starting at toks[i], or -1. */
function wrapperAt(c: Ctx, i: number): number {
  const { toks } = c;
  let n = isId(toks[i]) && toks[i].v === 'new' ? i + 1 : i;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (!isId(toks[n]) || !isP(toks[n + 1], '(')) return -1;
  return DOTNET_WRAPPERS.test(c.text.slice(toks[i].start, toks[n].end).replace(/\s+/g, ' ')) ? n + 1 : -1;
}
