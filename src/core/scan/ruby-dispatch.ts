// One base class for several providers (held-out sample, hostedgpt app/services/ai_backend.rb): the base class sends
// `@client.send(client_method_name, **@client_config)`, and each subclass names its SDK client (`::OpenAI::Client`,
// `::Anthropic::Client`), returns the SDK method as a symbol (`def client_method_name :chat end`) and sets the request
// (`@client_config = { parameters: { model: …, max_completion_tokens: 2000, … } }`). Object#send calls the method
// the symbol names with those arguments (https://docs.ruby-lang.org/en/3.3/Object.html#method-i-send), so the call
// is a subclass's SDK call, read where that subclass writes the request, and reported where it is sent. Subclasses
// are looked for where Rails autoloading puts a namespaced constant (`AIBackend::OpenAI` in ai_backend/open_ai.rb,
// https://github.com/fxn/zeitwerk#file-structure) and beside the base class's file. With several, the one with the
// largest output limit is priced (the worst case; the first by file name on a tie) and the others are named.
import type { CallSite, Span, ValueSource } from '../types';
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { syntaxFor } from '../lex/languages';
import { basename, dirname, join } from '../resolve/files';
import type { FileScope } from '../resolve/value-index';
import { rubyEnd } from './body-ends';
import { SHAPES } from './call-shapes';
import { readCall } from './read-call';
import type { Ctx } from './values';

/** Subclass files read at most. */
const MAX_FILES = 64;

/** A Ruby file that may send through `send(` with a `**` request passes the word filter this way (scanner.ts, node/scan-files.ts). */
export function mayDispatch(languageId: string, has: (word: string) => boolean, index: unknown): boolean {
  return !!index && syntaxFor(languageId).id === 'ruby' && has('send(') && has('**');
}

/** The call `RECV.send(METHOD, **@IVAR)` makes (`open`: its bracket), as a subclass sets it; undefined when none is read. */
export function dispatchedCall(c: Ctx, open: number, languageId: string): CallSite | undefined {
  const { toks, match } = c;
  const idx = c.index;
  if (!idx || match[open] !== open + 5 || !isP(toks[open - 2], '.') || !isId(toks[open - 3])) return undefined;
  const method = toks[open + 1];
  const ivar = toks[open + 4];
  if (!isId(method) || !isP(toks[open + 2], ',') || !isP(toks[open + 3], '**') || !/^@\w+$/.test(ivar.v)) return undefined;
  const cls = enclosingClass(c, open);
  if (!cls) return undefined;
  const dir = dirname(c.file);
  const files = [dir, join(dir, basename(c.file).replace(/\.rb$/, ''))].flatMap((d) => (idx.files.list(d) ?? []).filter((n) => n.endsWith('.rb')).sort().map((n) => join(d, n)));
  const read: { file: string; site: CallSite; sym: string }[] = [];
  for (const f of files.slice(0, MAX_FILES)) {
    if (f === c.file || !idx.text(f)?.includes(`def ${method.v}`)) continue;
    const s = idx.scope(f);
    const r = s && subclassCall(s, cls, method.v, ivar.v, languageId);
    if (r) read.push({ file: f, ...r });
  }
  if (!read.length) return undefined;
  const best = read.reduce((a, b) => ((b.site.maxOutput?.value ?? -1) > (a.site.maxOutput?.value ?? -1) ? b : a));
  const site = best.site;
  const anchor: Span = { start: toks[open - 1].start, end: toks[open].end };
  const what = `set in ${basename(best.file)} (${method.v} :${best.sym})`;
  rehome(site, best.file, what, anchor, { start: toks[open - 3].start, end: toks[open + 5].end });
  const others = read.filter((r) => r !== best).map((r) => `${r.site.sdk} :${r.sym} in ${basename(r.file)}`);
  if (others.length) site.parts.push({ text: '', span: anchor, resolved: false, label: `${method.v} (also ${others.join(', ')})` });
  return site;
}

