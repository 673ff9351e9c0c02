// Analyses of open documents: debounced per document, cached by URI + version, superseded runs dropped.
// The first run may use approximate token counts so the first lens is not held up by the tokenizer's
// cold load; once the rank tables are warm, `onExact` fires and the owner refreshes everything.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/analyze';
import { analyzeSnapshot, applyEdit, type Edit, type Snapshot } from '../core/editor/incremental';
import { analyzePrefix, firstSliceEnd } from '../core/editor/prefix';
import { warmTokenizer } from '../core/tokenize/token-count';
import { Scheduler, type DocSnapshot } from './scheduler';
import { log } from './log';
import { Debounced } from './debounced';
import { isCell, NotebookAnalyses } from './notebookCells';
import { analyzeOptions, type Settings } from './settings';
import type { Cancellation, PriceTable } from '../core/types';
import type { ValueIndex } from '../core/resolve/value-index';

interface DocRef extends DocSnapshot {
  doc: vscode.TextDocument;
}

/** Delay before loading the tokenizer once lenses are drawn (lets VS Code paint them first). */
const WARM_AFTER_LENS_MS = 150;
/** Load it anyway after this long when no lens was drawn (lenses off: hovers and diagnostics still want exact counts). */
const WARM_FALLBACK_MS = 10_000;

const MAX_SNAPSHOTS = 12;
/** After a first-screen result, the whole file is analysed this much later: VS Code draws those lenses first. */
const WHOLE_FILE_AFTER_MS = 100;
/**
 * After a keystroke-path result, the whole file is analysed again once typing pauses this long: a reader that did not
 * record what it read outside its call (core/editor/incremental.ts) leaves a stale lens no longer than this.
 */
const RECHECK_AFTER_MS = 1500;

const EMPTY: AnalysisResult = { calls: [], problems: [], approximate: false };

export class Analysis implements vscode.Disposable {
  private readonly scheduler: Scheduler<DocRef, AnalysisResult>;
  /** Notebook cells: one analysis per notebook, each cell given its calls. */
  readonly notebooks: NotebookAnalyses;
  private readonly resultEmitter = new vscode.EventEmitter<{ doc: vscode.TextDocument; result: AnalysisResult }>();
  private readonly exactEmitter = new vscode.EventEmitter<void>();
  private warming: Promise<void> | undefined;
  private warmTimer: NodeJS.Timeout | undefined;
  private firstLogged = false;
  /** Last full analysis per document, with the edits made since (bounded by the open documents). */
  private readonly snapshots = new Map<string, { version: number; snap: Snapshot; edits: { version: number; edit: Edit }[] }>();
  /** Documents whose first screen was analysed ahead of the whole file (once per document while open). */
  private readonly sliced = new Set<string>();
  /** First-screen results, until the whole file's replaces them. */
  private readonly partial = new WeakSet<AnalysisResult>();
  private readonly wholeTimers = new Set<NodeJS.Timeout>();
  private readonly rechecks = new Debounced(RECHECK_AFTER_MS);
  private readonly wholeEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a document's whole-file analysis replaced its first-screen one, or a keystroke-path result that
   * differed from it once typing paused (lenses refresh). */
  readonly onWhole = this.wholeEmitter.event;
  /** Fires after each finished analysis (diagnostics, status bar). */
  readonly onResult = this.resultEmitter.event;
  /** Fires once the exact tokenizer is loaded after an approximate run. */
  readonly onExact = this.exactEmitter.event;

  constructor(
    private readonly table: () => PriceTable,
    private readonly settings: () => Settings,
    /** Other files' values (imports, prompt files); absent: each document alone. */
    private readonly index?: ValueIndex,
  ) {
    this.notebooks = new NotebookAnalyses(index);
    this.scheduler = new Scheduler<DocRef, AnalysisResult>(
      (ref, token) => this.compute(ref, token),
      { debounceMs: 350, firstMs: 0, maxEntries: 64 },
      (ref, result) => this.resultEmitter.fire({ doc: ref.doc, result }),
    );
  }

