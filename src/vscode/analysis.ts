// Analyses of open documents: debounced per document, cached by URI + version, superseded runs dropped.
// The first run may use approximate token counts so the first lens is not held up by the tokenizer's
// cold load; once the rank tables are warm, `onExact` fires and the owner refreshes everything.
import * as vscode from 'vscode';
import { analyze, type AnalysisResult } from '../core/analyze';
import { isTokenizerReady, warmTokenizer } from '../core/tokenizer';
import { Scheduler, type DocSnapshot, type RunToken } from './scheduler';
import { log } from './log';
import { analyzeOptions, type Settings } from './settings';
import type { PriceTable } from '../core/types';

interface DocRef extends DocSnapshot {
  doc: vscode.TextDocument;
}

/** Delay before loading the tokenizer once lenses are drawn (lets VS Code paint them first). */
const WARM_AFTER_LENS_MS = 150;
/** Load it anyway after this long when no lens was drawn (lenses off: hovers and diagnostics still want exact counts). */
const WARM_FALLBACK_MS = 10_000;

const EMPTY: AnalysisResult = { calls: [], problems: [], approximate: false };

export class Analysis implements vscode.Disposable {
  private readonly scheduler: Scheduler<DocRef, AnalysisResult>;
  private readonly resultEmitter = new vscode.EventEmitter<{ doc: vscode.TextDocument; result: AnalysisResult }>();
  private readonly exactEmitter = new vscode.EventEmitter<void>();
  private warming: Promise<void> | undefined;
  private warmTimer: NodeJS.Timeout | undefined;
  private firstLogged = false;
  /** Fires after each finished analysis (diagnostics, status bar). */
  readonly onResult = this.resultEmitter.event;
  /** Fires once the exact tokenizer is loaded after an approximate run. */
  readonly onExact = this.exactEmitter.event;

  constructor(
    private readonly table: () => PriceTable,
    private readonly settings: () => Settings,
  ) {
    this.scheduler = new Scheduler<DocRef, AnalysisResult>(
      (ref, token) => this.compute(ref, token),
      { debounceMs: 350, firstMs: 0, maxEntries: 64 },
      (ref, result) => this.resultEmitter.fire({ doc: ref.doc, result }),
    );
  }

  private ref(doc: vscode.TextDocument): DocRef {
    return { uri: doc.uri.toString(), version: doc.version, doc };
  }

  private compute(ref: DocRef, token: RunToken): AnalysisResult {
    const s = this.settings();
    const doc = ref.doc;
    // Cheap check before getText(): a document's last line offset bounds its length.
    if (doc.offsetAt(new vscode.Position(doc.lineCount, 0)) > s.maxFileSizeKb * 1024) return EMPTY;
    const exact = isTokenizerReady();
    const t0 = Date.now();
    const result = analyze(
      doc.getText(),
      doc.languageId,
      doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(),
      this.table(),
      { ...analyzeOptions(s), allowApproximate: !exact },
      token,
    );
    if (!this.firstLogged) {
      this.firstLogged = true;
      log.info(`first analysis: ${result.calls.length} call(s) in ${doc.uri.path.split('/').pop()} in ${Date.now() - t0} ms${result.approximate ? ' (approximate counts)' : ''}`);
    }
    if (result.approximate) this.warm();
    return result;
  }

  /**
   * The rank tables take seconds to load and block the extension host while they do, so the load waits
   * until the approximate lenses are on screen (`lensesShown`), or WARM_FALLBACK_MS when no lens asks.
   */
  private warm(): void {
    if (this.warming || this.warmTimer) return;
    this.warmTimer = setTimeout(() => this.startWarm(), WARM_FALLBACK_MS);
  }

  /** The lens provider calls this from resolveCodeLens: the first lenses are being drawn. */
  lensesShown(): void {
    if (!this.warmTimer) return;
    clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => this.startWarm(), WARM_AFTER_LENS_MS);
  }

  private startWarm(): void {
    this.warmTimer = undefined;
    if (this.warming) return;
    const t0 = Date.now();
    this.warming = warmTokenizer().then(
      () => {
        log.info(`tokenizer loaded in ${Date.now() - t0} ms; exact counts from now on`);
        this.exactEmitter.fire();
      },
      (e) => log.error('tokenizer failed to load; counts stay approximate', e),
    );
  }

  peek(doc: vscode.TextDocument): AnalysisResult | undefined {
    return this.scheduler.peek(this.ref(doc));
  }

  /** The analysis of the document's current version; `undefined` when a newer edit superseded it. */
  request(doc: vscode.TextDocument, immediate = false): Promise<AnalysisResult | undefined> {
    return this.scheduler.request(this.ref(doc), immediate);
  }

  /** For commands: the current version's analysis, waiting for it if needed. */
  async current(doc: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    for (let i = 0; i < 3; i++) {
      const r = await this.request(doc, true);
      if (r) return r;
    }
    return undefined;
  }

  forget(doc: vscode.TextDocument): void {
    this.scheduler.forget(doc.uri.toString());
  }

  reset(): void {
    this.scheduler.reset();
  }

  dispose(): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.scheduler.reset();
    this.resultEmitter.dispose();
    this.exactEmitter.dispose();
  }
}
