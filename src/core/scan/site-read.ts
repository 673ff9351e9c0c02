// One call read at its anchor once the scan loop (scanner.ts) has chosen its shape: the call's values (read-call.ts),
// what its SDK's own forms add (rig, LangChain Rust chains, LangChain4j services and injected models), and its runs.
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { CallShape } from './call-shape-types';
import type { Ctx } from './values';
import { readCall } from './read-call';
import { readRun } from './runs';
import { builderEnd } from './chains';
import { rigProvider } from './rust-rig';
import { LC_RUST_CHAIN, RIG_AGENT } from './call-shapes-rust';
import { lcRustChain } from './rust-lc-chain';
import { addServiceMessages, type Service } from './ai-services';
import { injectedChatModel, springStarterModel } from './ai-services-spring';
import { builtElsewhere } from './ai-services-workspace';

/** The call whose shape is `shape`, anchored at `first` with its bracket at `i`; undefined when it is no such call. */
export function readSite(c: Ctx, shape: CallShape, first: number, i: number, languageId: string, made: [number, number][], service: Service | undefined): CallSite | undefined {
  const { toks, match } = c;
  const madeBefore = made.length;
  const site = readCall(c, shape, first, i, languageId, made);
  if (!site) return undefined;
  if (shape.id === RIG_AGENT) rigProvider(c, site, first);
  else if (shape.id === LC_RUST_CHAIN) lcRustChain(c, site, first, i);
  if (service !== undefined && site.sdk === 'LangChain4j') {
    const ret = addServiceMessages(c, site, service.iface, toks[i - 1].v, i);
    if (service.spring) springStarterModel(c, site, ret, service.iface, service.wired, service.quarkus);
    else builtElsewhere(c, site, service.iface, shape.via);
  } else if (site.sdk === 'LangChain4j' && !site.model && isP(toks[first - 1], '.') && isId(toks[first - 2])) injectedChatModel(c, site, toks[first - 2].v);
  // A builder's extent is its chain up to .build(), not the anchor's own `()`. A construction the call is bound to
  // (`Agent(…, tools=[…])` run by `Runner.run(agent, …)`) carries the tools too.
  const construction = (shape.via || shape.assistantRun) && made.length > madeBefore ? made[made.length - 1] : undefined;
  readRun(c, site, first, i, Math.min(shape.kind === 'builder' ? builderEnd(c, i) : match[i] < 0 ? toks.length : match[i], toks.length), construction);
  return site;
}
