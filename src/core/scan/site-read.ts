// One call read at its anchor once the scan loop (scanner.ts) has chosen its shape: the call's values (read-call.ts),
// what its SDK's own forms add (rig, LangChain Rust chains, LangChain4j services and injected models), and its runs.
import { chatEngineAgentRun } from './llamaindex-chat-agents';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { anchorAt } from './links';
import type { CallSite } from '../types';
import type { CallShape } from './call-shape-types';
import type { Ctx } from './values';
import { readCall } from './read-call';
import { readRun } from './runs';
import { builderEnd } from './chains';
import { rigProvider } from './rust-rig';
import { LC_RUST_CHAIN, RIG_AGENT, RIG_AGENT_NEW, RIG_INTO_AGENT, RIG_REQUEST } from './call-shapes-rust';
import { rigModelAgent, rigModelRequest } from './rust-rig-model';
import { koogMockExecutor } from './koog-agent-config';
import { lcRustChain } from './rust-lc-chain';
import { rustGenaiCall } from './rust-genai';
import { addServiceMessages, type Service } from './ai-services';
import { injectedChatModel, springStarterModel } from './ai-services-spring';
import { builtElsewhere } from './ai-services-workspace';
import { serviceToolRun, springToolRun } from './l4j-tool-runs';
import { moduleToolDefs } from './l4j-tool-beans';
import { serviceToolDefs } from './l4j-service-tools';
import type { SpringTools } from './spring-tool-defs';
import { skToolRun } from './sk-tool-runs';
import { skPluginTools } from './sk-plugin-tools';
import { skPluginToolsPy } from './sk-plugin-tools-py';
import { skAgentOpen } from './sk-tool-runs';
import { takePending, withSub } from './sub-chains';
import { CREW_TASK, crewTask } from './crewai-tasks';
import { crewaiDefaultLimit } from './crewai-limit';
import { langchainAnthropicDefaultLimit } from './langchain-anthropic-limit';
import { litellmPinLimit } from './litellm-pin-limit';
import { browserUseSteps, isBrowserUseClass as bu } from './browser-use-models';
import { jsonListReply } from './json-list-reply';
import { aiSdkThinkingDefault } from './ai-sdk-thinking';
import { aiSdkAnthropicLimit } from './ai-sdk-anthropic-limit';
import { langchainJsAnthropicLimit } from './langchain-js-anthropic-limit';
import { koogReleaseLimit } from './koog-release';
import { l4jRagPrompt } from './l4j-rag-calls';
import { githubModelsHost } from './github-models';
import { azureInferenceClientLimit, otherChatCompletionsClient } from './azure-inference-client';
import { anthropicRequiredLimit } from './anthropic-required-limit';
import { agentDecorated } from './py-agent-decorators';
import { chatgptSwiftCall } from './swift-chatgptswift';
import { SWIFT_SENT_LATER, swiftSentLater } from './swift-sent-later';
import { springRequestTools } from './spring-request-tools';

