// Prism (github.com/prism-php/prism) pending requests: the links from `Prism::text()` to the sending method.
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { readModel, readNumber, type Ctx } from './values';
import { collectParts } from './parts';
import { readLimitKey, type Found } from './keys';
import { memberValue } from './lookup';
import { label } from './value';
import { MAX_LINKS, argsOf, linkBefore, linksBack, messagesAt, phpAssignment, providerAt, type PhpChain } from './php-chains';
import { passedFactory, serviceChain, type ServiceChain } from './prism-services';
import { basename } from '../resolve/files';
import type { LimitRef, Span } from '../types';

/** `Prism::text(` / `Prism::structured(` / `prism()->text(`: the head's name index, or -1. */
function prismHead(toks: Token[], match: Int32Array, name: number): number {
  const w = toks[name]?.v;
  if (w !== 'text' && w !== 'structured') return -1;
  if (isP(toks[name - 1], '::') && toks[name - 2]?.v === 'Prism') return name - 2;
  if (isP(toks[name - 1], '->') && isP(toks[name - 2], ')') && match[name - 2] > 0 && toks[match[name - 2] - 1]?.v === 'prism') return match[name - 2] - 1;
  return -1;
}

/** The links of a pending request read forward from its head (`Prism::text()->using(…)->…` in an assignment). */
function linksForward(c: Ctx, head: number): number[] | undefined {
  const { toks, match } = c;
  let name = isP(toks[head + 1], '::') ? head + 2 : -1;
  if (name < 0 && isP(toks[head + 1], '(') && isP(toks[head + 2], ')') && isP(toks[head + 3], '->')) name = head + 4;
  if (name < 0 || prismHead(toks, match, name) !== head || !isP(toks[name + 1], '(') || match[name + 1] < 0) return undefined;
  const links: number[] = [];
  let k = match[name + 1] + 1;
  for (let n = 0; n < MAX_LINKS && isP(toks[k], '->') && isId(toks[k + 1]) && isP(toks[k + 2], '(') && match[k + 2] > 0; n++) {
    links.push(k + 1);
    k = match[k + 2] + 1;
  }
  return links;
}

/** Reads a Prism chain ending in the sending method at `arrow` into `f`; undefined when it is no Prism request. */
export function readPrism(c: Ctx, f: Found, arrow: number): PhpChain | undefined {
  const { toks, match } = c;
  const { links, head } = linksBack(c, arrow, (name) => prismHead(toks, match, name) >= 0);
  let start = -1;
  const all: number[] = [];
  let service: ServiceChain | undefined;
  const headName = linkBefore(toks, match, head);
  if (headName >= 0 && prismHead(toks, match, headName) >= 0) start = prismHead(toks, match, headName);
  else {
    // A pending request kept in a variable or a member (`$this->client = Prism::text()->using(…)` in the constructor).
    const tk = toks[head];
    let def = -1;
    if (!tk) return undefined;
    if (isId(tk) && tk.v.startsWith('$') && !isP(toks[head - 1], '->')) def = phpAssignment(c, tk.v, arrow);
    else if (isId(tk) && isP(toks[head - 1], '->') && toks[head - 2]?.v === '$this') def = memberValue(c, tk.v, toks[arrow].start);
    const fwd = def >= 0 ? linksForward(c, def) : undefined;
    if (fwd) {
      start = def;
      all.push(...fwd);
    } else {
      // A request an app class's method returns (`$prismService->using($p, $m)->withPrompt(…)->asText()`).
      const method = links.length && isId(tk) && (tk.v.startsWith('$') || isP(toks[head - 1], '->')) ? links[links.length - 1] : -1;
      const isHead = (s: Ctx, k: number) => linksForward(s, k) !== undefined;
      service = method >= 0 ? serviceChain(c, head, method, isHead) : undefined;
      if (service) links.pop();
      else {
        // An untyped parameter given a request the class makes (`$this->chat($prism)`, `$prism = $this->prismFactory()`).
        const made = isId(tk) && tk.v.startsWith('$') && !isP(toks[head - 1], '->') ? passedFactory(c, head) : undefined;
        service = made && serviceChain(c, made.self, made.method, isHead);
        if (!service) return undefined;
      }
      start = isP(toks[head - 1], '->') ? head - 2 : head;
    }
  }
  all.push(...links.reverse());
  let provider: string | undefined;
  const seen: { provider?: string } = {};
  if (service) {
    const anchor = { start: toks[arrow + 1].start, end: toks[arrow + 1].start };
    for (const name of linksForward(service.svc, service.head)!) {
      const p = prismLink(service.svc, f, name, seen, { ...service, caller: c, anchor });
      if (p !== undefined) provider = p;
    }
  }
  for (const name of all) {
    const p = prismLink(c, f, name, seen);
    if (p !== undefined) provider = p;
  }
  // No ->withMaxTokens(): what Prism's provider handler sends then.
  const dflt = provider ? PRISM_DEFAULT_LIMITS[provider] : undefined;
  if (!f.limit && !f.limitUnresolved && dflt) {
    const at = { start: toks[arrow + 1].start, end: toks[arrow + 1].start };
    f.limit = { value: dflt[0], span: at, key: `${dflt[1]} (Prism's default)`, unwritten: true, source: { offset: at.start, what: `Prism's default ${dflt[1]} for ${provider} (${dflt[0]})` } };
  } else if (!f.limit && !f.limitUnresolved && provider === '' && seen.provider) {
    // The provider is chosen at run time: what Prism sends depends on it.
    f.limitUnresolved = `64000 if ${seen.provider} is anthropic, 2048 if ollama or xai, else none`;
  }
  return { provider: provider || undefined, start };
}

