// Prism (github.com/prism-php/prism) pending requests: the links from `Prism::text()` to the sending method.
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { readModel, type Ctx } from './values';
import { collectParts } from './parts';
import { readLimitKey, type Found } from './keys';
import { memberValue } from './lookup';
import { MAX_LINKS, argsOf, linkBefore, linksBack, messagesAt, phpAssignment, providerAt, type PhpChain } from './php-chains';

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
  const headName = linkBefore(toks, match, head);
  if (headName >= 0 && prismHead(toks, match, headName) >= 0) start = prismHead(toks, match, headName);
  else {
    // A pending request kept in a variable or a member (`$this->client = Prism::text()->using(…)` in the constructor).
    const tk = toks[head];
    let def = -1;
    if (isId(tk) && tk.v.startsWith('$') && !isP(toks[head - 1], '->')) def = phpAssignment(c, tk.v, arrow);
    else if (isId(tk) && isP(toks[head - 1], '->') && toks[head - 2]?.v === '$this') def = memberValue(c, tk.v, toks[arrow].start);
    const fwd = def >= 0 ? linksForward(c, def) : undefined;
    if (!fwd) return undefined;
    start = def;
    all.push(...fwd);
  }
  all.push(...links.reverse());
  let provider: string | undefined;
  for (const name of all) {
    const p = prismLink(c, f, name);
    if (p !== undefined) provider = p;
  }
  // No ->withMaxTokens(): what Prism's provider handler sends then.
  const dflt = provider ? PRISM_DEFAULT_LIMITS[provider] : undefined;
  if (!f.limit && !f.limitUnresolved && dflt) {
    const at = { start: toks[arrow + 1].start, end: toks[arrow + 1].start };
    f.limit = { value: dflt[0], span: at, key: `${dflt[1]} (Prism's default)`, unwritten: true, source: { offset: at.start, what: `Prism's default ${dflt[1]} for ${provider} (${dflt[0]})` } };
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

/** One link of a Prism request; returns the provider when it is `using(…)`. */
function prismLink(c: Ctx, f: Found, name: number): string | undefined {
  const { toks, match } = c;
  const open = name + 1;
  const close = match[open];
  const args = argsOf(c, open + 1, close);
  switch (toks[name].v) {
    case 'using': {
      const [p, m] = [args.get(0) ?? args.get('provider'), args.get(1) ?? args.get('model')];
      if (m) {
        f.model = readModel(c, m[0], m[1]);
      }
      return p ? providerAt(c, p[0], p[1]) : '';
    }
    case 'withMaxTokens': {
      const a = args.get(0) ?? args.get('maxTokens');
      // `withMaxTokens(null)` clears it (ConfiguresModels.php: ?int).
      if (a && !(a[1] === a[0] + 1 && toks[a[0]].v === 'null')) {
        f.limit = undefined;
        f.limitUnresolved = undefined;
        readLimitKey(c, f, name, a[0], a[1]);
      }
      return undefined;
    }
    case 'withSystemPrompt': {
      f.system = (f.system ?? 0) + 1;
      const a = args.get(0) ?? args.get('message');
      if (a) collectParts(c, a[0], a[1], f.parts);
      return undefined;
    }
    case 'withPrompt': {
      f.messages++;
      const a = args.get(0) ?? args.get('prompt');
      if (a) collectParts(c, a[0], a[1], f.parts);
      if (args.has(1) || args.has('additionalContent')) (f.uses ??= new Set()).add('images');
      return undefined;
    }
    case 'withMessages': {
      const a = args.get(0) ?? args.get('messages');
      if (a) messagesAt(c, f, a[0], a[1]);
      return undefined;
    }
    case 'withTools':
    case 'withTool':
    case 'withProviderTools':
      (f.uses ??= new Set()).add('tools');
      return undefined;
    case 'withSchema':
      (f.uses ??= new Set()).add('structured-output');
      return undefined;
    default:
      return undefined;
  }
}