/** The call whose shape is `shape`, anchored at `first` with its bracket at `i`; undefined when it is no such call. */
export function readSite(c: Ctx, shape: CallShape, first: number, i: number, languageId: string, made: [number, number][], service: Service | undefined): CallSite | undefined {
  const { toks, match } = c;
  const madeBefore = made.length;
  takePending();
  const site = readCall(c, shape, first, i, languageId, made);
  if (!site || otherChatCompletionsClient(c, site)) return undefined;
  if (shape.id === RIG_AGENT) rigProvider(c, site, first);
  else if ((shape.id === RIG_AGENT_NEW || shape.id === RIG_INTO_AGENT) && !rigModelAgent(c, site, first, i, shape.id === RIG_INTO_AGENT)) return undefined;
  else if (shape.id === RIG_REQUEST && !rigModelRequest(c, site, first)) return undefined;
  else if (shape.id === LC_RUST_CHAIN) lcRustChain(c, site, first, i);
  else if (shape.id.startsWith('rust-genai.')) rustGenaiCall(c, site, first, i);
  l4jRagPrompt(c, site, first, i); // LangChain4j RAG steps: their default template's text (l4j-rag-calls.ts)
  if (service !== undefined && site.sdk === 'LangChain4j') {
    const ret = addServiceMessages(c, site, service.iface, toks[i - 1].v, i);
    if (service.spring) springStarterModel(c, site, ret, service.iface, service.wired, service.quarkus);
    else builtElsewhere(c, site, service.iface, shape.via);
  } else if (site.sdk === 'LangChain4j' && !site.model && isP(toks[first - 1], '.') && isId(toks[first - 2])) injectedChatModel(c, site, toks[first - 2].v);
  // A builder's extent is its chain up to .build(), not the anchor's own `()`. A construction the call is bound to
  // (`Agent(…, tools=[…])` run by `Runner.run(agent, …)`) carries the tools too.
  const construction = (shape.via || shape.assistantRun) && made.length > madeBefore ? made[made.length - 1]
    : shape.id === 'koog.AIAgent' && match[i] > 0 ? [first, match[i]] as [number, number] : undefined; // a factory's agent is its own
  if (construction && site.sdk === 'Koog' && koogMockExecutor(c, construction)) return undefined; // a test double's agent
  readRun(c, site, first, i, Math.min(shape.kind === 'builder' ? builderEnd(c, i) : match[i] < 0 ? toks.length : match[i], toks.length), construction);
  // A Pydantic AI agent's @agent.system_prompt / instructions / tool functions (py-agent-decorators.ts).
  if (construction) agentDecorated(c, site, construction);
  // LlamaIndex < 0.13: a chat engine in an agent chat mode is an agent's run (llamaindex-chat-agents.ts).
  if (!site.run && shape.via?.engine === true) site.run = chatEngineAgentRun(c, site, first);
  if (shape.id.startsWith('chatgptswift.') && !chatgptSwiftCall(c, site, first, i)) return undefined; // ChatGPTSwift's defaults
  if (SWIFT_SENT_LATER.has(shape.id)) swiftSentLater(c, site, shape.id, first, i); // the row at the request's send
  if (shape.id === CREW_TASK) crewTask(c, site, first, i); // a CrewAI task: its agent's model and text (crewai-tasks.ts)
  crewaiDefaultLimit(c, site); // CrewAI's Anthropic provider: its own max_tokens when the code sets none
  if (languageId === 'python') {
    langchainAnthropicDefaultLimit(c, site); // ChatAnthropic's 1,024 before 0.3.19
    litellmPinLimit(c, site); // LiteLLM's 4,096 to Anthropic in the pinned releases before PR #17900
  } else langchainJsAnthropicLimit(c, site); // @langchain/anthropic's 2,048 (0.x) or per-model default (1.x)
  if (site.sdk === 'browser-use') browserUseSteps(site, made.slice(madeBefore).map(([at]) => toks[at]?.v).find(bu)); // JSON steps, cached prompts
  jsonListReply(c, site, first, Math.min(match[i] < 0 ? toks.length : match[i], toks.length)); // a JSON reply with lists: no cap number
  aiSdkThinkingDefault(c, site); // the AI SDK's thinking budget when `type: 'enabled'` names none
  aiSdkAnthropicLimit(c, site); // the AI SDK's Anthropic provider: 4,096 before 2.0.31 when the code sets no limit
  koogReleaseLimit(c, site); // Koog: the Anthropic / Google clients' own limit; no LLMParams.maxTokens before 0.4.0
  githubModelsHost(site); // LangChain4j's GitHub Models model: priced by name, no vendor batch API
  azureInferenceClientLimit(c, site, first); // the Python client's own max_tokens, sent by calls that set none
  anthropicRequiredLimit(c, site, shape.id, i); // the Anthropic SDKs require max_tokens: without it every call fails
  // An AI service built with tools runs them (l4j-tool-runs.ts).
  if (service !== undefined && site.sdk === 'LangChain4j' && (!service.spring || service.tools)) {
    const run = site.run ? undefined : service.spring ? springToolRun(c, site) : serviceToolRun(c, site, service.iface);
    if (run) site.run = run;
    // AUTOMATIC wiring gives it every @Tool bean of the module: their definitions go with each request (l4j-tool-beans.ts).
    // Built with `.tools(new Calculator())`: that object's @Tool methods, in a loop of the code's own too (l4j-service-tools.ts).
    const defs = run && service.spring && !service.wired && service.quarkus === undefined && c.index && c.file ? moduleToolDefs(c.index, c.file) : !service.spring ? serviceToolDefs(c, service.iface) : undefined;
    if (defs && !site.tools) toolsAt(site, defs);
  }
  // A ChatClient request's own `.tools(new DateTimeTools())` (spring-request-tools.ts).
  if (shape.id.startsWith('spring-ai.chatclient.')) springRequestTools(c, site, first);
  // Semantic Kernel settings that invoke kernel functions automatically (sk-tool-runs.ts).
  // A call in a loop of the code's own (its run already read) still sends the plugins' functions with each request.
  if (site.sdk === 'Semantic Kernel') {
    const run = skToolRun(c, site, i);
    if (run && !site.run) site.run = run;
    // The plugins' functions go with every request of the loop as tools (sk-plugin-tools.ts).
    if (run && !site.tools) {
      const unread: string[] = [];
      const tools = skPluginTools(c, i - 1) ?? skPluginToolsPy(c, i - 1, unread, skAgentOpen(c, i));
      if (tools) site.tools = tools;
      for (const label of unread) site.parts.push({ text: '', span: tools?.span ?? site.anchor, resolved: false, label });
    }
  }
  return site;
}