/** The limit Prism sends when the request sets none (src/Providers/Anthropic/Handlers/Text.php, Structured.php
 * `max_tokens => $request->maxTokens() ?? 64000`; Ollama/Handlers/Text.php, Stream.php, Structured.php `num_predict =>
 * … ?? 2048`; XAI/Handlers/Text.php, Stream.php, Structured.php `max_tokens => … ?? 2048`); the other providers'
 * handlers send the limit only when set. */
const PRISM_DEFAULT_LIMITS: Record<string, [number, string]> = {
  anthropic: [64_000, 'max_tokens'], ollama: [2048, 'num_predict'], xai: [2048, 'max_tokens'],
};

/** A link read in a service's file (prism-services.ts): the caller, and where values written there are shown. */
type InService = ServiceChain & { caller: Ctx; anchor: Span };

/** One link of a Prism request; returns the provider when it is `using(…)`. In a service's file (`sv`), an argument
 * that is a parameter is read where the caller passes it, and what is read in the service's file is marked as its. */
function prismLink(c: Ctx, f: Found, name: number, seen: { provider?: string }, sv?: InService): string | undefined {
  const { toks, match } = c;
  const open = name + 1;
  const close = match[open];
  const args = argsOf(c, open + 1, close);
  const pick = (a: [number, number]): [Ctx, number, number] => (sv ? sv.where(a[0], a[1]) : [c, a[0], a[1]]);
  const foreign = (x: Ctx) => !!sv && x !== sv.caller;
  const place = (x: Ctx, offset: number) => ({ file: x.file, offset, what: `the request ${basename(x.file)} returns` });
  /** Prompt parts read in `x`: a service's shown at the call, their place in the hover. */
  const parts = (x: Ctx, from: number, to: number) => {
    const before = f.parts.length;
    collectParts(x, from, to, f.parts);
    if (foreign(x)) for (let i = before; i < f.parts.length; i++) f.parts[i] = { ...f.parts[i], span: sv!.anchor, source: f.parts[i].source ?? place(x, f.parts[i].span.start) };
  };
  switch (toks[name].v) {
    case 'using': {
      const [p, m] = [args.get(0) ?? args.get('provider'), args.get(1) ?? args.get('model')];
      if (m) {
        const [x, a, b] = pick(m);
        f.model = readModel(x, a, b);
        if (foreign(x) && f.model && 'ref' in f.model) f.model = { ref: { ...f.model.ref, file: f.model.ref.file ?? x.file, source: f.model.ref.source ?? place(x, f.model.ref.span.start) } };
      }
      if (!p) return '';
      const [x, a, b] = pick(p);
      seen.provider = label(x, a, b);
      return providerAt(x, a, b);
    }
    case 'withMaxTokens': {
      const a = args.get(0) ?? args.get('maxTokens');
      // `withMaxTokens(null)` clears it (ConfiguresModels.php: ?int).
      if (a && !(a[1] === a[0] + 1 && toks[a[0]].v === 'null')) {
        f.limit = undefined;
        f.limitUnresolved = undefined;
        const [x, s, e] = pick(a);
        readLimitKey(x, f, x === c ? name : s, s, e);
        const lim = f.limit as LimitRef | undefined;
        if (foreign(x) && lim) f.limit = { ...lim, file: lim.file ?? x.file, source: lim.source ?? place(x, lim.span.start) };
      }
      return undefined;
    }
    case 'withSystemPrompt': {
      f.system = (f.system ?? 0) + 1;
      const a = args.get(0) ?? args.get('message');
      if (a) parts(...pick(a));
      return undefined;
    }
    case 'withPrompt': {
      f.messages++;
      const a = args.get(0) ?? args.get('prompt');
      if (a) parts(...pick(a));
      if (args.has(1) || args.has('additionalContent')) (f.uses ??= new Set()).add('images');
      return undefined;
    }
    case 'withMessages': {
      const a = args.get(0) ?? args.get('messages');
      if (a && !sv) messagesAt(c, f, a[0], a[1]);
      else if (a) f.messages++;
      return undefined;
    }
    case 'withTools':
    case 'withTool':
    case 'withProviderTools':
      (f.uses ??= new Set()).add('tools');
      return undefined;
    case 'withMaxSteps': {
      // A request with tools is sent again after each tool call while its steps are fewer than maxSteps (Prism
      // src/Providers/OpenAI/Handlers/Text.php shouldContinue); 1 by default (Concerns/ConfiguresGeneration.php).
      const a = args.get(0) ?? args.get('steps');
      if (!a) return undefined;
      const [x, s, e] = pick(a);
      const n = readNumber(x, s, e);
      const inner = c.text.slice(toks[open].end, toks[close].start).trim().slice(0, 40);
      const written = sv && c.file !== sv.caller.file ? `withMaxSteps(${inner}) in ${basename(c.file)}` : `withMaxSteps(${inner})`;
      f.steps = n && Number.isInteger(n.value) && n.value > 0 ? { turns: n.value, from: written } : { from: `${written} (read at run time)` };
      return undefined;
    }
    case 'withSchema':
      (f.uses ??= new Set()).add('structured-output');
      return undefined;
    default:
      return undefined;
  }
}
