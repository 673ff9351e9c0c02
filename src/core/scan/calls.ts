// Calls: string methods pass their receiver, env reads give their default, tables' get, field defaults, paths and file reads, helpers that return literals (fn-values.ts).
import { preferenceDelegateDefault } from './stored-settings';
import { cliCall, cliRoot } from './cli-options';
import { zodCall } from './zod-defaults';
import { sdkEnumConstant } from './sdk-model-ids';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readPromptFile, callReadsFile, pathCall } from './file-reads';
import { pathText } from './path-holes';
import { HOLE } from './path-globs';
import { ENV_HOLDERS, SELF, STRING_PASS, at, label, statedSource, type EvalScope, type Op, type Value } from './value';
import { editedText, textMethod } from './text-methods';
import { formatter } from './part-terms';
import { evaluate } from './evaluate';
import { member, tableMember } from './members';
import { staticMethod } from './static-methods';
import { envValue } from './env';
import { configCall, serviceConfig } from './dotnet-config';
import { phpCall } from './php-values';
import { configProperty } from './config-properties';
import { aiSdkValue } from './provider-factories';
import { isTypingCast } from './type-casts';
import { goReceiverMethod } from './go-methods';
import { goText } from './go-builder';
import { goFallbackCall, goModuleFallback } from './go-callers';
import { goFirstSet } from './go-first-set';
import { viperRead } from './go-viper';
import { dotnetJoin, heldListText } from './text-join';
import { joinedNamedList } from './py-joined-lists';
import { promptTemplateCall } from './prompt-templates-jvm';
import { configLoad, docCall } from './config-loads';
import { withArgs, type CallArgs } from './arg-frames';
import { parsedJson, stringified } from './json-config';
import { required } from './js-require';
import { rustFormat, rustNonZero } from './rust-format';
import { statedGet } from './dict-get';
import { helper, fnValue } from './fn-values';
import { tableArrow } from './table-arrows';
import { factoryInstance } from './py-typed-params';
import { rustEnumMethod } from './rust-enums';
import { rustStructMethod } from './rust-struct-methods';
import { rustModuleFn } from './rust-module-fns';
import { memberMethod } from './jvm-members';
import { smallest } from './arithmetic';
import { regexSub } from './py-regex-sub';
import { namespaceCall } from './py-namespaces';
import { settingsGet, settingsRoot } from './vscode-settings';
export { fnValue } from './fn-values';

/**
 * URL escapes whose result is their argument when it holds only unreserved characters (RFC 3986 §2.3): .NET
 * Uri.EscapeDataString / EscapeUriString, WebUtility / HttpUtility.UrlEncode, JS encodeURIComponent / encodeURI, Java
 * URLEncoder.encode, Python urllib.parse.quote (not a bare `quote`: an app may name its own so), Ruby CGI.escape /
 * ERB::Util.url_encode. djidorot/CompeteDesk.Web GeminiClient.cs: `…/models/{Uri.EscapeDataString(model)}:
 * generateContent` (audit43).
 */
export const URL_ESCAPES = new Set(['Uri.EscapeDataString', 'Uri.EscapeUriString', 'WebUtility.UrlEncode', 'HttpUtility.UrlEncode', 'encodeURIComponent', 'encodeURI', 'URLEncoder.encode', 'parse.quote', 'urllib.parse.quote', 'CGI.escape', 'url_encode']);

/** Arguments of a call: each a token range, with its keyword when written `key=v` / `key: v`. */
export function args(s: EvalScope, open: number, close: number): { key?: string; from: number; to: number }[] {
  const { toks, match } = s;
  const out: { key?: string; from: number; to: number }[] = [];
  for (let k = open + 1; k < close; ) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    const named = (isId(toks[k]) || toks[k].t === T.Str) && (isP(toks[k + 1], '=') || isP(toks[k + 1], ':')) && k + 2 <= e;
    out.push(named ? { key: toks[k].v, from: k + 2, to: e } : { from: k, to: e });
    k = e + 1;
  }
  return out;
}

