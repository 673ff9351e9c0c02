// The whole pipeline on one screen: scan → tokenize → price → estimate → advise.
import type { AnalyzeOptions, AnalyzedCall, CallSite, Cancellation, PriceTable, Problem, ValueSource } from './types';
import type { ValueIndex } from './resolve/value-index';
import { nextRoute, servesRequests } from './scan/interactive-files';
import { interactiveApp } from './scan/interactive-apps';
import { railsWaitedOn } from './scan/rails-waited';
import { jvmLibraryModule } from './scan/library-modules';
import { normalize } from './resolve/files';
import { PROMPT_FILE_LANGUAGES } from './lex/languages';
import { scriptView } from './lex/components';
import { scan, type ScanState } from './scan/scanner';
import { scanPromptFile } from './scan/prompt-file';
import { lookupModel, otherVendorModel } from './price/sheets';
import { resourceNameId } from './price/model-ids';
import { dropOffVendorOthers, knownVendor, openAiOutside, ownVendorFirst } from './price/cross-vendor';
import { vendorName } from './price/vendor-names';
import { chatFormatFor, countPrompt, encodingFor, estimate } from './cost/estimator';
import { advise } from './cost/advisor';
import { callWarnings, deprecationWarning, forEndpoint, refusedDefault } from './cost/warnings';
import { retiredUnpriced } from './price/retired-unpriced';
import { estimateRun, runCacheSuggestion } from './cost/run';
import { byCaller } from './cost/caller-texts';
import { isTokenizerReady } from './tokenize/token-count';
import { countBefore } from './util/binary-search';
import { lineStarts } from './util/line-starts';

export { isSupported, languageIdForFile, SUPPORTED_LANGUAGE_IDS } from './lex/languages';

export interface AnalysisResult {
  calls: AnalyzedCall[];
  problems: Problem[];
  /** True when some counts are approximate because the exact tokenizer was not loaded yet. */
  approximate: boolean;
}

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  expectedOutputTokens: 300,
  callsPerMonth: 10_000,
  compareModels: [],
  allowApproximate: false,
  agentTurns: 10,
  toolResultTokens: 500,
};

/** Stage 1 alone: the call sites in a text (source code or a prompt file). */
export function findSites(text: string, languageId: string, file: string, keep?: (s: ScanState) => void, index?: ValueIndex, assumeModel?: string): { sites: CallSite[]; problems: Problem[] } {
  return sitesOf(PROMPT_FILE_LANGUAGES.has(languageId) ? text : scriptView(text, languageId), languageId, file, keep, index, assumeModel);
}

/** findSites of a text already in its scan view (a component's script alone, lex/components.ts). */
function sitesOf(text: string, languageId: string, file: string, keep?: (s: ScanState) => void, index?: ValueIndex, assumeModel?: string): { sites: CallSite[]; problems: Problem[] } {
  if (PROMPT_FILE_LANGUAGES.has(languageId)) return scanPromptFile(text, languageId, file);
  return { sites: scan(text, languageId, keep, { file, index, assumeModel }), problems: [] };
}

