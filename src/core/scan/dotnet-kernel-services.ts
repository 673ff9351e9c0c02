// Semantic Kernel's chat service added to the kernel in another file of the project: a plugin or controller that
// takes the `Kernel` from dependency injection (`this._kernel.CreateFunctionFromPrompt(…)`, `kernel.GetRequiredService
// <IChatCompletionService>()`) runs on the model the project's registration names (microsoft/chat-copilot
// webapi/Services/SemanticKernelProvider.cs: `builder.AddAzureOpenAIChatCompletion(azureAIOptions.Deployment, …)` in
// one arm of a switch, `builder.AddOpenAIChatCompletion(openAIOptions.TextModel, …)` in the other, the plugins in
// Plugins/Chat/). Read only when the call's own file adds no service (links.ts companions). Each registration's model
// argument is evaluated in its file; several give the dearest, the others named (branches.ts). Too many registrations
// (a samples project where each file builds its own kernel) say nothing about this one: none is taken.
// AddOpenAIChatCompletion(modelId, …), AddAzureOpenAIChatCompletion(deploymentName, …, modelId): microsoft/semantic-kernel
// dotnet/src/Connectors/Connectors.OpenAI/Extensions/OpenAIKernelBuilderExtensions.cs,
// Connectors.AzureOpenAI/Extensions/AzureOpenAIKernelBuilderExtensions.cs. A Microsoft.Extensions.AI IChatClient taken
// from dependency injection likewise: the OpenAI ChatClient(model, …) / GetChatClient(model) / AsChatClient(model) the
// project makes (arnaudbossobita/ai-chatbot-using-own-data-in-dotnet ChatBot/Startup.cs registers it).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { projectDir } from '../resolve/app-settings';
import { basename, dirname } from '../resolve/files';
import { args } from './calls';
import { evaluate } from './evaluate';
import { alternatives } from './branches';
import { deeperSources, projectSources } from './dotnet-sections';
import { modelOf, type Ctx, type ModelValue } from './values';
import { label, type EvalScope, type Value } from './value';
import { ANTHROPIC_CLIENT_LIMIT } from './call-shapes-frameworks';
import { azureMade } from './dotnet-azure';
import { AZURE_OPENAI, type Host } from '../price/hosts';
import type { LimitRef, Span } from '../types';

/** Registrations read at most; more than this in the project leaves the model to the call's file. */
const MAX_REGISTRATIONS = 4;
/** The argument naming the model, by its parameter name, else its place. */
const MODEL_PARAMS = ['modelId', 'deploymentName', 'model', 'defaultModelId'];

/** What the project's registrations give a call: the model, and the limit when every one is a client with its own. */
interface Registered { model?: Value; limit?: Omit<LimitRef, 'span'> & { span?: Span }; azure?: boolean }

/** The model of the project's chat-service registrations (`anchors`: the methods that add one), else undefined; when
 * every one is an Azure OpenAI deployment (dotnet-azure.ts), `into.host` is Azure OpenAI. */
export function projectKernelModel(c: Ctx, anchors: string[], at: number, deep = false, into?: { host?: Host }): ModelValue {
  const idx = c.index;
  if (!idx || c.syn.id !== 'csharp') return undefined;
  const dir = projectDir(idx.files, dirname(c.file));
  if (dir === undefined) return undefined;
  const r = registered(c, dir, anchors, deep);
  const v = r.model;
  if (v && r.azure && into) into.host = AZURE_OPENAI;
  return v ? modelOf(c, v, { start: c.toks[at].start, end: c.toks[at].end }) : undefined;
}

/** The output limit the project's registered client sends by default (Anthropic's `AsIChatClient(model, 400)`, else
 * its library's 1024), when every registration read is such a client; read after projectKernelModel. */
export function projectClientLimit(c: Ctx, anchors: string[], at: number): LimitRef | undefined {
  const dir = c.index && c.syn.id === 'csharp' ? projectDir(c.index.files, dirname(c.file)) : undefined;
  const l = dir === undefined ? undefined : registered(c, dir, anchors, false).limit;
  const here = { start: c.toks[at].start, end: c.toks[at].start };
  return l ? { ...l, span: l.span ?? here, ...(l.source ? {} : { source: { offset: here.start, what: ANTHROPIC_CLIENT_LIMIT.library.what } }) } : undefined;
}

const registered = (c: Ctx, dir: string, anchors: string[], deep: boolean): Registered =>
  c.index!.memo(dir, `kernel-model:${anchors.join(',')}${deep ? ':deep' : ''}`, () => registrations(c, dir, anchors, deep) ?? {});

