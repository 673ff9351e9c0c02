// code-server + headless Chromium for the end-to-end test (recipe: /work/shared/e2e-recipe).
// Fresh user-data, extensions and XDG dirs per run, loopback only, everything killed by process group.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const E2E_ROOT = process.env.E2E_ROOT || path.join(process.env.HOME || '/tmp', '.cache', 'prompt-cost-e2e');
const NODE_DIR = process.env.NODE24 || `${E2E_ROOT}/node24/node_modules/.bin`;
const CODE_SERVER = process.env.CODE_SERVER || `${E2E_ROOT}/cs/node_modules/.bin/code-server`;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * The environment a shell would give a child: `npm run` adds npm_* variables (its config, which an npm or
 * node-gyp started below takes as its own), NODE, INIT_CWD and node_modules/.bin entries in PATH.
 */
export function shellEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD') out[k] = v;
  out.PATH = (env.PATH || '').split(':').filter((p) => !/\/node_modules\/\.bin$|\/node-gyp-bin$/.test(p)).join(':');
  return out;
}

/** Processes below `root` (by parent pid in /proc), `root` included. */
export function descendants(root) {
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch {}
  }
  const pids = [], st = [root];
  while (st.length) { const p = st.pop(); pids.push(p); st.push(...(kids.get(p) || [])); }
  return pids;
}

/** Extension host processes (where Prompt Cost runs) below `root`, by their command line. */
export function extHostPids(root) {
  return descendants(root).filter((p) => {
    try { return /extensionHost/.test(fs.readFileSync(`/proc/${p}/cmdline`, 'utf8')); } catch { return false; }
  });
}

const CLK_TCK = (() => {
  try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { return 100; }
})();

/** CPU seconds (user + system, threads included, children not) each process has used, by pid. */
export function cpuSeconds(pids) {
  const out = new Map();
  for (const p of pids) {
    try {
      const s = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // After "pid (comm) ": state is field 3, utime 14 and stime 15 (proc(5)).
      out.set(p, (Number(f[11]) + Number(f[12])) / CLK_TCK);
    } catch {}
  }
  return out;
}

