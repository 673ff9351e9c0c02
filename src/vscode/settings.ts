// One typed reader for `promptCost.*`. Pure: it takes a getter, so it runs under node --test too.
// Defaults here mirror package.json `contributes.configuration` (a unit test keeps them in step).
import type { AnalyzeOptions } from '../core/types';

export interface Settings {
  /** Master switch for lenses, hovers, quick fixes, diagnostics and the status bar. */
  enable: boolean;
  /** Cost lenses above calls ("Toggle Cost Lenses" flips it). */
  codeLens: boolean;
  /** Models offered in comparisons and routing; empty: the price table's own ladder. */
  compareModels: string[];
  /** YAML price-sheet paths, absolute or relative to a workspace folder. */
  priceSheets: string[];
  /** Inline price sheets (same shape as a YAML sheet); they override files and shipped prices. */
  prices: object[];
  callsPerMonth: number;
  expectedOutputTokens: number;
  /** USD; a call whose worst case is above it gets a warning. 0: no budget. */
  budgetPerCall: number;
  /** Second lens naming a cheaper model when it saves more than routingLensThreshold percent. */
  routingLens: boolean;
  routingLensThreshold: number;
  /** Files larger than this are not analysed. */
  maxFileSizeKb: number;
  diagnostics: boolean;
  /** Opt-in price refresh URL; empty: never fetch. */
  priceUpdateUrl: string;
  /** Turns assumed for a loop or agent whose code states no bound. */
  agentTurns: number;
  /** Tokens assumed per tool result appended to a growing conversation. */
  toolResultTokens: number;
  /** USD; an agent run whose worst case is above it gets a warning. 0: no budget. */
  budgetPerRun: number;
  /** Model to price calls with when the code chooses the model at run time; empty: such calls stay unpriced. */
  assumeModel: string;
}

export const DEFAULTS: Settings = {
  enable: true,
  codeLens: true,
  compareModels: [],
  priceSheets: [],
  prices: [],
  callsPerMonth: 10_000,
  expectedOutputTokens: 300,
  budgetPerCall: 0,
  routingLens: true,
  routingLensThreshold: 30,
  maxFileSizeKb: 512,
  diagnostics: true,
  priceUpdateUrl: '',
  agentTurns: 10,
  toolResultTokens: 500,
  budgetPerRun: 0.1,
  assumeModel: '',
};

/** Setting key (under `promptCost.`) for each field. */
export const KEYS: Record<keyof Settings, string> = {
  enable: 'enable',
  codeLens: 'codeLens.enable',
  compareModels: 'compareModels',
  priceSheets: 'priceSheets',
  prices: 'prices',
  callsPerMonth: 'callsPerMonth',
  expectedOutputTokens: 'expectedOutputTokens',
  budgetPerCall: 'budgetPerCall',
  routingLens: 'routingLens',
  routingLensThreshold: 'routingLensThreshold',
  maxFileSizeKb: 'maxFileSizeKb',
  diagnostics: 'diagnostics.enable',
  priceUpdateUrl: 'priceUpdateUrl',
  agentTurns: 'agentTurns',
  toolResultTokens: 'toolResultTokens',
  budgetPerRun: 'budgetPerRun',
  assumeModel: 'assumeModel',
};

/** Settings a workspace may not set while it is untrusted (package.json restrictedConfigurations). */
export const RESTRICTED: (keyof Settings)[] = ['priceSheets', 'priceUpdateUrl'];

export type Getter = (key: string) => unknown;

const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
const num = (v: unknown, d: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
const objects = (v: unknown): object[] => {
  if (Array.isArray(v)) return v.filter((x): x is object => typeof x === 'object' && x !== null && !Array.isArray(x));
  return typeof v === 'object' && v !== null ? [v] : [];
};

/** Reads every setting once (one snapshot per request), clamping bad values to safe ones. */
export function readSettings(get: Getter): Settings {
  const g = (k: keyof Settings) => get(KEYS[k]);
  const url = g('priceUpdateUrl');
  const assume = g('assumeModel');
  return {
    enable: bool(g('enable'), DEFAULTS.enable),
    codeLens: bool(g('codeLens'), DEFAULTS.codeLens),
    compareModels: strings(g('compareModels')),
    priceSheets: strings(g('priceSheets')),
    prices: objects(g('prices')),
    callsPerMonth: num(g('callsPerMonth'), DEFAULTS.callsPerMonth, 0),
    expectedOutputTokens: num(g('expectedOutputTokens'), DEFAULTS.expectedOutputTokens, 0),
    budgetPerCall: num(g('budgetPerCall'), DEFAULTS.budgetPerCall, 0),
    routingLens: bool(g('routingLens'), DEFAULTS.routingLens),
    routingLensThreshold: num(g('routingLensThreshold'), DEFAULTS.routingLensThreshold, 0, 100),
    maxFileSizeKb: num(g('maxFileSizeKb'), DEFAULTS.maxFileSizeKb, 1),
    diagnostics: bool(g('diagnostics'), DEFAULTS.diagnostics),
    priceUpdateUrl: typeof url === 'string' && /^https:\/\//i.test(url.trim()) ? url.trim() : '',
    agentTurns: Math.floor(num(g('agentTurns'), DEFAULTS.agentTurns, 1, 1000)),
    toolResultTokens: num(g('toolResultTokens'), DEFAULTS.toolResultTokens, 0),
    budgetPerRun: num(g('budgetPerRun'), DEFAULTS.budgetPerRun, 0),
    assumeModel: typeof assume === 'string' ? assume.trim() : '',
  };
}

export function analyzeOptions(s: Settings): Partial<AnalyzeOptions> {
  return {
    expectedOutputTokens: s.expectedOutputTokens,
    callsPerMonth: s.callsPerMonth,
    compareModels: s.compareModels,
    agentTurns: s.agentTurns,
    toolResultTokens: s.toolResultTokens,
    ...(s.assumeModel ? { assumeModel: s.assumeModel } : {}),
    // The core never reads the clock: the moment picks time-of-day rates and retired models.
    now: new Date().toISOString(),
  };
}