function registrations(c: Ctx, dir: string, anchors: string[], deep: boolean): Registered | undefined {
  const idx = c.index!;
  const names = new Set(anchors);
  const found: Value[] = [];
  const limits: (Registered['limit'] | null)[] = [];
  let azure = 0;
  for (const f of deep ? deeperSources(idx.files, dir) : projectSources(idx.files, dir)) {
    const text = idx.text(f);
    if (!text || !anchors.some((a) => text.includes(a))) continue;
    const s = idx.scope(f);
    if (!s) continue;
    const { toks, match } = s;
    for (let k = 1; k < toks.length - 1; k++) {
      // A call on the builder or the services (`builder.AddOpenAIChatCompletion(`), not the method's declaration.
      // Microsoft.Extensions.AI's client is constructed too (`new ChatClient(m, key).AsIChatClient()`).
      if (!isId(toks[k]) || !names.has(toks[k].v) || !(isP(toks[k - 1], '.') || toks[k - 1].v === 'new') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
      if (found.length >= MAX_REGISTRATIONS) return undefined;
      const a = args(s, k + 1, match[k + 1]);
      // `AsIChatClient(model)` of Bedrock's runtime or Anthropic's client only (call-shapes-frameworks.ts MEAI_COMPANIONS).
      const anthropic = toks[k].v === 'AsIChatClient' && text.includes('using Anthropic;');
      if (toks[k].v === 'AsIChatClient' && !anthropic && !text.includes('BedrockRuntime')) continue;
      const arg = a.find((x) => x.key !== undefined && MODEL_PARAMS.includes(x.key)) ?? (a[0]?.key === undefined ? a[0] : undefined);
      if (!arg) continue;
      const onAzure = azureMade(toks, match, k);
      const given = evaluate(s, arg.from, arg.to, 1);
      // An Azure deployment only a parameter's default names is a model id, not a deployment: run time (deployment-names.ts).
      const v = onAzure && given?.source?.what.startsWith('default of parameter ') ? undefined : given;
      // A literal written there says where it is, for the hover and the switch-model fix.
      const where = { file: f, offset: toks[arg.from].start, what: `${toks[k].v} in ${basename(f)}` };
      found.push(v && v.runtime === undefined && !v.source ? { ...v, source: where } : v ?? { runtime: label(s, arg.from, arg.to) });
      limits.push(anthropic ? clientLimit(s, f, a) : null);
      if (onAzure) azure++;
    }
  }
  if (!found.length) return undefined;
  const limit = limits.every((l) => l) && new Set(limits.map((l) => l!.value)).size === 1 ? limits[0]! : undefined;
  return { model: alternatives(found, 'chat service added to the kernel'), ...(limit ? { limit } : {}), ...(azure === found.length ? { azure: true } : {}) };
}

/** An Anthropic client's default limit as registered: its second argument or `defaultMaxOutputTokens:`, a number
 * written there; none: the library's. A limit known only at run time gives none (the call keeps its own reading). */
function clientLimit(s: EvalScope, f: string, a: ReturnType<typeof args>): Registered['limit'] | null {
  const { name, index, library } = ANTHROPIC_CLIENT_LIMIT;
  const arg = a.find((x) => x.key === name) ?? (a[index]?.key === undefined ? a[index] : undefined);
  if (!arg) return { value: library.value, key: `${name} (the library's default)`, unwritten: true };
  const v = evaluate(s, arg.from, arg.to, 1);
  if (v?.num === undefined || v.others?.length) return null;
  return { value: v.num, key: name, file: f, span: { start: s.toks[arg.from].start, end: s.toks[arg.to - 1].end }, source: { file: f, offset: s.toks[arg.from].start, what: `AsIChatClient in ${basename(f)}` } };
}

/**
 * The OpenAI .NET ChatClient the call's receiver holds, taken from dependency injection (a primary constructor's
 * `ChatClient chatClient`, a field `ChatClient _chatClient`) when the file makes none: the project's
 * `GetChatClient(model)` / `new ChatClient(model, key)` registrations, as for Semantic Kernel above. Seen in held41
 * Ahod26/Ai.NetTrack (Extensions/Services/ExternalServicesExtensions.cs `services.AddSingleton(sp => { var model =
 * configuration["OpenAI:Model"] ?? "gpt-4o-mini"; return sp.GetRequiredService<OpenAIClient>().GetChatClient(model); })`,
 * Services/OpenAIService.cs `OpenAIService(ChatClient chatClient, …)`). Its registration sits two folders down there
 * (Extensions/Services/): the project's folders are read to that depth.
 */
export function injectedChatClientModel(c: Ctx, recv: string | undefined, at: number, into?: { host?: Host }): ModelValue {
  if (!recv || c.syn.id !== 'csharp' || !c.index) return undefined;
  const decl = typedAs(c, 'ChatClient', recv);
  if (decl < 0) return undefined;
  c.read?.push({ start: c.toks[decl].start, end: c.toks[decl + 1].end });
  return projectKernelModel(c, ['GetChatClient', 'ChatClient'], at, true, into);
}

/** Per token list: each name declared with the type ChatClient, at its type's token (a file of many calls is walked once). */
const declared = new KeyMemo<object, Map<string, number>>();

/** The token index of `Type name` (a parameter or field declared with that type) in the file, else -1. */
function typedAs(c: Ctx, type: string, name: string): number {
  const { toks } = c;
  let names = declared.get(toks);
  if (!names) {
    names = new Map();
    declared.set(toks, names);
    for (let k = c.text.includes(type) ? 1 : toks.length; k < toks.length - 1; k++) {
      if (toks[k].v === type && isId(toks[k]) && isId(toks[k + 1]) && !isP(toks[k - 1], '.') && !names.has(toks[k + 1].v)) names.set(toks[k + 1].v, k);
    }
  }
  return names.get(name) ?? -1;
}
