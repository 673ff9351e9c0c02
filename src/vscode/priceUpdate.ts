// Opt-in price refresh: when promptCost.priceUpdateUrl is set (and, in an untrusted workspace, only from
// user settings, see config.ts), fetch it at most once a day into global storage. The stored sheets sit
// above the shipped ones; any failure leaves the current prices in use.
import * as vscode from 'vscode';
import type { ParsedSheet } from '../core/price/sheets';
import type { Problem } from '../core/types';
import { fetchPriceUpdate, parseStoredUpdate, sheetsFromText, type StoredUpdate } from '../node/price-update';
import { log } from './log';

const FILE = 'price-update.json';
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class PriceUpdater {
  private fetching = false;
  /** The last stored file read and its sheets, so that a reload re-parses only a newer download. */
  private parsed: { url: string; fetchedAt: number; sheets: ParsedSheet[] } | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    /** Called after a successful fetch: the owner reloads its table. */
    private readonly onUpdated: () => void,
  ) {}

  private get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, FILE);
  }

  private async read(): Promise<StoredUpdate | undefined> {
    try {
      return parseStoredUpdate(Buffer.from(await vscode.workspace.fs.readFile(this.uri)).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  /** The sheets last fetched from `url`, checked as a download is (none when the URL is off or changed). */
  async stored(url: string): Promise<{ sheets: ParsedSheet[]; problems: Problem[] }> {
    if (!url) return { sheets: [], problems: [] };
    const s = await this.read();
    if (s?.url !== url) return { sheets: [], problems: [] };
    if (this.parsed?.url === url && this.parsed.fetchedAt === s.fetchedAt) return { sheets: this.parsed.sheets, problems: [] };
    const r = sheetsFromText(s.text, url, new Date(s.fetchedAt).toISOString().slice(0, 10));
    if (!r.sheets) {
      const file = this.uri.fsPath;
      return { sheets: [], problems: r.problems.map((p) => ({ file, message: `stored price update from ${url}: ${p.message}` })) };
    }
    this.parsed = { url, fetchedAt: s.fetchedAt, sheets: r.sheets };
    return { sheets: r.sheets, problems: [] };
  }

  /** Fetches in the background when the stored copy is missing or a day old. */
  refreshIfDue(url: string): void {
    if (!url || this.fetching) return;
    this.fetching = true;
    void (async () => {
      try {
        const s = await this.read();
        if (s?.url === url && Date.now() - s.fetchedAt < MAX_AGE_MS && (await this.stored(url)).sheets.length) return;
        const r = await fetchPriceUpdate(url, { timeoutMs: 10_000, maxBytes: 5_000_000 });
        if (!r.sheets?.length || r.text === undefined) {
          log.warn(`price update from ${url} failed: ${r.problems[0]?.message ?? 'no sheets'}; keeping the current prices`);
          return;
        }
        const stored: StoredUpdate = { url, fetchedAt: Date.now(), text: r.text };
        await vscode.workspace.fs.createDirectory(this.storage);
        await vscode.workspace.fs.writeFile(this.uri, Buffer.from(JSON.stringify(stored)));
        log.info(`price update: ${r.sheets.length} sheet(s) from ${url}`);
        this.onUpdated();
      } catch (e) {
        log.error('price update failed; keeping the current prices', e);
      } finally {
        this.fetching = false;
      }
    })();
  }
}
