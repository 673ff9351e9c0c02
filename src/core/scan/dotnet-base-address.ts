// The BaseAddress of the .NET HttpClient a request is sent on, for a relative URL (`_http.PostAsync("chat/completions",
// content)`, http-calls.ts). Where apps set it (projectsplit/split-back-dotnet Program.cs, Api/Services/HttpClients/
// OpenAIClient.cs): on the client in the call's file (`_http.BaseAddress = new Uri(…)`, `new HttpClient { BaseAddress =
// new Uri(…) }`), or at its registration in the project (IHttpClientFactory): a named client, `AddHttpClient("openai",
// c => { c.BaseAddress = new Uri(…); })` made by `factory.CreateClient("openai")`, or a typed client,
// `AddHttpClient<OpenAIClient>(c => c.BaseAddress = …)` (also `<IOpenAIClient, OpenAIClient>`) whose constructor takes
// the `HttpClient`. https://learn.microsoft.com/aspnet/core/fundamentals/http-requests (named and typed clients). A
// relative URL joins the base as `new Uri(base, relative)` does (RFC 3986: the base's last segment is replaced, so
// "https://api.openai.com/v1/" + "chat/completions" is …/v1/chat/completions; https://learn.microsoft.com/dotnet/api/
// system.uri.-ctor#system-uri-ctor(system-uri-system-string)).
import { isId, isP } from '../lex/brackets';
import { projectDir } from '../resolve/app-settings';
import { dirname } from '../resolve/files';
import { evaluate } from './evaluate';
import { sourcesNear } from './dotnet-sections';
import type { EvalScope } from './value';
import type { Ctx } from './values';

/** The base of a client whose BaseAddress is set from a value known only at run time (`new Uri(config["Llm:Url"])`):
 * a relative URL on it is `{BaseAddress}/path`, as a run-time base before a path is elsewhere (http-calls.ts). */
export const RUNTIME_BASE = '{BaseAddress}';

/** Registrations read at most in a project. */
const MAX_REGISTRATIONS = 16;

/** The base address of the client named at toks[first - 2] (`_http.PostAsync(`), when the code states it. */
export function baseAddress(c: Ctx, first: number): string | undefined {
  const { toks } = c;
  if (!isP(toks[first - 1], '.') || !isId(toks[first - 2])) return undefined;
  const name = toks[first - 2].v;
  const own = setOn(c, name, first) ?? madeWith(c, name, first);
  if (own) return own.base;
  const idx = c.index;
  const dir = idx && projectDir(idx.files, dirname(c.file));
  if (!idx || dir === undefined) return undefined;
  // A named client (`CreateClient("openai")`), else a typed one: the class whose constructor takes the HttpClient.
  const made = createdAs(c, name);
  const key = made !== undefined ? `name:${made}` : takesClient(c, name) ? `type:${classAround(c, first)}` : undefined;
  if (!key || key === 'type:undefined') return undefined;
  const near = dirname(c.file);
  return idx.memo(dir, `http-base:${key}@${near}`, () => registered(c, dir, near, key));
}

/** `X.BaseAddress = new Uri(…)` / `this.X.BaseAddress = …` in the file: the nearest before the call, else the first. */
function setOn(c: Ctx, name: string, first: number): { base?: string } | undefined {
  const { toks } = c;
  let at = -1;
  for (let k = 2; k < toks.length - 3; k++) {
    if (toks[k].v !== 'BaseAddress' || !isP(toks[k - 1], '.') || toks[k - 2].v !== name || !isP(toks[k + 1], '=') || isP(toks[k + 2], '=')) continue;
    if (at >= 0 && k > first) break;
    at = k;
  }
  return at < 0 ? undefined : { base: uriAt(c, at + 2) ?? RUNTIME_BASE };
}

/** `X = new HttpClient { BaseAddress = new Uri(…) }` (also `new HttpClient() { … }`, `new() { … }`). */
function madeWith(c: Ctx, name: string, first: number): { base?: string } | undefined {
  const { toks, match } = c;
  let found: { base?: string } | undefined;
  for (const v of assignedValues(c, name)) {
    if (found && v > first) break;
    if (toks[v].v !== 'new') continue;
    let o = v + 1;
    if (toks[o]?.v === 'HttpClient') o++;
    if (isP(toks[o], '(') && match[o] > o) o = match[o] + 1;
    if (!isP(toks[o], '{') || match[o] < o) continue;
    for (let k = o + 1; k < match[o]; k++) if (toks[k].v === 'BaseAddress' && isP(toks[k + 1], '=')) found = { base: uriAt(c, k + 2) ?? RUNTIME_BASE };
  }
  return found;
}

/** The first value tokens of the assignments `X = …` / `this.X = …` of the file. */
function assignedValues(c: Ctx, name: string): number[] {
  const { toks } = c;
  const out: number[] = [];
  for (let k = 0; k < toks.length - 2 && out.length < 8; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || !isP(toks[k + 1], '=') || isP(toks[k + 2], '=')) continue;
    if (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'this') continue;
    out.push(k + 2);
  }
  return out;
}

