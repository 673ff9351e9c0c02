// Just enough of the `vscode` module for src/vscode/analysis.ts to run in node (test/vscode-recheck.test.ts):
// events, positions, no visible editors, no output channel.
export class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (l: (e: T) => unknown) => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export const window = { visibleTextEditors: [] as unknown[] };
export const workspace = {};
export const NotebookCellKind = { Markup: 1, Code: 2 };