export function analyze(
  text: string,
  languageId: string,
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  cancel?: Cancellation,
  keep?: (s: ScanState) => void,
  index?: ValueIndex,
  cells?: CellOfLine,
): AnalysisResult {
  const o: AnalyzeOptions = { ...DEFAULT_OPTIONS, ...options };
  // A Vue / Svelte / Astro component: its script alone, in place (lex/components.ts).
  text = scriptView(text, languageId);
  const { sites, problems } = sitesOf(text, languageId, file, keep, index, o.assumeModel);
  const calls: AnalyzedCall[] = [];
  let approximate = false;
  const lines = sites.length ? lineStarts(text) : [0];
  const self = normalize(file);
  // A file that answers requests (an HTTP route, a bot, an extension's listener): a call made once per request is
  // waited for (scan/interactive-files.ts). Read from the whole file's text, which a first screen is given. So is
  // every call of a chat bot or desktop app (scan/interactive-apps.ts), and of a Rails service only request handlers
  // use (scan/rails-waited.ts).
  const serves =
    sites.length > 0 &&
    ((o.servesRequests ?? servesRequests(text, languageId)) || nextRoute(normalize(file)) || (!!index && (interactiveApp(index, file) || railsWaitedOn(index, file, text))));
  // Vendors the file calls through their own clients: another vendor's model at its OpenAI call is that branch's.
  const vendors = new Set(sites.map((s) => (s.host ? '' : s.provider?.toLowerCase() ?? '')));
  // A JVM library module's calls: its users decide whether a person waits (scan/library-modules.ts), so no batch advice.
  const library = sites.length > 0 && !serves && !!index && jvmLibraryModule(index, normalize(file));
  for (const site of sites) {
    if (serves && !site.run) site.interactive = true;
    if (library) site.batchable = false;
    if (cancel?.isCancellationRequested) break;
    if (site.model?.others) {
      dearest(site, table);
      if (site.model) dropOffVendorOthers(site, table, text, vendors);
    }
    // The prompt of the model priced, when a switch on the model builds it (scan/model-arms.ts).
    if (site.model && site.partsByModel?.[site.model.id]) site.parts = site.partsByModel[site.model.id];
    placeSources(site, self, lines, index, cells);
    if (!site.model && o.assumeModel && !site.embedding) site.model = { id: o.assumeModel, span: { start: site.anchor.start, end: site.anchor.start }, kind: 'assumed', assumed: 'setting' };
    // A closed host has no price to give: the call says so instead of borrowing another host's.
    const closed = site.host?.closed;
    // A model the user's own Ollama server runs has no per-token price: a vendor's row of the same name (Mistral's
    // mistral-nemo, DeepSeek's deepseek-r1) would price it and advise its API's terms. A server at a local address
    // (LM Studio, vLLM, Ollama by its port) gets no advice either, nor does an Ollama SDK call: a cap, a model or a
    // batch job saves it no money.
    const own = ownServer(site);
    // An official OpenAI client with no base URL serves only OpenAI's models: another vendor's is not priced there.
    const offVendor = site.model && !closed && !own ? openAiOutside(site, table, text, vendors) : undefined;
    let price = site.model && !closed && !own && !offVendor ? lookupModel(table, site.model.id, site.model.provider ?? site.provider) : undefined;
    // Bedrock InvokeModel sends any model's own body: one the sheet marks as an embedding model embeds (titan-embed).
    if (price?.kind === 'embedding' && site.sdk === 'AWS Bedrock') site.embedding = true;
    // A chat model stated only as a default, on the text-completions endpoint that refuses it: run time (cost/warnings.ts).
    const refused = refusedDefault(site, price);
    if (refused) [site.model, site.modelUnresolved, price] = [undefined, refused, undefined];
    // Shown by the sheet's id; a switch of model keeps the prefix (cost/routing.ts writtenPrefix).
    const bare = price && site.model ? resourceNameId(site.model.id, price.id) : undefined;
    if (bare) site.model = { ...site.model!, id: bare, prefix: site.model!.id.slice(0, -bare.length) };
    const enc = encodingFor(price);
    const count = countPrompt(site, enc, o.allowApproximate && !isTokenizerReady(enc), chatFormatFor(price));
    if (!count.exact && o.allowApproximate && !isTokenizerReady(enc)) approximate = true;
    const est = estimate(site, price, count, o);
    const varies = byCaller(site, enc, o.allowApproximate && !isTokenizerReady(enc));
    if (varies) est.byCaller = varies;
    const other = offVendor ?? (site.model && !price && !closed && !own ? otherVendorModel(table, site.model.id, site.model.provider ?? site.provider) : undefined);
    const foreign = other ? otherVendorText(site, other) : undefined;
    // A model its provider shut down that no sheet holds: the call fails, which is what the user needs to hear.
    const gone = site.model && !price && !closed && !foreign && !own ? retiredUnpriced(site.model.id) : undefined;
    const goneDep = gone ? deprecationWarning(gone, o, table) : undefined;
    const goneWarning = goneDep ? forEndpoint(goneDep, site) : undefined;
    if (closed) problems.push({ file, line: lineOf(lines, site.anchor.start), message: closedHostText(site) });
    else if (foreign) problems.push({ file, line: lineOf(lines, site.anchor.start), message: foreign });
    else if (goneWarning) problems.push({ file, line: lineOf(lines, site.anchor.start), message: `${goneWarning.text}; not priced` });
    else if (site.model && !price && !own) problems.push({ file, line: lineOf(lines, site.anchor.start), message: `unknown model "${site.model.id}": not priced` });
    const warnings = callWarnings(site, est, price, table, o);
    if (goneWarning) warnings.unshift(goneWarning);
    if (closed) warnings.unshift({ kind: 'closed-host', severity: 'error', text: `${closedHostText(site)} (source: ${closed.source})` });
    if (foreign) warnings.unshift({ kind: 'other-vendor', severity: 'warning', text: foreign });
    if (own && site.model) warnings.unshift({ kind: 'own-server', severity: 'info', text: `"${site.model.id}" is run by ${own}: no per-token price` });
    // The client refuses to send it (a dspy.LM DSPy will not make): every call fails, so no advice on its cost.
    if (site.refused) warnings.unshift({ kind: 'refused', severity: 'error', text: site.refused });
    const call: AnalyzedCall = { site, line: lineOf(lines, site.anchor.start), estimate: est, suggestions: goneWarning || own || site.refused || warnings.some((w) => w.kind === 'wrong-endpoint' || w.kind === 'thinking-budget' || w.kind === 'refused') ? [] : advise(site, est, price, table, o), warnings };
    const run = estimateRun(site, est, price, o);
    if (run) {
      call.run = run;
      const cache = runCacheSuggestion(run, site, price);
      if (cache) call.suggestions.push(cache);
    }
    const requestLine = site.request ? lineOf(lines, site.request.start) : undefined;
    if (requestLine !== undefined && requestLine !== call.line) call.requestLine = requestLine;
    calls.push(call);
  }
  return { calls, problems, approximate };
}