/** Sums PSS over this process's descendants (code-server, extension host, Chromium). */
export class MemorySampler {
  peak = { rss: 0, pss: 0, n: 0 };
  /** The extension host alone (where Prompt Cost runs), by its command line. */
  extHostPeakPss = 0;
  #timer;
  start() {
    this.#timer = setInterval(() => this.sample(), 250);
    this.#timer.unref();
  }
  sample() {
    const pids = descendants(process.pid);
    let rss = 0, pss = 0;
    for (const p of pids) {
      try {
        const r = fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
        const pPss = Number(/^Pss:\s+(\d+)/m.exec(r)?.[1] || 0);
        rss += Number(/^Rss:\s+(\d+)/m.exec(r)?.[1] || 0);
        pss += pPss;
        if (pPss > this.extHostPeakPss && /extensionHost/.test(fs.readFileSync(`/proc/${p}/cmdline`, 'utf8'))) this.extHostPeakPss = pPss;
      } catch {}
    }
    if (pss > this.peak.pss) this.peak = { rss, pss, n: pids.length };
  }
  stop() {
    this.sample();
    clearInterval(this.#timer);
    return `PSS ${(this.peak.pss / 1024).toFixed(0)} MiB, RSS-sum ${(this.peak.rss / 1024).toFixed(0)} MiB over ${this.peak.n} processes; extension host peak PSS ${(this.extHostPeakPss / 1024).toFixed(0)} MiB`;
  }
}

/**
 * Installs the .vsix files into a fresh extensions dir and starts code-server on 127.0.0.1 with workspace
 * trust ON (the untrusted-workspace check needs it).
 */
export async function startServer({ extensions, workspace, userSettings = {}, log = () => {} }) {
  fs.mkdirSync(`${E2E_ROOT}/tmp`, { recursive: true });
  const tmp = fs.mkdtempSync(`${E2E_ROOT}/tmp/run-`);
  const UDD = `${tmp}/user-data`, EXT = `${tmp}/extensions`;
  fs.mkdirSync(`${UDD}/User`, { recursive: true });
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) fs.mkdirSync(`${tmp}/${d}`);
  fs.writeFileSync(`${tmp}/config.yaml`, 'auth: none\ncert: false\n');
  const env = {
    ...shellEnv(),
    PATH: `${NODE_DIR}:${shellEnv().PATH}`,
    XDG_CONFIG_HOME: `${tmp}/xdg-config`, XDG_DATA_HOME: `${tmp}/xdg-data`, XDG_CACHE_HOME: `${tmp}/xdg-cache`,
    TMPDIR: `${tmp}/tmp`,
  };
  fs.writeFileSync(`${UDD}/User/settings.json`, JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'editor.codeLens': true,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    ...userSettings,
  }, null, 1));
  const csArgs = ['--config', `${tmp}/config.yaml`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--user-data-dir', UDD, '--extensions-dir', EXT];
  const install = extensions.flatMap((vsix) => ['--install-extension', vsix]);
  const out = execFileSync(CODE_SERVER, [...csArgs, ...install], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  for (const line of out.trim().split('\n').filter((l) => /installed/i.test(l))) log(`install-extension: ${line}`);
  const port = 8000 + Math.floor(Math.random() * 1000);
  const logFd = fs.openSync(`${tmp}/code-server.log`, 'w');
  const proc = spawn(CODE_SERVER, [...csArgs, '--bind-addr', `127.0.0.1:${port}`, workspace],
    { env, detached: true, stdio: ['ignore', logFd, logFd] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { const r = await fetch(`${base}/healthz`); if (r.ok) break; } catch {}
    if (i > 300) throw new Error('code-server did not come up: ' + fs.readFileSync(`${tmp}/code-server.log`, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`code-server up on ${base} (pid ${proc.pid})`);
  return {
    base, tmp, proc, userData: UDD,
    async stop() {
      try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
      for (let i = 0; i < 50; i++) { try { process.kill(-proc.pid, 0); } catch { return; } await new Promise((r) => setTimeout(r, 100)); }
      try { process.kill(-proc.pid, 'SIGKILL'); } catch {}
    },
  };
}

export async function launchBrowser(dir) {
  // Playwright refuses --user-data-dir in args: a fresh profile goes through launchPersistentContext.
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Small driver for the workbench: quick open, palette, go to line, editor text. */
export class Workbench {
  constructor(page) {
    this.page = page;
    this.input = page.locator('.quick-input-widget input');
  }
  async escape() {
    await this.page.keyboard.press('Escape');
  }
  /** Opens a file by its absolute path through Quick Open (no wait for the file search index). */
  async open(abs) {
    const base = path.basename(abs);
    // Once more when the tab does not come: under load Quick Open can redraw its list as the click lands (a run beside
    // a full `npm test` left the picker open on the row it was given, 2026-12-04).
    for (let attempt = 1; ; attempt++) {
      await this.escape();
      await this.page.keyboard.press('Control+P');
      await this.input.waitFor({ timeout: 15000 });
      await this.input.fill(abs);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
      await row.waitFor({ timeout: 15000 });
      await row.click();
      try {
        await this.page.locator('.tab.active', { hasText: base }).waitFor({ timeout: 15000 });
        return Date.now();
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  }
  async palette(title) {
    await this.escape();
    await this.page.keyboard.press('F1');
    await this.input.waitFor({ timeout: 15000 });
    await this.input.fill('>' + title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
    await this.page.keyboard.press('Enter');
  }
  async gotoLine(line, column = 1) {
    await this.escape();
    // Quick Open's ":" mode (Ctrl+G is not always delivered to the page in a browser).
    await this.page.keyboard.press('Control+P');
    await this.input.waitFor({ timeout: 15000 });
    await this.input.fill(`:${line}:${column}`);
    await this.page.locator('.quick-input-list .monaco-list-row, .quick-input-message', { hasText: String(line) }).first().waitFor({ timeout: 15000 }).catch(() => {});
    await this.page.keyboard.press('Enter');
    // The status bar counts tabs as several columns: check the line only.
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor({ timeout: 15000 });
  }
  /** Leaves only the active editor open (tidy screenshots). */
  async closeOthers() {
    await this.palette('View: Close Other Editors in Group');
  }
  /** Texts of the lens links in the active editor. */
  async lensTexts() {
    return this.page.locator('.editor-instance .codelens-decoration a').allInnerTexts();
  }
  /** Waits until every wanted lens text is on screen; returns the texts seen. */
  async waitForLenses(wanted, timeout = 60000) {
    const end = Date.now() + timeout;
    let seen = [];
    while (Date.now() < end) {
      seen = (await this.lensTexts()).map((t) => t.trim());
      if (wanted.every((w) => seen.includes(w))) return seen;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`lenses not shown.\nwanted: ${JSON.stringify(wanted, null, 1)}\nseen: ${JSON.stringify(seen, null, 1)}`);
  }
}
