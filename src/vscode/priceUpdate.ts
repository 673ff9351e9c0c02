// Opt-in price refresh: when promptCost.priceUpdateUrl is set (and, in an untrusted workspace, only from
// user settings, see config.ts), fetch it at most once a day into global storage. The stored sheets sit
// above the shipped ones; any failure leaves the current prices in use.
import * as vscode from 'vscode';
import type { ParsedSheet } from '../core/price/sheets';
import { fetchPriceUpdate } from '../node/price-update';
import { log } from './log';

const FILE = 'price-update.json';
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Stored {
  url: string;
  fetchedAt: number;
  sheets: ParsedSheet[];
}

export class PriceUpdater {
  private fetching = false;

  constructor(
    private readonly storage: vscode.Uri,
    /** Called after a successful fetch: the owner reloads its table. */
    private readonly onUpdated: () => void,
  ) {}

  private get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, FILE);
  }

  private async read(): Promise<Stored | undefined> {
    try {
      const stored = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(this.uri)).toString('utf8')) as Stored;
      return Array.isArray(stored.sheets) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  /** The sheets last fetched from `url` (none when the URL is off or changed). */
  async stored(url: string): Promise<ParsedSheet[]> {
    if (!url) return [];
    const s = await this.read();
    return s?.url === url ? s.sheets : [];
  }

  /** Fetches in the background when the stored copy is missing or a day old. */
  refreshIfDue(url: string): void {
    if (!url || this.fetching) return;
    this.fetching = true;
    void (async () => {
      try {
        const s = await this.read();
        if (s?.url === url && Date.now() - s.fetchedAt < MAX_AGE_MS) return;
        const r = await fetchPriceUpdate(url, { timeoutMs: 10_000, maxBytes: 5_000_000 });
        if (!r.sheets?.length) {
          log.warn(`price update from ${url} failed: ${r.problems[0]?.message ?? 'no sheets'}; keeping the current prices`);
          return;
        }
        const stored: Stored = { url, fetchedAt: Date.now(), sheets: r.sheets };
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