/** The class whose body holds token `at`: its name as written (`AIBackend`, `Llm::Backend`). */
function enclosingClass(c: Ctx, at: number): string | undefined {
  const { toks } = c;
  for (let k = at - 1; k >= 0; k--) {
    if (toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    return rubyEnd(c.text, toks, k + 1) > at ? constantAt(toks, k + 1).name : undefined;
  }
  return undefined;
}

/** A constant path starting at token `k` (`::A::B`): its name without a leading `::`, and the token after it. */
function constantAt(toks: Token[], k: number): { name: string; next: number } {
  const parts: string[] = [];
  if (isP(toks[k], '::')) k++;
  while (isId(toks[k])) {
    parts.push(toks[k].v);
    if (!isP(toks[k + 1], '::')) return { name: parts.join('::'), next: k + 1 };
    k += 2;
  }
  return { name: parts.join('::'), next: k };
}

/** In a file of a subclass of `cls`: the SDK call its `def METHOD :sym end` names, with the request `@IVAR = { parameters: {…} }`. */
function subclassCall(s: FileScope, cls: string, method: string, ivar: string, languageId: string): { site: CallSite; sym: string } | undefined {
  const { toks, match } = s;
  let sub = false;
  let sym: string | undefined;
  let request = -1;
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.v === 'class' && isId(toks[k + 1])) {
      const head = constantAt(toks, k + 1);
      if (isP(toks[head.next], '<') && constantAt(toks, head.next + 1).name === cls) sub = true;
    } else if (tk.v === 'def' && toks[k + 1]?.v === method && isP(toks[k + 2], ':') && isId(toks[k + 3]) && toks[k + 4]?.v === 'end') {
      sym = toks[k + 3].v;
    } else if (tk.v === ivar && isP(toks[k + 1], '=') && isP(toks[k + 2], '{') && match[k + 2] > k + 3 && request < 0) {
      request = k;
    }
  }
  if (!sub || !sym || request < 0) return undefined;
  const shape = SHAPES.find((sh) => sh.langs?.includes('ruby') && !sh.via && sh.anchor.length === 2 && sh.anchor[0] === sym && sh.anchor[1] === '(');
  // The subclass names the SDK's client: `::Anthropic::Client`, `::OpenAI::Client`.
  if (!shape || !(shape.needs ?? [shape.sdk]).some((w) => toks.some((t) => t.v === w))) return undefined;
  // Both ruby-openai (`chat(parameters:)`) and ruby-anthropic (`messages(parameters:)`) send the `parameters:` hash.
  const inner = hashKey(s, request + 2, 'parameters');
  if (inner < 0) return undefined;
  const site = readCall({ ...s }, shape, request, inner, languageId, []);
  return site && { site, sym };
}

/** The `{` of the hash that key `key` holds in the hash opened at `open`, -1 when none. */
function hashKey(s: FileScope, open: number, key: string): number {
  const { toks, match } = s;
  for (let k = open + 1; k < match[open]; k++) {
    if (toks[k].v === key && isP(toks[k + 1], ':') && isP(toks[k + 2], '{') && match[k + 2] > k + 2) return k + 2;
    if (match[k] > k) k = match[k];
  }
  return -1;
}

/** A call read in `file` reported where it is sent: its parts there, its values' sources in `file`. */
function rehome(site: CallSite, file: string, what: string, anchor: Span, span: Span): void {
  const from = (at: Span): ValueSource => ({ file, offset: at.start, what });
  const own = (src: ValueSource | undefined) => src && (src.file === undefined ? { ...src, file } : src);
  site.span = span;
  site.anchor = anchor;
  site.parts = site.parts.map((p) => ({ ...p, span: anchor, ...(p.resolved ? { source: own(p.source) ?? from(p.span) } : {}) }));
  if (site.model) {
    site.model.source = own(site.model.source) ?? from(site.model.span);
    site.model.file ??= file;
    if (site.model.otherSources) for (const k of Object.keys(site.model.otherSources)) site.model.otherSources[k] = own(site.model.otherSources[k])!;
  }
  if (site.maxOutput) {
    site.maxOutput.source = own(site.maxOutput.source) ?? from(site.maxOutput.span);
    site.maxOutput.file ??= file;
  }
  if (site.tools) site.tools = { ...site.tools, span: anchor };
  if (site.schema) site.schema = { ...site.schema, span: anchor };
  delete site.request;
  delete site.limitInsertion;
}