  private ref(doc: vscode.TextDocument): DocRef {
    // A cell's calls change when any cell of its notebook changes: its cache key follows the notebook's state
    // (negative, so it never meets a document version).
    const serial = isCell(doc) ? this.notebooks.version(doc) : undefined;
    return { uri: doc.uri.toString(), version: serial !== undefined ? -serial : doc.version, doc };
  }

  private compute(ref: DocRef, token: Cancellation): AnalysisResult {
    const s = this.settings();
    const doc = ref.doc;
    // Cheap check before getText(): a document's last line offset bounds its length.
    if (doc.offsetAt(new vscode.Position(doc.lineCount, 0)) > s.maxFileSizeKb * 1024) return EMPTY;
    // The core approximates only what a tokenizer not loaded yet would count (and warm() then loads it): the Gemma
    // vocabulary is wanted only once a Gemini call is seen, after o200k_base is loaded.
    if (isCell(doc)) {
      const r = this.notebooks.result(doc, this.table(), { ...analyzeOptions(s), allowApproximate: true }, s.maxFileSizeKb * 1024, token);
      if (r) {
        if (r.approximate) this.warm();
        return r;
      }
    }
    const t0 = Date.now();
    const text = doc.getText();
    const uri = doc.uri.toString();
    // A keystroke that cannot change any call reuses the last analysis (core/editor/incremental.ts).
    const reused = this.replay(uri, doc.version, text);
    if (!reused) {
      const first = this.firstScreen(ref, text, token);
      if (first) return first;
    }
    let result: AnalysisResult;
    if (reused) {
      result = reused.result;
      this.rechecks.schedule(uri, () => void this.recheck(ref.doc, ref.version));
    } else {
      const snap = analyzeSnapshot(
        text,
        doc.languageId,
        doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(),
        this.table(),
        { ...analyzeOptions(s), allowApproximate: true },
        token,
        this.index,
      );
      result = snap.result;
      if (!token.isCancellationRequested) {
        this.snapshots.delete(uri);
        // Tokens of a large file weigh megabytes: keep the most recently analysed documents only.
        if (this.snapshots.size >= MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value as string);
        this.snapshots.set(uri, { version: doc.version, snap, edits: [] });
      }
    }
    if (!this.firstLogged) {
      this.firstLogged = true;
      log.info(`first analysis: ${result.calls.length} call(s) in ${doc.uri.path.split('/').pop()} in ${Date.now() - t0} ms${result.approximate ? ' (approximate counts)' : ''}`);
    }
    if (result.approximate) this.warm();
    return result;
  }

  /**
   * A large document analysed for the first time: the calls of its first screen and a margin, now (core/editor/prefix.ts
   * keeps only calls the rest of the file cannot change); the whole file WHOLE_FILE_AFTER_MS later, once VS Code
   * has drawn these lenses, replacing this result (`onWhole`).
   */
  private firstScreen(ref: DocRef, text: string, token: Cancellation): AnalysisResult | undefined {
    const { doc, uri } = ref;
    if (this.sliced.has(uri) || this.snapshots.has(uri)) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const visibleEnd = editor?.visibleRanges[editor.visibleRanges.length - 1]?.end.line ?? 0;
    const cut = firstSliceEnd(text, doc.languageId, visibleEnd);
    if (cut === undefined) return undefined;
    this.sliced.add(uri);
    const t0 = Date.now();
    const s = this.settings();
    const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : uri;
    const r = analyzePrefix(text, doc.languageId, file, this.table(), { ...analyzeOptions(s), allowApproximate: true }, cut, this.index);
    if (token.isCancellationRequested) return r;
    this.partial.add(r);
    log.info(`first screen of ${doc.uri.path.split('/').pop()}: ${r.calls.length} call(s) in ${Date.now() - t0} ms; the whole file follows`);
    if (r.approximate) this.warm();
    const timer = setTimeout(() => {
      this.wholeTimers.delete(timer);
      void this.whole(doc, ref.version);
    }, WHOLE_FILE_AFTER_MS);
    this.wholeTimers.add(timer);
    return r;
  }

