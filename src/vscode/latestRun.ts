// Loads that may overlap (a settings change, a sheet file's watcher, a downloaded update, a command) and must not let an
// older one win: each run gets a generation, a run that ends after a newer one started is dropped, and every caller
// waits on the newest run (the in-flight promise they share). No `vscode` import: tested with hand-resolved promises.

export class LatestRun<T> {
  private generation = 0;
  private newest: Promise<void> = Promise.resolve();

  /**
   * Computes, and applies the result only if no newer run started meanwhile. The promise settles once the newest run
   * (this one or a later one) has been applied; it rejects only with the newest run's error.
   */
  run(compute: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const gen = ++this.generation;
    const mine = compute().then((value) => {
      if (gen === this.generation) apply(value);
    });
    this.newest = mine;
    return this.settle(mine);
  }

  private async settle(p: Promise<void>): Promise<void> {
    for (;;) {
      try {
        await p;
      } catch (e) {
        if (p === this.newest) throw e;
      }
      if (p === this.newest) return;
      p = this.newest;
    }
  }
}
