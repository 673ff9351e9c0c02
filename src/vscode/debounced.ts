// One pending callback per key, pushed back by each new request (analysis.ts: the full analysis once typing pauses).
export class Debounced {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ms: number) {}

  /** Runs `fn` `ms` after the last call for `key`; an earlier pending one for the key is dropped. */
  schedule(key: string, fn: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      if (this.timers.get(key) === timer) this.timers.delete(key);
      fn();
    }, this.ms);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
