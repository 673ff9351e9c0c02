// A .NET sender whose body is its parameter, made by several callers in the same file (held52 C3/C4,
// DarkKnight1302/InterviewerCopilotServer Services/OpenAIService.cs: GenerateQuestionAsync builds `new
// ChatCompletionsRequest { Model = DefaultModel, MaxCompletionTokens = 10000, … }`, AnalyzeSolutionAsync the same with
// 20000, both `return await SendRequestAsync(requestBody)`, which serialises it into an HttpRequestMessage). Each
// caller's request is one that is sent: all are read and merged as several callers' requests are
// (cs-caller-requests.ts): the most known prompt text, the dearest model with the others named, the largest limit with
// the others named, each stated by its caller. Before, the first caller's body alone was read: 10000 for both.
import { walkKeys, type Found } from './keys';
import { recordReader } from './http-dotnet';
import { mergedRequests } from './cs-caller-requests';
import type { Request } from './request-defs';
import type { Ctx } from './values';

/** Merges into `f` (the first caller's body, toks[from, to)) the bodies `others` the other callers pass. */
export function mergeCallerBodies(c: Ctx, f: Found, from: number, to: number, others: [number, number][]): void {
  const reqs: Request[] = [{ found: f, start: from, end: to }];
  // The messages of a list each body names are counted on the context (message-lists.ts): each body's own count.
  const counts = new Map<Found, number>([[f, c.listMessages ?? 0]]);
  for (const [a, e] of others) {
    const g: Found = { parts: [], messages: 0 };
    c.listMessages = 0;
    const read = recordReader(c, a, e);
    if (read) read(g);
    else walkKeys(c, g, a, e);
    counts.set(g, c.listMessages);
    reqs.push({ found: g, start: a, end: e });
  }
  const base = mergedRequests(reqs, true)!;
  c.listMessages = counts.get(reqs.find((r) => r.start === base.start)!.found);
  const m = base.found;
  // A caller whose limit is known only at run time, or that sends none: the limit is not one the code states for all.
  const open = reqs.find((r) => !r.found.limit);
  if (open && m.limit) {
    m.limit = undefined;
    m.limitUnresolved = open.found.limitUnresolved ?? `${c.text.slice(c.toks[open.start].start, c.toks[open.end - 1].end)} (sets no limit)`;
  } else if (m.limit?.others?.length) m.limit = { ...m.limit, byCaller: true };
  for (const k of Object.keys(f) as (keyof Found)[]) if (!(k in m)) delete f[k];
  Object.assign(f, m);
}