/** A builder whose read the scan loop left for later: its shape, anchor and bracket, and its place in the loop's list. */
export interface Later {
  shape: CallShape;
  first: number;
  i: number;
  at: number;
}

/**
 * May the scan loop read this builder after every other call of the file? Most builders are a request that another
 * call sends, which drops them (scanner.ts's filter) after they were read in full (the bench's Java and Rust files read
 * 53 such builders a pass). Only when the read changes nothing the loop does next: the bracket's first candidate shape
 * (`matched` stays it whether the read finds a call or not) and no later candidate anchored here (none is tried when
 * it finds none), no workspace sender tried where none is found (`wrap`), no AI service, and a chain that adds no
 * request range (`made`, which decides the drop): read-call.ts's builder path adds one only through `via` or an
 * assistant run.
 */
export function deferrable(toks: Token[], shape: CallShape, shapes: CallShape[], matched: CallShape | undefined, wrap: boolean, service: Service | undefined, last: number, i: number): boolean {
  if (shape.kind !== 'builder' || shape.via || shape.assistantRun || matched !== shape || wrap || service !== undefined) return false;
  // The loop's own test of a shape's anchor at this bracket (scanner.ts).
  for (let k = shapes.indexOf(shape) + 1; k < shapes.length; k++) if (anchorAt(toks, shapes[k].anchor, last, i) >= 0) return false;
  return true;
}

/**
 * The builders left for later, in the loop's order, each where the loop would have put it in `sites`. One that a call
 * of the file sends (`sent`, with every request range known) is not read: the filter would drop it, read or not.
 */
export function readLater(c: Ctx, later: Later[], sites: CallSite[], firstTok: Map<CallSite, number>, sent: (at: number) => boolean, languageId: string, made: [number, number][], forward: Map<CallSite, Set<string>> | undefined): void {
  const read: [number, CallSite][] = [];
  for (const d of later) {
    if (sent(d.first)) continue;
    if (forward) c.forward = new Set();
    const site = readSite(c, d.shape, d.first, d.i, languageId, made, undefined);
    if (!site) continue;
    firstTok.set(site, d.first);
    if (forward && c.forward?.size) forward.set(site, c.forward);
    read.push([d.at, site]);
  }
  // From the last: the places of the earlier ones do not move.
  for (let k = read.length - 1; k >= 0; k--) sites.splice(read[k][0], 0, read[k][1]);
}

/** The rows of the sub-chains the call just read also runs (sub-chains.ts): each read at the same call, its model and
 * template those of the branch. */
export function subChainSites(c: Ctx, shape: CallShape, first: number, i: number, languageId: string, made: [number, number][]): CallSite[] {
  const out: CallSite[] = [];
  const name = c.toks[i - 1];
  for (const sub of takePending()) {
    // Each row its own anchor on the call's line (a quick fix finds its call by the anchor): the n-th a character
    // further into the method's name, so at most as many rows as the name has characters after its first.
    if (out.length + 1 >= name.end - name.start) break;
    const madeBefore = made.length;
    const site = withSub(sub, () => readCall(c, shape, first, i, languageId, made));
    if (!site) continue;
    site.anchor = { start: name.start + out.length + 1, end: site.anchor.end };
    readRun(c, site, first, i, Math.min(c.match[i] < 0 ? c.toks.length : c.match[i], c.toks.length), made.length > madeBefore ? made[made.length - 1] : undefined);
    out.push(site);
  }
  return out;
}

/** Tool definitions read in other files, placed at the call; the parameters not read are named. */
function toolsAt(site: CallSite, defs: SpringTools): void {
  site.tools = { text: defs.text, definitions: defs.definitions, span: { ...site.anchor } };
  if (!site.uses?.includes('tools')) (site.uses ??= []).push('tools');
  for (const label of defs.unknown) site.parts.push({ text: '', span: { ...site.anchor }, resolved: false, label });
}
