// Turns a call's method chain states for its tool loop, read with the chain (prism.ts `->withMaxSteps(5)`, possibly in
// a trait's or a service's file) and taken by the run reader (runs.ts agentLimit) after the call is made.
import type { CallSite } from '../types';

export interface ChainTurns {
  /** The stated count; absent when it is known only at run time. */
  turns?: number;
  /** As written, with the file when another one states it. */
  from: string;
}

const STATED = new WeakMap<CallSite, ChainTurns>();

export const setChainTurns = (site: CallSite, t: ChainTurns): void => void STATED.set(site, t);
export const chainTurns = (site: CallSite): ChainTurns | undefined => STATED.get(site);
