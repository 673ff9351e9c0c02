// Loads a bundle through V8's code cache (vm.Script cachedData), as VS Code did for extension modules and as Node's
// module.enableCompileCache does from Node 22.1 (Node 20 has neither for us). V8 compiling the 560 KB bundle was the
// largest part of its require (npm run bench, lensFirstMs); from the cache V8 reads the compiled code instead.
// The cache holds the bundle's own compiled code, never user data, in a folder only this user may write; any
// failure falls back to a plain compile. dist/cli.js and dist/extension.js are this loader (esbuild.mjs).
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

interface NodeModule {
  filename: string;
  paths: string[];
  loaded: boolean;
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  new (id: string, parent: unknown): NodeModule;
  _nodeModulePaths(dir: string): string[];
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
  wrap(src: string): string;
}

/** The user's cache folder in the temp folder, made private (0700) and checked to be theirs; undefined if not. */
export function cacheDir(base = os.tmpdir()): string | undefined {
  const uid = process.getuid?.();
  const dir = path.join(base, `prompt-cost-code-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    // Another user's folder, a link, or one others may write: its files could hold someone else's code.
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Requires `file` (a CommonJS bundle) as `parent`'s child, compiling it with the code cache kept in `dir` for this
 * exact text and V8 version. With no usable cache, the cache is written once the process has run the bundle a while
 * (at exit, or after `writeAfterMs`), so it holds the functions a first lens compiled, not only the top level.
 * `isMain`: the bundle sees itself as `require.main` (the CLI's entry check). `build`: the bundle's content hash from
 * the build, part of the key.
 */
export function requireCached(file: string, parent: NodeModule, isMain: boolean, build = '', dir = cacheDir(), writeAfterMs = 5000): unknown {
  const M = Module as unknown as ModuleStatics;
  const source = readSource(file);
  // V8 checks a cache against the source's length only: the key names this build of the file (its size, time and
  // inode; hashing the text needs node:crypto, whose load alone costs a third of what the cache saves).
  const st = fs.statSync(file);
  const key = hash(`${process.version} ${process.arch} ${st.size} ${st.mtimeMs} ${st.ino} ${build}`);
  // Builds of this file at this place under this V8 and these flags (V8 rejects a cache made under other flags) share
  // a prefix: a new one replaces the old.
  const prefix = `${path.basename(file, '.js')}-${process.versions.v8}-${hash(`${file} ${process.execArgv.join(' ')}`)}-`;
  const cacheFile = dir && path.join(dir, `${prefix}${key}.bin`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  const script = new vm.Script(M.wrap(source), { filename: file, cachedData });
  const m = new M(file, parent);
  m.filename = file;
  m.paths = M._nodeModulePaths(path.dirname(file));
  const req = ((id: string) => m.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: unknown) => M._resolveFilename(request, m, false, options)) as NodeJS.RequireResolve;
  req.main = isMain ? (m as unknown as NodeJS.Module) : require.main;
  req.cache = M._cache as NodeJS.Require['cache'];
  M._cache[file] = m;
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    let done = false;
    const write = () => {
      if (done) return;
      done = true;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        // Caches of earlier builds of this bundle, and any not written for 30 days (other versions, other places).
        const old = Date.now() - 30 * 86_400_000;
        for (const f of fs.readdirSync(dir!)) {
          const p = path.join(dir!, f);
          if (p !== cacheFile && f.endsWith('.bin') && (f.startsWith(prefix) || fs.statSync(p).mtimeMs < old)) fs.rmSync(p, { force: true });
        }
      } catch {
        // a read-only or full temp folder: the next start compiles again
      }
    };
    process.once('exit', write);
    setTimeout(write, writeAfterMs).unref();
  }
  try {
    (script.runInThisContext() as (...a: unknown[]) => void).call(m.exports, m.exports, req, m, file, path.dirname(file));
  } catch (e) {
    delete M._cache[file];
    throw e;
  }
  m.loaded = true;
  return m.exports;
}

/**
 * The bundle's text. The bundles are ASCII (test/bundle-ascii.test.ts), and an ASCII file decoded as Latin-1 is the
 * same string as decoded as UTF-8, without the UTF-8 decoder's work: 1.66 MB in 14 ms of CPU instead of 20 here
 * (test/bench lensFirstMs, node 20, a loaded 2-core machine). `buffer.isAscii` (Node 19.6+, 18.15+; SIMD) checks it
 * first, so a file that is not ASCII is read as UTF-8 as before.
 */
export function readSource(file: string): string {
  const bytes = fs.readFileSync(file);
  return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** FNV-1a, 2 × 32 bits, as hex: a file name for a short key. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5) + i;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