  /** Replaces a first-screen result by the whole file's (same version), and says so. */
  private async whole(doc: vscode.TextDocument, version: number): Promise<AnalysisResult | undefined> {
    const ref = this.ref(doc);
    if (ref.version !== version || doc.isClosed) return undefined;
    const cached = this.scheduler.peek(ref);
    if (cached && !this.partial.has(cached)) return cached;
    this.scheduler.invalidate(ref);
    const r = await this.scheduler.request(ref, true);
    if (r) this.wholeEmitter.fire(doc);
    return r;
  }

  /** A full analysis once typing paused (RECHECK_AFTER_MS): a reused result that differs is replaced, lenses redrawn. */
  private async recheck(doc: vscode.TextDocument, version: number): Promise<void> {
    const ref = this.ref(doc);
    if (ref.version !== version || doc.isClosed) return;
    const before = this.scheduler.peek(ref);
    // Without its snapshot the next analysis is a full one (and keeps a new snapshot for the keystrokes after).
    this.snapshots.delete(ref.uri);
    this.scheduler.invalidate(ref);
    const r = await this.scheduler.request(ref, true);
    if (!r || !before || JSON.stringify(r.calls) === JSON.stringify(before.calls)) return;
    log.info(`${doc.uri.path.split('/').pop()}: the full analysis after typing differs from the keystroke path's; lenses updated`);
    this.wholeEmitter.fire(doc);
  }

  /**
   * Loading a rank table blocks the extension host (o200k_base: ~0.2 s here, the rank file's require included),
   * so the load waits until the approximate lenses are on screen (`lensesShown`), or WARM_FALLBACK_MS when no
   * lens asks.
   */
  private warm(): void {
    if (this.warming || this.warmTimer) return;
    this.warmTimer = setTimeout(() => this.startWarm(), WARM_FALLBACK_MS);
  }

  /** The lens provider calls this when it gives lenses: the first lenses are being drawn. */
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
        // A tokenizer wanted later (the Gemma vocabulary, for the first Gemini call) is loaded by a new warm.
        this.warming = undefined;
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

  /** For commands: the current version's analysis of the whole file, waiting for it if needed. */
  async current(doc: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    for (let i = 0; i < 3; i++) {
      let r = await this.request(doc, true);
      if (r && this.partial.has(r)) r = await this.whole(doc, doc.version);
      if (r) return r;
    }
    return undefined;
  }

  /** Records a document change for the keystroke path: only single-range edits can be replayed. */
  noteChange(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.snapshots.get(e.document.uri.toString());
    if (!entry) return;
    if (e.contentChanges.length !== 1 || entry.edits.length > 32) {
      this.snapshots.delete(e.document.uri.toString());
      return;
    }
    const c = e.contentChanges[0];
    entry.edits.push({ version: e.document.version, edit: { offset: c.rangeOffset, removed: c.rangeLength, inserted: c.text } });
  }

  /** The last snapshot brought to `version` by its recorded edits, if each one provably changes no call. */
  private replay(uri: string, version: number, text: string): Snapshot | undefined {
    const entry = this.snapshots.get(uri);
    if (!entry) return undefined;
    let snap: Snapshot | undefined = entry.snap;
    let v = entry.version;
    for (const { version: ev, edit } of entry.edits) {
      if (ev !== v + 1 || !snap) return undefined;
      snap = applyEdit(snap, edit);
      v = ev;
    }
    // The text must match exactly (a missed event would otherwise shift every lens).
    if (!snap || v !== version || snap.text !== text) return undefined;
    this.snapshots.set(uri, { version, snap, edits: [] });
    return snap;
  }

  forget(doc: vscode.TextDocument): void {
    this.scheduler.forget(doc.uri.toString());
    this.rechecks.cancel(doc.uri.toString());
    this.snapshots.delete(doc.uri.toString());
    this.sliced.delete(doc.uri.toString());
  }

  reset(): void {
    this.scheduler.reset();
    this.notebooks.reset();
    this.snapshots.clear();
  }

  dispose(): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    for (const t of this.wholeTimers) clearTimeout(t);
    this.rechecks.dispose();
    this.wholeEmitter.dispose();
    this.scheduler.reset();
    this.resultEmitter.dispose();
    this.exactEmitter.dispose();
  }
}
