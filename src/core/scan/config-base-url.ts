// The base URL a Go or Rust OpenAI client is pointed at through its config, not a constructor keyword:
// go-openai `config := openai.DefaultConfig(key); config.BaseURL = "http://localhost:11434/v1";
// openai.NewClientWithConfig(config)` (config.go ClientConfig.BaseURL), async-openai
// `Client::with_config(OpenAIConfig::new().with_api_base("…"))` (config.rs OpenAIConfig::with_api_base). Read per file:
// every base URL the file sets must name one target, and the file must make no client on the SDK's default host
// (go-openai `openai.NewClient(key)`, async-openai `Client::new()`), else the call's target is not known here.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './body-ends';
import type { CallTarget } from './base-url';
import type { Ctx } from './values';
import { hostOfUrl, serverOfUrl } from '../price/hosts';
import { KeyMemo } from '../util/key-memo';

/** A URL's target: its host of the table, or its host name (with the server its port names: Ollama's 11434). */
export function targetOf(url: string): CallTarget {
  const host = hostOfUrl(url);
  if (host) return { host };
  const name = /^https?:\/\/([^/:?#\s]+)/i.exec(url.trim())?.[1].toLowerCase();
  const server = serverOfUrl(url);
  return name ? { unlisted: name, ...(server ? { server } : {}) } : {};
}

/** Each file's answer, worked out for its first call only (callTarget asks once per call). */
const perFile = new KeyMemo<Ctx, { target: CallTarget | undefined }>();

/** The target the file's config base URLs name (`{}` when they differ or the file has none), read once per file. */
export function configBaseUrl(c: Ctx): CallTarget | undefined {
  let memo = perFile.get(c);
  if (!memo) {
    // The words are looked for once per file too: asked per call, they were three passes over a Go file's text each
    // time (72 passes per exact analysis of the bench corpus, whose Go and Rust files set no base URL).
    const go = c.syn.id === 'go' && c.text.includes('sashabaranov/go-openai') && c.text.includes('BaseURL');
    const rust = c.syn.id === 'rust' && c.text.includes('with_api_base');
    perFile.set(c, (memo = { target: go || rust ? walk(c, go, rust) : undefined }));
  }
  // A copy per call, as the walk made before: no call's target object is another's.
  return memo.target && { ...memo.target };
}

function walk(c: Ctx, go: boolean, rust: boolean): CallTarget | undefined {
  const { toks, match } = c;
  const found: CallTarget[] = [];
  for (let i = 1; i < toks.length - 2; i++) {
    const tk = toks[i];
    if (!isId(tk)) continue;
    let from = -1;
    let to = -1;
    if (go && tk.v === 'NewClient' && isP(toks[i - 1], '.') && isP(toks[i + 1], '(')) return undefined;
    if (rust && tk.v === 'Client' && isP(toks[i + 1], ':') && toks[i + 3]?.v === 'new') return undefined;
    if (go && tk.v === 'BaseURL' && ((isP(toks[i - 1], '.') && isP(toks[i + 1], '=') && !isP(toks[i + 2], '=')) || isP(toks[i + 1], ':'))) {
      from = i + 2;
      to = Math.min(toks.length, exprEnd(c, from));
    } else if (rust && tk.v === 'with_api_base' && isP(toks[i + 1], '(') && match[i + 1] > i) {
      from = i + 2;
      to = match[i + 1];
    }
    if (from < 0) continue;
    c.read?.push({ start: tk.start, end: toks[Math.max(from, to - 1)].end });
    const url = toks.slice(from, to).find((t) => t.t === T.Str && /^\s*https?:\/\//i.test(t.v));
    found.push(url ? targetOf(url.v) : { unstated: true });
  }
  if (!found.length) return undefined;
  const key = (t: CallTarget) => t.host?.name ?? t.unlisted ?? (t.unstated ? '?' : '');
  return found.every((t) => key(t) === key(found[0])) ? found[0] : {};
}
