// A minimal fake of the `vscode` module, enough to require dist/extension.js and run activate() outside VS Code
// for the activation timing. Registrations return disposables; settings answer with package.json's defaults.
// Any API the fake lacks is recorded in `missing` and answered with a function that returns a disposable, so an
// activation that reaches past the fake says which names it needed.
import fs from 'node:fs';
import path from 'node:path';

export interface VscodeStub {
  module: Record<string, unknown>;
  missing: string[];
}

class Disposable {
  constructor(private readonly fn?: () => void) {}
  dispose(): void {
    this.fn?.();
  }
  static from(...ds: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => ds.forEach((d) => d?.dispose?.()));
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (l: (e: T) => unknown): Disposable => {
    this.listeners.add(l);
    return new Disposable(() => this.listeners.delete(l));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Uri {
  constructor(readonly scheme: string, readonly fsPath: string) {}
  get path(): string {
    return this.fsPath.split(path.sep).join('/');
  }
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    return new Uri(s.split(':')[0], s.replace(/^file:\/\//, ''));
  }
  static joinPath(u: Uri, ...ps: string[]): Uri {
    return new Uri(u.scheme, path.join(u.fsPath, ...ps));
  }
  with(): Uri {
    return this;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class Position {
  constructor(readonly line: number, readonly character: number) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}
class Selection extends Range {
  get active(): Position {
    return this.end;
  }
}

/** Event functions: `onDidX(listener)` → a disposable. */
const event = () => () => new Disposable();
const disposableFn = () => () => new Disposable();
const logChannel = () => ({ name: 'bench', logLevel: 2, onDidChangeLogLevel: event(), trace() {}, debug() {}, info() {}, warn() {}, error() {}, append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {} });

/** `contributes.configuration` defaults from package.json, keyed by full setting name. */
function configDefaults(extensionPath: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
    const conf = pkg.contributes?.configuration;
    for (const c of Array.isArray(conf) ? conf : [conf]) {
      for (const [k, v] of Object.entries((c?.properties ?? {}) as Record<string, { default?: unknown }>)) out.set(k, v.default);
    }
  } catch {
    // No package.json: every setting reads as undefined and the extension's own defaults apply.
  }
  return out;
}

/**
 * Stands in for any API the fake lacks: callable, constructible, every property another such stand-in (so
 * `createOutputChannel(…).info(…)` or `x.onDidChange(…).dispose()` work). Not a thenable, so `await` returns it.
 */
function anything(): unknown {
  const f = function () {} as unknown as object;
  return new Proxy(f, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (typeof prop === 'symbol') return undefined;
      return anything();
    },
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

export function makeVscodeStub(extensionPath: string): VscodeStub {
  const missing: string[] = [];
  const defaults = configDefaults(extensionPath);
  const tracked = (ns: string, o: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(o, {
      get(target, prop) {
        if (prop in target || typeof prop === 'symbol' || prop === 'then' || prop === '__esModule') return (target as Record<string | symbol, unknown>)[prop];
        if (!missing.includes(`${ns}.${prop}`)) missing.push(`${ns}.${prop}`);
        return anything();
      },
    });
  const configuration = (section?: string) => ({
    get: (key: string, dflt?: unknown) => {
      const v = defaults.get(section ? `${section}.${key}` : key);
      return v === undefined ? dflt : v;
    },
    has: (key: string) => defaults.has(section ? `${section}.${key}` : key),
    inspect: (key: string) => ({ key, defaultValue: defaults.get(section ? `${section}.${key}` : key) }),
    update: async () => undefined,
  });
  const statusBarItem = () => ({ text: '', tooltip: '', command: undefined, name: '', show() {}, hide() {}, dispose() {} });
  const diagnostics = () => ({ set() {}, delete() {}, clear() {}, forEach() {}, get: () => [], has: () => false, dispose() {} });
  const watcher = () => ({ onDidChange: event(), onDidCreate: event(), onDidDelete: event(), dispose() {} });
  const kind = (value: string): Record<string, unknown> => ({ value, append: (s: string) => kind(`${value}.${s}`), contains: () => true, intersects: () => true });
  const mod: Record<string, unknown> = {
    Disposable, EventEmitter, Uri, Position, Range, Selection,
    CodeLens: class { constructor(readonly range: Range, readonly command?: unknown) {} },
    CodeAction: class { edit?: unknown; command?: unknown; diagnostics?: unknown; isPreferred?: boolean; constructor(readonly title: string, readonly kind?: unknown) {} },
    Hover: class { constructor(readonly contents: unknown, readonly range?: Range) {} },
    MarkdownString: class { isTrusted = false; supportThemeIcons = false; constructor(public value = '') {} appendMarkdown(s: string) { this.value += s; return this; } appendText(s: string) { this.value += s; return this; } },
    Diagnostic: class { source?: string; code?: unknown; constructor(readonly range: Range, readonly message: string, readonly severity?: number) {} },
    WorkspaceEdit: class { replace() {} insert() {} delete() {} },
    RelativePattern: class { constructor(readonly base: unknown, readonly pattern: string) {} },
    ThemeColor: class { constructor(readonly id: string) {} },
    ThemeIcon: class { constructor(readonly id: string) {} },
    CancellationTokenSource: class { token = { isCancellationRequested: false, onCancellationRequested: event() }; cancel() { this.token.isCancellationRequested = true; } dispose() {} },
    CodeActionKind: { QuickFix: kind('quickfix'), Refactor: kind('refactor'), RefactorRewrite: kind('refactor.rewrite'), Empty: kind('') },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    languages: tracked('languages', {
      registerCodeLensProvider: disposableFn(),
      registerHoverProvider: disposableFn(),
      registerCodeActionsProvider: disposableFn(),
      createDiagnosticCollection: diagnostics,
      match: () => 0,
    }),
    commands: tracked('commands', { registerCommand: disposableFn(), executeCommand: async () => undefined }),
    window: tracked('window', {
      createStatusBarItem: statusBarItem,
      createOutputChannel: logChannel,
      visibleTextEditors: [],
      activeTextEditor: undefined,
      onDidChangeActiveTextEditor: event(),
      onDidChangeVisibleTextEditors: event(),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined,
      setStatusBarMessage: disposableFn(),
      withProgress: async (_o: unknown, fn: (p: unknown, t: unknown) => unknown) => fn({ report() {} }, { isCancellationRequested: false, onCancellationRequested: event() }),
    }),
    workspace: tracked('workspace', {
      getConfiguration: configuration,
      onDidChangeConfiguration: event(),
      onDidGrantWorkspaceTrust: event(),
      onDidOpenTextDocument: event(),
      onDidChangeTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidSaveTextDocument: event(),
      workspaceFolders: undefined,
      isTrusted: true,
      textDocuments: [],
      // Real files under each Uri's fsPath: global storage persists across the benchmark's activations, as it does
      // across VS Code sessions.
      fs: {
        readFile: async (u: Uri) => {
          try {
            return new Uint8Array(await fs.promises.readFile(u.fsPath));
          } catch {
            throw Object.assign(new Error(`not found: ${u.fsPath}`), { code: 'FileNotFound' });
          }
        },
        writeFile: async (u: Uri, data: Uint8Array) => {
          await fs.promises.mkdir(path.dirname(u.fsPath), { recursive: true });
          await fs.promises.writeFile(u.fsPath, data);
        },
        createDirectory: async (u: Uri) => void (await fs.promises.mkdir(u.fsPath, { recursive: true })),
        delete: async (u: Uri) => fs.promises.rm(u.fsPath, { recursive: true, force: true }),
        stat: async (u: Uri) => {
          const st = await fs.promises.stat(u.fsPath);
          return { type: st.isDirectory() ? 2 : 1, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
        },
        readDirectory: async (u: Uri) => (await fs.promises.readdir(u.fsPath, { withFileTypes: true })).map((d) => [d.name, d.isDirectory() ? 2 : 1]),
      },
      createFileSystemWatcher: watcher,
      findFiles: async () => [],
      asRelativePath: (p: unknown) => String(p),
      applyEdit: async () => true,
    }),
    env: { language: 'en', appName: 'bench', machineId: 'bench' },
    version: '1.90.0',
  };
  return { module: tracked('vscode', mod), missing };
}

/** A stub ExtensionContext rooted at `extensionPath`; properties it lacks are recorded in `missing`. */
export function stubContext(extensionPath: string, storage: string, missing: string[] = []): Record<string, unknown> {
  const memento = () => ({ get: (_k: string, d?: unknown) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} });
  let packageJSON: unknown = {};
  try {
    packageJSON = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  } catch {
    // No package.json: an empty manifest.
  }
  const pj = packageJSON as { publisher?: string; name?: string };
  const ctx: Record<string, unknown> = {
    extension: {
      id: `${pj.publisher ?? 'bench'}.${pj.name ?? 'bench'}`,
      extensionPath,
      extensionUri: Uri.file(extensionPath),
      packageJSON,
      isActive: true,
      extensionKind: 2,
      exports: undefined,
      activate: async () => undefined,
    },
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    globalStorageUri: Uri.file(storage),
    storageUri: Uri.file(storage),
    logUri: Uri.file(storage),
    globalState: memento(),
    workspaceState: memento(),
    asAbsolutePath: (p: string) => path.join(extensionPath, p),
    extensionMode: 1,
    environmentVariableCollection: {},
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: event() },
  };
  return new Proxy(ctx, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then') return target[prop as string];
      if (!missing.includes(`context.${prop}`)) missing.push(`context.${prop}`);
      return anything();
    },
  });
}