/** The client's name when the file makes it with `factory.CreateClient("name")`; undefined when not so made. */
function createdAs(c: Ctx, name: string): string | undefined {
  const { toks, match } = c;
  for (const v of assignedValues(c, name)) {
    let k = v;
    while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
    if (toks[k]?.v !== 'CreateClient' || !isP(toks[k + 1], '(') || match[k + 1] <= k + 2) continue;
    const n = evaluate(c, k + 2, match[k + 1], 1);
    if (n?.str !== undefined && !n.holes?.length) return n.str;
  }
  return undefined;
}

/** Whether the client is an `HttpClient` the class is given (a constructor parameter, or a field set from one). */
function takesClient(c: Ctx, name: string): boolean {
  const { toks } = c;
  const typed = (n: string) => toks.some((t, k) => t.v === n && toks[k - 1]?.v === 'HttpClient' && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')')));
  if (typed(name)) return true;
  return assignedValues(c, name).some((v) => isId(toks[v]) && isP(toks[v + 1], ';') && typed(toks[v].v));
}

/** The name of the innermost class whose body holds toks[at]. */
function classAround(c: Ctx, at: number): string | undefined {
  const { toks, match } = c;
  for (let k = at - 1; k > 0; k--) {
    if (toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    let o = k + 2;
    while (o < at && !isP(toks[o], '{')) o++;
    if (o < at && match[o] > at) return toks[k + 1].v;
  }
  return undefined;
}

/** The text of `new Uri(X)` (or a bare text) at toks[i] in the scope's file. */
function uriAt(s: EvalScope, i: number): string | undefined {
  const { toks, match } = s;
  let [a, e] = [i, -1];
  if (toks[a].v === 'new' && toks[a + 1]?.v === 'Uri' && isP(toks[a + 2], '(')) [a, e] = [a + 3, match[a + 2]];
  if (e < 0) {
    e = a;
    while (e < toks.length && !isP(toks[e], ';') && !isP(toks[e], ',') && !isP(toks[e], '}') && !isP(toks[e], ')')) e = match[e] > e ? match[e] + 1 : e + 1;
  } else {
    // `new Uri(text, UriKind.Absolute)`: the text.
    for (let k = a; k < e; k++) if (isP(toks[k], ',')) { e = k; break; }
  }
  // Read outside the call: an edit of the address takes the full path (editor/incremental.ts).
  if (e > a) s.read?.push({ start: toks[i].start, end: toks[e - 1].end });
  const v = e > a ? evaluate(s, a, e, 1) : undefined;
  return v?.str !== undefined && !v.holes?.length ? v.str : undefined;
}

/** The BaseAddress the registration `AddHttpClient("name", …)` / `AddHttpClient<T>(…)` (`key`) sets in the project. */
function registered(c: Ctx, dir: string, near: string, key: string): string | undefined {
  const idx = c.index!;
  const [kind, want] = [key.slice(0, 4), key.slice(5)];
  let seen = 0;
  for (const f of sourcesNear(idx.files, dir, near)) {
    const text = idx.text(f);
    if (!text?.includes('AddHttpClient') || !text.includes('BaseAddress')) continue;
    const s = idx.scope(f);
    if (!s) continue;
    const { toks, match } = s;
    for (let k = 1; k < toks.length - 1; k++) {
      if (toks[k].v !== 'AddHttpClient' || !isP(toks[k - 1], '.')) continue;
      if (++seen > MAX_REGISTRATIONS) return undefined;
      let o = k + 1;
      const types: string[] = [];
      if (isP(toks[o], '<')) for (o++; o < toks.length && !isP(toks[o], '>'); o++) if (isId(toks[o])) types.push(toks[o].v);
      if (isP(toks[o], '>')) o++;
      if (!isP(toks[o], '(') || match[o] < o) continue;
      if (kind === 'type' ? !types.includes(want) : !named(s, o, want)) continue;
      for (let j = o + 1; j < match[o]; j++) if (toks[j].v === 'BaseAddress' && isP(toks[j + 1], '=') && !isP(toks[j + 2], '=')) return uriAt(s, j + 2) ?? RUNTIME_BASE;
    }
  }
  return undefined;
}

/** Whether the registration's first argument is the client's name. */
function named(s: EvalScope, open: number, want: string): boolean {
  const { toks, match } = s;
  let e = open + 1;
  while (e < match[open] && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
  const v = e > open + 1 ? evaluate(s, open + 1, e, 1) : undefined;
  return v?.str === want;
}

/** `new Uri(base, relative)`: the relative URL joined to the base (RFC 3986 §5.2 for a path without `..`). */
export function joinUrl(base: string, rel: string): string {
  const m = /^(https?:\/\/[^/?#]+)(\/[^?#]*)?/i.exec(base.trim());
  if (!m) return rel;
  if (rel === '') return base;
  if (rel.startsWith('/')) return m[1] + rel;
  const path = m[2] ?? '/';
  return m[1] + path.slice(0, path.lastIndexOf('/') + 1) + rel;
}