/** Number conversions of a JVM number: kotlin.Int toLong() etc. (kotlinlang.org/api/core/kotlin-stdlib/kotlin/-int/), java.lang.Number longValue() etc. */
const NUMBER_PASS = new Set(['toLong', 'toInt', 'toDouble', 'toFloat', 'toShort', 'toUInt', 'toULong', 'longValue', 'intValue', 'doubleValue']);

/** A call: string methods pass their receiver, env reads give their default, helpers their returns, files their text. */
export function call(s: EvalScope, recv: Value | undefined, names: string[], nameAt: number, open: number, close: number, next: Op | undefined, depth: number): Value | undefined {
  const a = args(s, open, close);
  const fn = names[names.length - 1] ?? '';
  const arg = (n: number) => (a[n] ? evaluate(s, a[n].from, a[n].to, depth + 1) : undefined);
  const kw = (key: string) => {
    const x = a.find((y) => y.key === key);
    return x ? evaluate(s, x.from, x.to, depth + 1) : undefined;
  };
  // The receiver of a method: `PROMPT.strip()`, `Path(x).read_text()`, `open(p).read()`.
  const base = names.length > 1 ? member(s, recv, names.slice(0, names.length > 2 && s.syn.id === 'ruby' && names[names.length - 2] === 'compact' ? -2 : -1), nameAt, depth) : recv;
  const argText = (n: number) => (a[n] ? label(s, a[n].from, a[n].to) : '?');
  // Spring AI `MistralAiApi.ChatModel.SMALL.getValue()`, `OllamaModel.LLAMA3.id()` kept in a constant: the id it sends.
  const sdkEnum = a.length === 0 && (s.syn.id === 'java' || s.syn.id === 'kotlin') ? sdkEnumConstant(names) : undefined;
  if (sdkEnum?.read) return { str: sdkEnum.id, source: { file: s.file, offset: at(s, nameAt), what: `SDK constant ${names.slice(0, -1).join('.')}` } };
  // `SYS.replace("{{history}}", x)`, `TPL.format(text=t)`, `PROMPT.strip()`: the receiver's text edited.
  // Python `re.sub(pattern, repl, template)` (py-regex-sub.ts); a LangChain4j / Spring AI template's fill.
  const ev = (f: number, t: number) => evaluate(s, f, t, depth + 1);
  // A LangChain template's `format(…)` fills its variables, which are holes, not `{…}` left in its text.
  const filled = base?.template && s.syn.id === 'python' ? promptTemplateCall(s, base, names, a, arg, ev) : undefined;
  const edited = filled ?? regexSub(s, names, a, arg, argText) ?? (names.length > 0 && base ? editedText(s, base, fn, a, arg, argText) : undefined) ?? promptTemplateCall(s, base, names, a, arg, ev);
  if (edited) return edited;
  // Kotlin `maxTokens.toLong()` (kotlin.Int conversions), Java `limit.longValue()` (java.lang.Number): the same number.
  if (base?.num !== undefined && names.length > 1 && a.length === 0 && NUMBER_PASS.has(fn)) return base;
  if (base && names.length > 0 && (base.str !== undefined || base.path !== undefined) && (STRING_PASS.has(fn) || fn === 'resolve' || fn === 'absolute' || fn === 'expanduser')) {
    return base.path !== undefined && fn !== 'format' ? base : { ...base, path: undefined };
  }
  // A URL escape of a text it leaves as it is (`Uri.EscapeDataString(model)` for "gemini-2.5-flash"): that text.
  const escaped = URL_ESCAPES.has(names.join('.')) && a.length >= 1 ? arg(0) : undefined;
  if (escaped?.str !== undefined && /^[\w.~-]*$/.test(escaped.str) && !escaped.holes?.length) return escaped;
  // Kernel Memory's `memoryOptions.GetServiceConfig<T>(configuration, "AzureOpenAIText")` (dotnet-config.ts).
  if (fn === 'GetServiceConfig' && s.syn.id === 'csharp') {
    const v = serviceConfig(s, arg(1), a.length >= 3 ? arg(2) : undefined);
    if (v) return v;
  }
  if (base?.obj?.kind === 'config') {
    const v = configCall(base.obj, fn, arg(0), a.length >= 2 ? arg(1) : undefined, a[1] ? at(s, a[1].from) : 0);
    if (v) return v;
  }
  const setting = base?.obj?.kind === 'vscode-settings' ? settingsGet(s, base.obj, fn, a.length, arg, a[1] ? at(s, a[1].from) : undefined) : settingsRoot(s, names, a.length, arg);
  if (setting) return setting; // a VS Code extension's settings (vscode-settings.ts)
  if (base?.obj?.kind === 'doc') return docCall(s, base.obj, fn, a, arg, label(s, nameAt, close + 1));
  const cli = base?.obj?.kind === 'cli' && names.length ? cliCall(s, base.obj, fn, open, close, depth) : cliRoot(s, fn, names, depth, open, close);
  if (cli) return cli;
  const loaded = zodCall(s, base, names, nameAt, open, close) ?? configLoad(s, names, nameAt, a, arg);
  if (loaded) return loaded;
  // `min(n, 4000)`, `Math.min(…)`, Go `math.Min` (pkg.go.dev/math#Min): the smallest number, or at most it (arithmetic.ts).
  if (a.length >= 2 && !a.some((x) => x.key) && (names.length === 1 ? fn === 'min' : names.length === 2 && (names[0] === 'Math' || (names[0] === 'math' && s.syn.id === 'go')) && (fn === 'min' || fn === 'Min'))) return smallest(label(s, nameAt, close + 1), a.map((_, n) => arg(n))) ?? { runtime: label(s, nameAt, close + 1) };
  // Environment reads: `os.getenv("X", "d")`, `os.environ.get("X", "d")`, Ruby's ENV fetch with a default.
  const envRead = fn === 'getenv' || fn === 'Getenv' || fn === 'GetEnvironmentVariable' || ((fn === 'get' || fn === 'fetch' || fn === 'getOrDefault' || fn === 'getProperty') && names.some((n) => ENV_HOLDERS.has(n)));
  if (envRead) {
    const keyName = arg(0)?.str ?? '?';
    const d = a.length >= 2 ? arg(1) : undefined;
    if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: { file: s.file, offset: at(s, a[1].from), what: `default of env ${keyName}`, fallback: true } };
    return envValue(s, keyName === '?' ? '' : keyName);
  }
  const pref = preferenceDelegateDefault(s, names, nameAt, a, arg); // `by Preference(KEY, "…")` (stored-settings.ts)
  if (pref) return pref;
  // Rust `format!("…{}…", x)`: the template filled (rust-format.ts).
  if (s.syn.id === 'rust' && a.length === 0 && names.length === 2 && names[0] === 'String' && fn === 'new') return { str: '' }; // std String::new(): empty
  if (s.syn.id === 'rust' && fn === 'format' && names.length === 1 && isP(s.toks[open - 1], '!')) return rustFormat(s, a, arg, argText, at(s, nameAt), depth) ?? { runtime: label(s, nameAt, close + 1) };
  for (const nz of s.syn.id === 'rust' ? [rustNonZero(names, a.length, arg, base)] : []) if (nz) return nz; // `NonZeroU64::new(n).unwrap()`: n
  // Rust `opt.unwrap_or("gpt-4o")`: the value when set, else the default (std Option::unwrap_or), named as `x or DEFAULT` is.
  if (s.syn.id === 'rust' && fn === 'unwrap_or' && names.length >= 2 && a.length === 1) {
    const d = arg(0);
    if (base && base.runtime === undefined && !base.weak) return base;
    if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: statedSource(s, `default of ${label(s, nameAt, open - 2)}`, d, at(s, a[0].from)), fallback: true };
  }
  // Go `flag.String("model", "gemini-2.5-flash", "usage")`: the default, what runs when the flag is not given (https://pkg.go.dev/flag#String: String(name string, value string, usage string) *string; Int likewise).
  if (names.length === 2 && names[0] === 'flag' && /^(String|Int|Int64|Uint|Uint64)$/.test(fn) && a.length === 3) {
    const d = arg(1);
    if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: { file: s.file, offset: at(s, a[1].from), what: `default of flag -${arg(0)?.str ?? '?'}`, fallback: true } };
  }
  // Go `viper.GetString(KEY)`: what the module's viper.Set / viper.SetDefault state for KEY (go-viper.ts).
  const vip = s.syn.id === 'go' && names.length === 2 && a.length === 1 && fn.startsWith('Get') ? viperRead(s, names[0], fn, arg(0), depth) : undefined;
  if (vip) return vip;
  // `LIMITS.get("triage", 500)`: the entry, else the default; Python's `d.pop(k)` too (docs.python.org stdtypes dict.pop).
  if ((fn === 'get' || (fn === 'pop' && s.syn.id === 'python')) && base?.obj?.kind === 'table' && a.length >= 1) {
    const key = arg(0);
    const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
    const hit = k !== undefined || key?.runtime !== undefined ? tableMember(base.obj.scope, base.obj.open, k, depth) : undefined;
    return hit ?? (a.length >= 2 ? arg(1) : undefined);
  }
  // JavaScript `LINES.join("\n")` on a list constant (text-join.ts arrayJoin for a literal), Ruby's `lines.join("\n")`.
  if (fn === 'join' && (s.syn.id === 'javascript' || s.syn.id === 'ruby') && base?.obj?.kind === 'table' && isP(base.obj.scope.toks[base.obj.open], '[') && a.length <= 1) {
    const sep = a.length ? arg(0) : { str: s.syn.id === 'ruby' ? '' : ',' };
    return sep?.str !== undefined && !sep.holes?.length ? heldListText(base.obj.scope, base.obj.open, sep.str, depth) : undefined;
  }
  // Rust `history.join("\n")` on a Vec the function builds in steps (`vec![SEED.to_string()]`, `history.push(q)`).
  if (fn === 'join' && s.syn.id === 'rust' && names.length === 2 && a.length === 1 && isId(s.toks[nameAt])) {
    const sep = arg(0);
    const built = sep?.str !== undefined && !sep.holes?.length ? joinedNamedList(s, nameAt, sep.str, depth) : undefined;
    if (built) return built;
  }
  // C# `string.Join("\n", parts)` (text-join.ts).
  if (fn === 'Join' && s.syn.id === 'csharp' && names.length === 2 && (names[0] === 'string' || names[0] === 'String') && a.length === 2) return dotnetJoin(a, arg, depth);
  // PHP `str_replace($search, $replace, $subject)` (php.net/str_replace: every occurrence of search in subject
  // replaced): the subject's text, as `subject.replace(search, replace)` (text-methods.ts); a run-time replacement is a named hole.
  const subject = fn === 'str_replace' && s.syn.id === 'php' && names.length === 1 && a.length === 3 && !a.some((x) => x.key) ? arg(2) : undefined;
  if (subject) return (subject.runtime === undefined ? textMethod(s, subject, 'replace', a.slice(0, 2), arg, argText) : undefined) ?? { runtime: label(s, nameAt, close + 1) };
  // C# `string.Format("… {0} …", x)`, Java / Kotlin `String.format("… %s …", x)` (text-methods.ts).
  const format = a.length ? formatter(s.syn.id, names) : undefined;
  if (format) return format(a, arg, argText) ?? { runtime: label(s, nameAt, close + 1) };
  // Tables: `dict(triage=300)`, `Object.freeze({…})`, `Map.of(…)`; Python's `SimpleNamespace(model="…")` (py-namespaces.ts).
  const ns = fn === 'SimpleNamespace' || fn === 'Namespace' ? namespaceCall(s, names, a, open, depth) : fn === 'dict' && names.length === 1 ? { obj: { kind: 'table' as const, scope: s, open } } : undefined;
  if (ns) return ns;
  // The SDKs' TypedDict params (`BetaTextBlockParam(type="text", text=…)`, `ChatCompletionSystemMessageParam(…)`):
  // calling one makes a dict of its keyword arguments (anthropic-sdk-python types/beta/beta_text_block_param.py,
  // openai-python types/chat/chat_completion_system_message_param.py: `class …(TypedDict, total=False)`).
  // Pydantic AI's message dataclasses, `ModelRequest(parts=[SystemPromptPart(content=…)])` (pydantic_ai/messages.py).
  if (s.syn.id === 'python' && names.length <= 2 && (/^[A-Z]/.test(fn) && fn.endsWith('Param') || fn === 'ModelRequest') && a.every((x) => x.key)) return { obj: { kind: 'table', scope: s, open } };
  // Lists: Kotlin `listOf(…)`, Java `List.of(…)` / `Arrays.asList(…)`, `new ArrayList<>(List.of(…))` a copy of one.
  if ((/^(listOf|mutableListOf|arrayListOf|arrayOf)$/.test(fn) && names.length === 1) || (fn === 'ChatHistory' && (s.syn.id === 'csharp' || s.syn.id === 'python')) || (fn === 'of' && names[0] === 'List') || fn === 'asList') return { obj: { kind: 'table', scope: s, open } };
  if ((fn === 'freeze' || (s.syn.id === 'java' && (fn === 'ArrayList' || fn === 'LinkedList'))) && a.length === 1) return arg(0);
  // Python `cast(str, x)`: x (type-casts.ts).
  if (isTypingCast(s, names, a.length) && !a.some((x) => x.key)) return arg(1);
  // `Field(default="…")`, `Field("…")`, `field(default=…)`, `field(default_factory=lambda: os.getenv("M", "gpt-4o"))`: a pydantic / dataclass field's default.
  if ((fn === 'Field' || fn === 'field') && names.length <= 2) {
    // `Field(default_factory=SynthesisConfig)`: a nested settings model, an instance of that class (py-typed-params.ts).
    const d = kw('default') ?? a.filter((y) => y.key === 'default_factory' && s.toks[y.from]?.v === 'lambda' && isP(s.toks[y.from + 1], ':')).map((y) => evaluate(s, y.from + 2, y.to, depth + 1))[0] ?? factoryInstance(s, a, depth) ?? (a[0] && !a[0].key ? arg(0) : undefined);
    if (d && d.runtime === undefined) return d;
    return { runtime: 'field' };
  }
  // Single-argument pass-throughs: `dedent("…")`, `str(x)`, `int(x)`, `String(x)`, `Number(x)`, Go conversions `string(b)`, `int64(n)`; a LangChain message kept in a name (`SystemMessage("…")`) is its text; openai-kotlin `ModelId(id)` (a value class of the id) kept in a property. A LangChain message given more keywords is its content too (`HumanMessage(content="…", name="Lance")`, langchain_core messages/human.py `__init__(self, content, **kwargs)`).
  const message = a.length > 1 && /^(SystemMessage|HumanMessage|AIMessage)$/.test(fn) && a.some((x) => x.key === 'content');
  const radix = fn === 'parseInt' && a.length === 2 && a[1].to === a[1].from + 1 && s.toks[a[1].from].v === '10'; // `parseInt(x, 10)`: x's number
  if (names.length <= 2 && (a.length === 1 || message || radix) && /^(dedent|cleandoc|str|int|float|String|Number|parseInt|Integer|Some|Ok|strip|trim|Int|Long|NewOpt|F|string|int64|int32|uint|uint32|uint64|float64|float32|SystemMessage|HumanMessage|AIMessage|ModelId)$/.test(fn)) {
    const v = message ? kw('content') : s.syn.id === 'go' && /^(int|int64|int32|uint|uint32|uint64|float64|float32)$/.test(fn) ? evaluate(s, a[0].from, a[0].to, depth) : arg(0);
    // A number read from text (`int(os.environ["MAX_TOKENS"])`, `Number(process.env.LIMIT)`) is a number.
    if (v && v.runtime === undefined && v.num === undefined && v.str !== undefined && /^(int|float|Number|parseInt|Integer|Int|Long|parseFloat)$/.test(fn) && /^\d+$/.test(v.str.trim())) return { ...v, num: Number(v.str.trim()) };
    // A numeric conversion of a bounded run-time number (Go `int(math.Min(a, b))`) keeps the bound (arithmetic.ts); Go's, read at the call's depth, costs none (`int(math.Min(float64(n), float64(m)))` nests four deep).
    if (v && (v.runtime === undefined || (v.atMost && /^(int|float|Number|Integer|Int|Long|int64|int32|uint|uint32|uint64|float64|float32)$/.test(fn)))) return (fn === 'dedent' || fn === 'cleandoc') && v.str !== undefined ? textMethod(s, v, fn, [], arg, argText) ?? v : v;
  }
  const owned = s.syn.id === 'rust' && names.length === 2 && names[0] === 'String' && fn === 'from' && a.length === 1 ? arg(0) : undefined;
  if (owned?.str !== undefined && owned.runtime === undefined) return owned; // Rust `String::from("…")` (std From<&str>): the text, as `"…".to_string()` is
  // A clamp of known numbers (`Math.max(0, config.get('maxTokens', 200))`) is the number it picks, with that value's source (held57 H1).
  if (names.length === 2 && names[0] === 'Math' && (fn === 'max' || fn === 'min') && a.length >= 1 && !a.some((x) => x.key)) {
    const vs = a.map((_, i) => arg(i));
    const pick = vs.every((v) => v?.num !== undefined && v.runtime === undefined && !v.others && !v.late) ? Math[fn](...vs.map((v) => v!.num!)) : undefined;
    if (pick !== undefined) return vs.find((v) => v!.num === pick);
  }
  // Java `URI.create("https://…")`, `new URI("…")` (java.net.URI javadoc): the URL text, kept in a constant a request's
  // `HttpRequest.newBuilder(RESPONSES_URI)` names (held43 M1, hitosh308/recipemaker OpenAiClient.java).
  if ((s.syn.id === 'java' || s.syn.id === 'kotlin') && a.length === 1 && ((names.length === 2 && names[0] === 'URI' && fn === 'create') || (names.length === 1 && fn === 'URI'))) {
    const v = arg(0);
    if (v?.str !== undefined) return v;
  }
  // A Go embed.FS: `prompts.Files.ReadFile("files/x.txt")` relative to the package that embeds it.
  if (base?.embedFs && fn === 'ReadFile' && a.length === 1) {
    const p = arg(0)?.str;
    return p !== undefined && !arg(0)?.holes?.length ? readPromptFile(base.embedFs, p) : { runtime: '' };
  }
  // Java `new String(bytes, StandardCharsets.UTF_8)`: the text of the bytes.
  if (fn === 'String' && names.length === 1 && a.length === 2) {
    const v = arg(0);
    if (v?.str !== undefined) return v;
  }
  // `require("./config.json")` (json-config.ts), `require("./config")` (js-require.ts); `JSON.parse` / `JSON.stringify(obj)`.
  const req = names.length === 1 && fn === 'require' && a.length === 1 ? required(s, arg(0)?.str, () => ({ runtime: label(s, nameAt, close + 1) })) : undefined;
  if (req) return req;
  if (names.length === 2 && names[0] === 'JSON' && (fn === 'parse' || fn === 'stringify') && a.length >= 1) {
    const j = fn === 'parse' ? parsedJson(s, arg(0)) : stringified(arg(0), arg(2));
    if (j) return j;
  }
  // Paths and file reads with static paths.
  const p = pathCall(s, base, names, a, arg, depth);
  if (p) return p;
  const read = callReadsFile(base, names, a, arg, next);
  const glob = read === null ? pathText(s, arg(0), a[0].from, a[0].to, depth)?.path : undefined; // `readFileSync(`p/${x}.md`)`
  if (read !== undefined) return read === null ? (glob?.includes(HOLE) ? readPromptFile(s, glob) : { runtime: '' }) : readPromptFile(s, read);
  // `createOpenAI({…})(config.model)`: a model of the provider instance made on the spot (provider-factories.ts).
  if (!names.length && recv?.maker) return { factory: recv.maker }; // `providerMap[key](options)`: a factory, called
  if (!names.length && recv?.factory && a.length === 1 && !a[0].key) {
    const id = arg(0);
    if (id?.str && !id.holes?.length && id.runtime === undefined) return { ...id, provider: recv.factory };
  }
  // A Vercel AI SDK model (`openai("gpt-4o-mini")` kept in a name or returned by a helper), provider or wrapped model.
  const sdk = aiSdkValue(s, names, nameAt, open, a, arg, depth);
  if (sdk) return sdk;
  // PHP's implode(), Laravel's config() and env(): php-values.ts.
  if (s.syn.id === 'php' && names.length === 1 && !recv) {
    const v = phpCall(s, fn, a, arg, depth);
    if (v) return v;
  }
  // Go `fmt.Sprintf`, a strings.Builder's String() (go-builder.ts); a Go helper returning its fallback parameter when
  // the setting is empty, of the file or a package of the module (go-callers.ts).
  const fallback = s.syn.id === 'go' ? goText(s, names, nameAt, a, arg, argText, depth) ?? (names.length === 1 ? goFallbackCall(s, fn, a, arg) : goModuleFallback(s, base, names, a, arg)) ?? goFirstSet(s, names, a, arg) : undefined;
  if (fallback) return fallback;
  // A helper returning literals, or a class (an instance of its fields); arguments bound to parameters (arg-frames.ts).
  const memo = new Map<number, Value | undefined>();
  const given: CallArgs = {
    list: a,
    scope: s,
    value: (n) => (memo.has(n) ? memo.get(n) : memo.set(n, arg(n)).get(n)),
  };
  // A method of an object made on the spot (`TemplatePrompts().render(…)`) is the object's, below.
  const made = base?.obj && (base.obj.kind === 'module' || base.obj.kind === 'instance') && recv === base;
  // Python binds this call's arguments, as for a helper of another module: `_env("EMB_MODEL", "text-embedding-3-small")`
  // returning `os.environ.get(key, default)` is this call's default, not the dearest of every caller's (emb46).
  const bound = s.syn.id === 'python' && names.length === 1 ? { ...given, bind: true as const } : given;
  if ((names.length === 1 && !made) || (names.length === 2 && SELF.has(names[0]))) return helper(s, fn, at(s, nameAt), depth, bound, names.length === 2 ? nameAt : undefined) ?? statedGet(s, names, nameAt, open, a, arg, depth);
  // Rust `model.name()` on an enum parameter, `Model::Gpt4.name()`: the method's match arm (rust-enums.ts); `settings::max_tokens()`, a module's function (rust-module-fns.ts).
  const arm = s.syn.id === 'rust' && !base?.str ? rustEnumMethod(s, names, nameAt, depth) ?? rustModuleFn(s, names, base, depth, given) ?? rustStructMethod(s, names, nameAt, depth) : undefined;
  if (arm) return arm;
  // A Go method on the receiver of the method it is called in (go-methods.ts).
  const own = names.length === 2 && s.syn.id === 'go' ? goReceiverMethod(s, names[0], fn, nameAt) : undefined;
  if (own) return withArgs(own.scope, own.fn, given, () => fnValue(own.scope, own.fn, fn, depth));
  // A static method of a class: `Prompts.FormatUserPrompt(topic)` returning `$"Explain {topic}"` (static-methods.ts).
  const stat = !base ? staticMethod(s, names, fn, depth, given) : undefined;
  if (stat) return stat;
  // `prompt.user(input)`: an arrow kept in an object literal (table-arrows.ts).
  const arrow = names.length >= 2 ? tableArrow(base, fn, given, depth) : undefined;
  if (arrow) return arrow;
  if (base?.obj && (base.obj.kind === 'module' || base.obj.kind === 'instance')) {
    const scopes = base.obj.kind === 'module' ? base.obj.scopes : [base.obj.scope];
    for (const sc of scopes) {
      // Python: this call's arguments are bound, a method's `self` passed over (`pm.render("summary.j2", …)` on a
      // `PromptManager()` of the workspace reads `self.env.get_template(template_name)` with the name given).
      const v = helper(sc, fn, Number.MAX_SAFE_INTEGER, depth, s.syn.id === 'python' ? { ...given, bind: true } : given);
      if (v) return v;
    }
  }
  // `properties.getModel()` of a @ConfigurationProperties class (the bound property, else its default); else a method of a field's or parameter's application class (jvm-members.ts).
  return configProperty(s, names, a.length, depth) ?? memberMethod(s, names, base, given, depth) ?? statedGet(s, names, nameAt, open, a, arg);
}