/**
 * `"gpt-4-turbo" is an OpenAI model, and this call goes to Anthropic, which serves only its own models: not priced`:
 * a default or constant meant for another branch (`model_name="gpt-4-turbo"` reaching the `elif "claude" in
 * model_name:` arm), or a mistake. Priced as OpenAI's, the lens would show OpenAI's price and advice on a Claude call.
 */
function otherVendorText(site: CallSite, m: { provider: string }): string {
  const to = site.model!.provider ?? site.provider ?? '';
  const from = site.model!.source?.what;
  const how = from ? ` (${from})` : '';
  const vendor = vendorName(m.provider);
  const callee = vendorName(to);
  return `"${site.model!.id}"${how} is ${/^[AEIOU]/.test(vendor) ? 'an' : 'a'} ${vendor} model, and this call goes to ${callee}, which serves only its own models: not priced (${callee}'s API would refuse it). The code may pick this value for another provider or branch.`;
}

/** The server a call's model runs on when it is the user's own (an Ollama SDK or HTTP call, LangChain's ChatOllama, an
 * `ollama("…")` model, an OpenAI-compatible client whose base URL is a local address): a name for it, else undefined. */
function ownServer(site: CallSite): string | undefined {
  return (site.model?.provider ?? site.provider)?.toLowerCase() === 'ollama' ? 'Ollama' : site.localServer;
}

/** `OctoAI's API closed on 2024-10-31; no current price for "meta-llama-3.1-8b-instruct"`. */
export function closedHostText(site: CallSite): string {
  const h = site.host!;
  return `${h.name}'s API closed on ${h.closed!.on}; no current price${site.model ? ` for "${site.model.id}"` : ''}`;
}

/** A notebook's joined text (notebook/cells.ts): a line of it → the cell (1-based) and the line inside that cell. */
export type CellOfLine = (line: number) => { cell: number; line: number } | undefined;

/**
 * Sources in the analysed file lose their `file` and get their line; those in other files keep both. In a notebook's
 * joined text the line is the cell's and the cell is named (no editor shows the joined text's lines); the offset stays
 * the joined text's.
 */
