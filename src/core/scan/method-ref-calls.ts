// A method passed as the first argument of a call that makes it (`functools.partial(client.chat.completions.create,
// model=…)`, method-refs.ts): read as that call, with the wrapper's arguments. Split from scanner.ts.
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { BY_LAST } from './shape-index';
import { hasIdent } from './run-index';
import { importsSdk } from './go-objects';
import { anchorStart } from './links';
import { refCallOpen } from './method-refs';
import { readCall } from './read-call';
import { readRun } from './runs';

const PARTIAL_REST = 'arguments given where the partial is called';

/** A method passed as the first argument of a call that makes it (method-refs.ts): read with that call's arguments. */
export function readRef(c: Ctx, i: number, languageId: string, made: [number, number][], sites: CallSite[]): void {
  const { toks, match } = c;
  for (const shape of BY_LAST.get(toks[i - 1].v) ?? []) {
    // Not an Assistants run: its method is passed around by the SDK itself (to_raw_response_wrapper(threads.create_and_run)).
    if (shape.via || shape.kind || shape.assistantRun || (shape.langs && !shape.langs.includes(c.syn.id))) continue;
    if (shape.needs && !shape.needs.some((w) => hasIdent(c, w))) continue;
    if (shape.imports && !importsSdk(c, shape.imports.paths)) continue;
    const first = anchorStart(toks, i - 1, shape.anchor.slice(0, -1));
    if (first < 0) continue;
    const open = refCallOpen(toks, match, first, i, c.syn.id, c.read);
    if (open < 0) return;
    const site = readCall(c, shape, first, open, languageId, made);
    if (!site) return;
    // The call is the wrapper's: from its name (where the lens goes) to its closing bracket.
    site.span = { start: Math.min(site.span.start, site.anchor.start), end: site.span.end };
    // `functools.partial(create, model=…)` sends nothing yet: the rest of the request (the prompt, often) comes where
    // the partial is called, named so the count is not taken for the whole prompt.
    if (toks[open - 1].v === 'partial' && !site.parts.length) site.parts.push({ text: '', span: site.anchor, resolved: false, label: PARTIAL_REST });
    readRun(c, site, first, open, match[open]);
    sites.push(site);
    return;
  }
}
