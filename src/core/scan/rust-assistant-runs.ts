// async-openai's Assistants runs (call-shapes-legacy.ts): `client.threads().runs(&thread_id).create(request)` with the
// request built as `CreateRunRequestArgs::default().assistant_id(id)….build()?` (read by the request's builder walk
// before this), `client.threads().create_and_run(request)`. What the run leaves unset is its assistant's: the model
// ("If not, the model associated with the assistant will be used"), the instructions (the run's `instructions`
// override them, `additional_instructions` append), the tools; the prompt is the thread's messages
// (64bit/async-openai async-openai/src/types/assistants/run.rs CreateRunRequest). The assistant is made elsewhere
// (often in OpenAI's dashboard): named, never guessed.
import { isId, isP } from '../lex/brackets';
import type { Found } from './keys';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { requestAt } from './request-defs';
import { collectParts, pushParts } from './parts';

export function rustAssistantRun(c: Ctx, f: Found, first: number, open: number): void {
  const { toks } = c;
  const text = (a: number, b: number) => c.text.slice(toks[a].start, toks[b].end).replace(/\s+/g, ' ');
  // `create(request)` / `create(request.clone())`: the request built before it in the function.
  const close = c.match[open];
  let req = '';
  if (isId(toks[open + 1]) && close > open + 1) {
    const r = requestAt(c, assignmentBefore(c, toks[open + 1].v, first));
    if (r) {
      f.request = { start: r.start, end: r.end };
      req = text(r.start, Math.min(r.end, toks.length - 1));
      if (r.found.model) f.model = r.found.model;
      f.limit ??= r.found.limit;
      f.limitUnresolved ??= r.found.limitUnresolved;
      pushParts(f.parts, r.found.parts);
      // `.additional_instructions("…")`: appended to the instructions.
      for (let k = r.start; k < r.end; k++) {
        if (toks[k].v === 'additional_instructions' && isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && c.match[k + 1] > k + 1) collectParts(c, k + 2, c.match[k + 1], f.parts);
      }
      f.messages += r.found.messages;
    } else f.parts.push({ text: '', span: { start: toks[open + 1].start, end: toks[close - 1].end }, resolved: false, label: `${text(open + 1, close - 1)} (built at run time)` });
  }
  const id = /\.assistant_id\(\s*([^()]*?)\s*\)/.exec(req)?.[1];
  const named = id ? `assistant ${id}` : 'the assistant';
  if (!f.model || 'unresolved' in f.model) f.model = { unresolved: `${named} (its model, set where it is made)` };
  const anchor = { start: toks[first].start, end: toks[open].end };
  if (!/\.instructions\(/.test(req)) {
    f.parts.unshift({ text: '', span: anchor, resolved: false, label: `instructions of ${named}` });
    f.system = (f.system ?? 0) + 1;
  }
  if (!/\.tools\(/.test(req)) {
    (f.uses ??= new Set()).add('tools');
    if (!(f.extras ??= []).includes(`tools of ${named}`)) f.extras.push(`tools of ${named}`);
  }
  // `runs(&self.id)`: the thread whose messages the run sends; `create_and_run`: the thread its request makes
  // (`.thread(CreateThreadRequestArgs…)`, CreateThreadAndRunRequest.thread).
  if (toks[first].v === 'runs' && isP(toks[first + 1], '(') && c.match[first + 1] > first + 2) {
    f.parts.push({ text: '', span: anchor, resolved: false, label: `messages of thread ${text(first + 2, c.match[first + 1] - 1)}` });
    f.messages++;
  } else if (/\.thread\(/.test(req)) {
    f.parts.push({ text: '', span: anchor, resolved: false, label: 'messages of the thread it makes' });
    f.messages++;
  }
}