function placeSources(site: CallSite, self: string, lines: readonly number[], index?: ValueIndex, cells?: CellOfLine): void {
  const fix = (src: Omit<ValueSource, 'what'> | undefined): void => {
    if (!src) return;
    for (const c of src.callers ?? []) fix(c);
    if (src.file === undefined || normalize(src.file) === self) {
      delete src.file;
      src.line = lineOf(lines, src.offset);
      const at = cells?.(src.line);
      if (at) [src.cell, src.line] = [at.cell, at.line];
    } else if (src.line === undefined) {
      // A notebook's offsets are of its joined cells (resolve/value-index.ts): its cell and the line in it.
      const cell = index?.cellOf(src.file, src.offset);
      if (cell) [src.cell, src.line] = [cell.cell, cell.line];
      const other = cell ? undefined : index?.text(src.file);
      if (other !== undefined) src.line = lineOf(lineStarts(other.slice(0, src.offset)), src.offset);
    }
  };
  fix(site.model?.source);
  for (const src of Object.values(site.model?.otherSources ?? {})) fix(src);
  fix(site.maxOutput?.source);
  for (const p of site.parts) fix(p.source);
  if (site.model?.file !== undefined && normalize(site.model.file) === self) delete site.model.file;
  if (site.maxOutput?.file !== undefined && normalize(site.maxOutput.file) === self) delete site.maxOutput.file;
}

/** Of several values a model can take (a helper with several returns), price the dearest: the worst case, of the
 * call's own vendor's models when some are another's (price/cross-vendor.ts). */
function dearest(site: CallSite, table: PriceTable): void {
  const m = site.model!;
  // An empty entry among the candidates (`hunyuan: { model: "" }` in a per-provider table, the user's to fill): at a
  // call whose vendor is not known (a plain POST to the table's URL), the model is the user's, not another entry's
  // (held41 spraylee/vscode-ai-commit src/hunyuan.ts showed the Claude entry's claude-haiku-4-5). A call to one vendor's
  // API (its SDK: src/claude.ts) still prices the dearest of the entries written.
  if (m.others?.includes('') && knownVendor(site) === undefined) {
    site.model = undefined;
    site.modelUnresolved = `${m.source?.what ?? m.id}: an entry left empty, set at run time`;
    return;
  }
  const ids = [m.id, ...(m.others ?? []).filter(Boolean)];
  // An alternative another vendor's construction makes (a factory's arm) is priced by its own sheet.
  const arm = (id: string) => m.otherArms?.[id];
  const cost = (id: string) => {
    const p = lookupModel(table, id, arm(id)?.provider ?? m.provider ?? site.provider);
    return p ? p.input + p.output : -1;
  };
  // A model of another vendor than the call's (a value meant for the other branch) loses to one of its own.
  const pool = [...ownVendorFirst(site, table, ids.filter((id) => !arm(id))), ...ids.filter((id) => arm(id))];
  const best = pool.reduce((a, b) => (cost(b) > cost(a) ? b : a));
  if (best === m.id) return;
  site.model = { ...m, id: best, others: ids.filter((x) => x !== best), kind: 'constant' };
  const to = arm(best);
  if (to) {
    // The call is that arm's: its vendor's rates, batch terms and limit keyword; the first arm becomes an alternative.
    const { [best]: _, ...rest } = m.otherArms!;
    const from = m.provider ?? site.provider;
    site.model.otherArms = from ? { ...rest, [m.id]: { provider: from, limitParam: site.limitParam } } : rest;
    site.model.provider = to.provider;
    site.provider = to.provider;
    if (to.limitParam) site.limitParam = to.limitParam;
  }
  // The hover's From names where the priced model is set (its own if / else arm), not the value read first.
  const own = m.otherSources?.[best];
  if (own) {
    const { [best]: _, ...rest } = m.otherSources!;
    site.model.source = own;
    site.model.otherSources = m.source ? { ...rest, [m.id]: m.source } : rest;
  }
}

/** 1-based line of an offset, by binary search over line starts. */
function lineOf(starts: readonly number[], offset: number): number {
  return countBefore(starts.length, (i) => starts[i] <= offset);
}
