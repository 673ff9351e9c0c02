// Gemini.NET's request builder states its output limit as a positional argument:
// `new ApiRequestBuilder()….WithDefaultGenerationConfig(0.2f, 400)….Build()`
// (https://github.com/phanxuanquang/Gemini.NET, c7c2798, Gemini.NET/ApiRequestBuilder.cs
// `WithDefaultGenerationConfig(float temperature = 1, int maxOutputTokens = 65536)`). A named argument
// (`maxOutputTokens: 400`) is read by the key walk; `WithGenerationConfig(new GenerationConfig { MaxOutputTokens = n })` too.
import { isId, isP } from '../lex/brackets';
import { argIndex, readNumber, valueEnd, type Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { followArgs } from './requests';
import { assignmentBefore } from './definitions';
import { builderEnd } from './chains';

/** The builder links read here: an edit that makes or breaks one changes the limit or the history (reader-words.ts). */
export const GEMINI_DOTNET_WORDS = ['WithDefaultGenerationConfig', 'EnableChatHistory', 'ApiRequestBuilder'];

/**
 * The request of `generator.GenerateContentAsync(request, model)` (its first argument, from `from`, the call's anchor at
 * `first`): followed as any request is, or, for `builder.Build()` on a builder made earlier in the method, that
 * builder's chain and the links called on it before the call (`builder.WithPrompt(userInput);`, AskDB
 * ChatWithDatabase.xaml.cs). Then the limit, and the history an EnableChatHistory generator sends.
 */
export function geminiDotnetRequest(c: Ctx, f: Found, from: number, to: number, first: number): void {
  const { toks, match } = c;
  const e = valueEnd(c, from, to);
  const built = isId(toks[from]) && isP(toks[from + 1], '.') && toks[from + 2]?.v === 'Build' && isP(toks[from + 3], '(') && match[from + 3] === from + 4 && e === from + 5;
  const def = built ? assignmentBefore(c, toks[from].v, first) : -1;
  if (def >= 0 && toks[def].v === 'new' && toks[def + 1]?.v === 'ApiRequestBuilder' && isP(toks[def + 2], '(')) {
    const end = builderEnd(c, def + 2);
    walkKeys(c, f, def, end + 1);
    // `builder.WithPrompt(x);` statements between the builder and the call.
    c.read?.push({ start: toks[def].start, end: toks[first].end });
    for (let k = end + 1; k < first; k++) {
      if (toks[k].v !== toks[from].v || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || !isP(toks[k + 3], '(') || !(match[k + 3] > k + 3)) continue;
      walkKeys(c, f, k + 1, match[k + 3] + 1);
      if (!f.limit) geminiDotnetLimit(c, f, k + 1, match[k + 3] + 1);
    }
    if (!f.limit) geminiDotnetLimit(c, f, def, end + 1);
  } else {
    followArgs(c, f, from, e, first, undefined, false);
    if (!f.limit) geminiDotnetLimit(c, f, f.request?.start ?? from, f.request?.end ?? to);
  }
  chatHistory(c, f, first);
}

/**
 * `_generator = new Generator(key).EnableChatHistory(200)`: the generator keeps each request's contents and each reply
 * and sends them all with the next request (Generator.cs c7c2798 GenerateContentAsync: `SetChatHistory(request.Contents);
 * request.Contents = HistoryContent`, EnableChatHistory(int? chatMessageLimit) keeping the last n). The earlier turns are
 * a part known at run time. The generator may be a field set in another method: its one assignment in the file.
 */
function chatHistory(c: Ctx, f: Found, first: number): void {
  const { toks } = c;
  if (!isP(toks[first - 1], '.') || !isId(toks[first - 2])) return;
  const name = toks[first - 2].v;
  let def = assignmentBefore(c, name, first);
  const all = c.assigns?.get(name);
  if (def < 0 && all?.value.length === 1) {
    def = all.value[0];
    c.read?.push({ start: toks[all.at[0]].start, end: toks[def].end });
  }
  if (def < 0 || toks[def].v !== 'new' || toks[def + 1]?.v !== 'Generator') return;
  const end = valueEnd(c, def, toks.length);
  for (let k = def; k < end; k++) {
    if (toks[k].v !== 'EnableChatHistory' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(')) continue;
    // To the call's `)`: its arguments are in the label.
    c.read?.push({ start: toks[def].start, end: toks[Math.max(k, c.match[k + 1])].end });
    const args = c.match[k + 1] > k + 1 ? c.text.slice(toks[k + 2].start, toks[c.match[k + 1] - 1].end) : '';
    f.parts.push({ text: '', span: { start: toks[first - 2].start, end: toks[first - 2].end }, resolved: false, label: `earlier turns (${name} keeps the chat: EnableChatHistory(${args}))` });
    return;
  }
}

/** The limit of the first `.WithDefaultGenerationConfig(t, n)` in toks[from, to), when it is a number. */
export function geminiDotnetLimit(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'WithDefaultGenerationConfig' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(')) continue;
    const close = c.match[k + 1];
    if (close < 0 || close > to) return;
    const at = argIndex(c, k + 2, close, 1);
    // Only a positional second argument: a named one was read as a key.
    if (at >= close || (isId(toks[at]) && isP(toks[at + 1], ':'))) return;
    const n = readNumber(c, at, valueEnd(c, at, close));
    if (n) f.limit = { ...n, key: 'maxOutputTokens' };
    return;
  }
}
