// Semantic Kernel's auto function invocation: a prompt invoked with execution settings whose
// `ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions` (Connectors.OpenAI) or `FunctionChoiceBehavior =
// FunctionChoiceBehavior.Auto()` (autoInvoke true by default) sends the request, invokes the kernel functions the model
// chooses, adds their results to the chat history and sends it again until the model answers without a call
// (https://learn.microsoft.com/semantic-kernel/concepts/ai-services/chat-completion/function-calling/function-invocation,
// MicrosoftDocs/semantic-kernel-docs: "The results of these function invocations are added to the chat history and sent
// to the model automatically in subsequent requests"). A tool loop, its turns the user's setting: the bound is the
// connector's, not read here. Form seen in pwhsueh/SemanticKernelDemo Program.cs:33 (held64 Q1):
// `OpenAIPromptExecutionSettings settings = new() { ToolCallBehavior = … }; kernel.InvokePromptAsync(prompt, new(settings))`.
// Python the same (python/semantic_kernel/connectors/ai/function_choice_behavior.py `FunctionChoiceBehavior.Auto(
// auto_invoke=True, …)`; chat_completion_client_base.py invokes the functions while the model asks for them, with the
// kernel given as `kernel=`), its settings often given the behaviour after they are made:
// `settings.function_choice_behavior = FunctionChoiceBehavior.Auto()` (the SDK's python/samples/concepts/plugins).
import { isId, isP } from '../lex/brackets';
import type { CallSite, RunSite } from '../types';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { args } from './calls';
import { exprEnd } from './scope';

/** IChatCompletionService's sends, which take the kernel as an argument. */
const CHAT_SERVICE = /^(?:Get(?:Streaming)?ChatMessageContents?Async|get(?:_streaming)?_chat_message_contents?)$/;
/** Tokens of one settings expression read at most. */
const MAX_SCAN = 400;
/** Names followed from the call's arguments to their settings (`arguments` → `new(settings)` → `settings`). */
const MAX_HOPS = 2;

/** Whether toks[from, to) turn automatic invocation on. */
function autoInvokes(c: Ctx, from: number, to: number): boolean {
  const { toks, match } = c;
  for (let k = from; k < to && k < from + MAX_SCAN; k++) {
    if (toks[k].v === 'AutoInvokeKernelFunctions' && isP(toks[k - 1], '.') && toks[k - 2]?.v === 'ToolCallBehavior') return true;
    if (toks[k].v !== 'FunctionChoiceBehavior' || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'Auto' || !isP(toks[k + 3], '(')) continue;
    const close = match[k + 3];
    if (close > k && !/\bauto(?:Invoke\s*:\s*false|_invoke\s*=\s*False)\b/.test(c.text.slice(toks[k + 3].start, toks[close].end))) return true;
  }
  return false;
}

/** The end of the statement whose value starts at toks[a]: its `;`, brackets skipped. */
function statementEnd(c: Ctx, a: number): number {
  const { toks, match } = c;
  let k = a;
  if (c.syn.id === 'python') return exprEnd(c, a); // a line, its brackets' lines included
  while (k < toks.length && k < a + MAX_SCAN && !isP(toks[k], ';')) k = match[k] > k ? match[k] + 1 : k + 1;
  return k;
}

/** Whether toks[from, to), or a local it names (assigned before `before`), turns automatic invocation on. */
function settingsAutoInvoke(c: Ctx, from: number, to: number, before: number, hops: number): boolean {
  if (autoInvokes(c, from, to)) return true;
  if (hops >= MAX_HOPS) return false;
  const { toks } = c;
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || isP(toks[k - 1], '.') || isP(toks[k + 1], '(') || isP(toks[k + 1], '.')) continue;
    const def = assignmentBefore(c, toks[k].v, before);
    if (def >= 0 && def < before && settingsAutoInvoke(c, def, statementEnd(c, def), def, hops + 1)) return true;
    if (def >= 0 && def < before && behaviourSetLater(c, toks[k].v, def, before)) return true;
  }
  return false;
}

/** `name.function_choice_behavior = FunctionChoiceBehavior.Auto()` (C# `name.FunctionChoiceBehavior = …`) between the
 * settings' making at toks[from] and the call at toks[before]. */
function behaviourSetLater(c: Ctx, name: string, from: number, before: number): boolean {
  const { toks } = c;
  for (let k = from; k + 4 < before && k < from + MAX_SCAN * 4; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || !isP(toks[k + 3], '=')) continue;
    const key = toks[k + 2].v;
    if (key === 'function_choice_behavior' || key === 'FunctionChoiceBehavior' || key === 'ToolCallBehavior') {
      if (autoInvokes(c, k + 4, Math.min(before, c.syn.id === 'python' ? exprEnd(c, k + 4) : statementEnd(c, k + 4)))) return true;
    }
  }
  return false;
}

/** A kernel this file builds (`Kernel.CreateBuilder()`, `new Kernel(…)`) or registers (`services.AddKernel()`). */
const BUILDS_KERNEL = /\bKernel\s*\.\s*CreateBuilder\s*\(|\bnew\s+Kernel\s*\(|\.\s*AddKernel\s*\(/;
/** Python: `Kernel()` made here (semantic_kernel/kernel.py), and functions given to it: `kernel.add_plugin(…)`,
 * `kernel.add_functions(…)`, `kernel.add_function(…)` of a native function (kernel_function_extension.py). */
const BUILDS_KERNEL_PY = /(?:^|[^\w.])(?:sk\s*\.\s*)?Kernel\s*\(/m;
const ADDS_PLUGINS_PY = /\.\s*add_(?:plugins?|functions?)\s*\(/;
/** Functions given to a kernel: `kernel.ImportPluginFromType<T>()`, `builder.Plugins.AddFromType<T>()`, `kernel.Plugins.Add(…)`,
 * `KernelPluginFactory.CreateFromType<T>()`, `kernel.CreatePluginFromObject(…)` (Microsoft.SemanticKernel KernelExtensions,
 * KernelPluginCollection, KernelPluginFactory). */
const ADDS_PLUGINS = /\bPlugins\s*\.\s*Add|\b(?:ImportPluginFrom|CreatePluginFrom)[A-Z]|\bKernelPluginFactory\b/;
/** The words of the whole-file tests above: an edit that makes or breaks one can change a run (incremental.ts). */
export const SK_KERNEL_WORDS = ['Kernel', 'CreateBuilder', 'AddKernel', 'Plugins', 'KernelPluginFactory', 'add_plugin', 'add_plugins', 'add_function', 'add_functions'];
/** Their word prefixes: `Plugins.Add…`, `ImportPluginFrom…`, `CreatePluginFrom…`. */
export const SK_KERNEL_PREFIXES = ['Add', 'ImportPluginFrom', 'CreatePluginFrom'];

/** The run of a Semantic Kernel call at the bracket toks[open] whose settings invoke functions automatically. */
export function skToolRun(c: Ctx, site: CallSite, open: number): RunSite | undefined {
  const close = c.match[open];
  const py = c.syn.id === 'python';
  if (py && AGENT_SENDS.has(c.toks[open - 1]?.v ?? '') && close > open) return agentToolRun(c, site, open) ? loop(site) : undefined;
  if ((c.syn.id !== 'csharp' && !py) || !(close > open) || !settingsAutoInvoke(c, open + 1, close, open, 0)) return undefined;
  // A kernel built here and given no function (dkacban/dotnet-agents 3_SemanticKernel/Program.cs): the model has none
  // to call, so the request is sent once. A kernel from elsewhere (injected) may have plugins added there: a loop.
  if (py ? BUILDS_KERNEL_PY.test(c.text) && !ADDS_PLUGINS_PY.test(c.text) : BUILDS_KERNEL.test(c.text) && !ADDS_PLUGINS.test(c.text)) return undefined;
  // A chat service's `GetChatMessageContentAsync(history, settings, kernel)` invokes functions only with the kernel
  // given (its third parameter): without one there are none to invoke.
  if (CHAT_SERVICE.test(c.toks[open - 1]?.v ?? '')) {
    const a = args(c, open, close);
    if (!a.some((x) => x.key === 'kernel') && a.filter((x) => !x.key).length < 3) return undefined;
  }
  return loop(site);
}

const loop = (site: CallSite): RunSite => ({
    kind: 'agent',
    turnsSource: 'setting',
    turnsFrom: 'Semantic Kernel invokes the kernel functions the model asks for and sends their results back, a request each round trip',
    growsHistory: true,
    anchor: { start: site.anchor.start, end: site.anchor.end },
    extent: { start: site.span.start, end: site.span.end },
});

/** `agent.get_response(` at the bracket toks[open] on `agent = ChatCompletionAgent(…)`: that construction's bracket, else -1. */
export function skAgentOpen(c: Ctx, open: number): number {
  const { toks, match } = c;
  if (!AGENT_SENDS.has(toks[open - 1]?.v ?? '')) return -1;
  const name = isP(toks[open - 2], '.') && isId(toks[open - 3]) && !isP(toks[open - 4], '.') ? toks[open - 3].v : undefined;
  const def = name ? assignmentBefore(c, name, open) : -1;
  return def >= 0 && toks[def].v === 'ChatCompletionAgent' && isP(toks[def + 1], '(') && match[def + 1] > def + 1 ? def + 1 : -1;
}

/** A Python ChatCompletionAgent's sends (python/semantic_kernel/agents/chat_completion/chat_completion_agent.py). */
const AGENT_SENDS = new Set(['get_response', 'invoke', 'invoke_stream']);

/**
 * `agent.get_response(…)` on `agent = ChatCompletionAgent(…, plugins=[…] | kernel=…)`: the agent's
 * function_choice_behavior is `FunctionChoiceBehavior.Auto()` unless given (the class's Field default_factory), so with
 * functions to call it loops; an agent given no plugins and no kernel has none, and a behaviour given is read.
 */
function agentToolRun(c: Ctx, site: CallSite, open: number): boolean {
  const { toks, match } = c;
  const at = skAgentOpen(c, open);
  if (at < 0) return false;
  const a = args(c, at, match[at]);
  const given = (k: string) => a.find((x) => x.key === k);
  const plugins = given('plugins');
  const empty = plugins && plugins.to - plugins.from <= 2 && (toks[plugins.from].v === 'None' || (isP(toks[plugins.from], '[') && match[plugins.from] === plugins.from + 1));
  if ((!plugins || empty) && !given('kernel')) return false;
  const behaviour = given('function_choice_behavior');
  return !behaviour || autoInvokes(c, behaviour.from, behaviour.to);
}
