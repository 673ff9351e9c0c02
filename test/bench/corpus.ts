// Seeded benchmark inputs: source files in seven languages that mix LLM calls (templates.ts, plus the test fixtures
// spliced in once each) with filler code that makes no call (filler.ts), and a workspace tree of such files.
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from './prng';
import { findSites } from '../../src/core/analyze';
import { BENCH_LANGS, EXT, SYNTAX, fillerFunction, type BenchLang } from './filler';
import { LEGACY_OPENAI_MODELS, OPENAI_MODELS, TEMPLATES, type Ctx } from './templates';
import { CROSS_LANGS, crossFile } from './crossfile';
import { BENCH_FIXTURES } from './corpus-fixtures';

export { BENCH_LANGS, EXT, fillerFunction, type BenchLang } from './filler';
export { promptText } from './templates';

// ---------- files ----------

export interface GeneratedFile {
  languageId: BenchLang;
  name: string;
  text: string;
  lines: number;
  /** Calls the scanner finds in the whole file (checked after assembly). */
  calls: number;
}

/** Test fixtures of a language (calls and lookalikes), read at run time; each is spliced in at most once. */
export function fixtureSnippets(fixturesDir: string, lang: BenchLang): { text: string; calls: number }[] {
  const dir = path.join(fixturesDir, lang);
  const out: { text: string; calls: number }[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const name of pinned(dir, lang)) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    out.push({ text, calls: findSites(text, lang, name).sites.length });
  }
  for (const name of pinned(path.join(fixturesDir, 'negative'), 'negative').filter((n) => n.endsWith(EXT[lang]))) {
    const text = fs.readFileSync(path.join(fixturesDir, 'negative', name), 'utf8');
    out.push({ text, calls: findSites(text, lang, name).sites.length });
  }
  return out;
}

/** The fixture names of BENCH_FIXTURES in `dir`; one that is gone stops the bench (its input would change). */
function pinned(dir: string, key: BenchLang | 'negative'): string[] {
  const names = BENCH_FIXTURES[key];
  const gone = names.filter((n) => !fs.existsSync(path.join(dir, n)));
  if (gone.length) throw new Error(`bench corpus: fixture ${gone.map((n) => path.join(dir, n)).join(', ')} is gone; update test/bench/corpus-fixtures.ts (and say that the corpus changed)`);
  return names;
}

const countLines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * A file of about `lines` lines holding `calls` LLM calls: template calls (and, when `fixturesDir` is given,
 * fixtures spliced in once each, up to half the calls) among filler functions.
 */
export function generateFile(
  lang: BenchLang, seed: number, lines: number, calls: number, fixturesDir?: string, name = `bench${EXT[lang]}`, legacyModels = false,
): GeneratedFile {
  const rng = new Rng(seed);
  const s = SYNTAX[lang];
  let counter = 0;
  const openai = legacyModels ? [...OPENAI_MODELS, ...LEGACY_OPENAI_MODELS] : OPENAI_MODELS;
  const ctx: Ctx = { rng, openai, fresh: (base) => `${base}_${++counter}` };
  if (s.fnCase !== 'snake') ctx.fresh = (base) => `${base.replace(/_(.)/g, (_m, c: string) => c.toUpperCase())}${++counter}`;
  // Top-level chunks (fixtures) and class-member chunks (everything else in Java and C#).
  const tops: string[] = [];
  const members: string[] = [];
  let made = 0;
  if (fixturesDir) {
    for (const f of rng.shuffle(fixtureSnippets(fixturesDir, lang))) {
      if (made + f.calls > Math.floor(calls / 2)) continue;
      tops.push(f.text);
      made += f.calls;
    }
  }
  const consts: string[] = [];
  const templated = new Set<string>();
  while (made < calls) {
    const t = rng.pick(TEMPLATES[lang])(ctx);
    if (t.top) consts.push(t.top);
    members.push(t.body);
    templated.add(t.body);
    made++;
  }
  const fixedLines = countLines(s.head(rng, seed)) + tops.reduce((n, t) => n + countLines(t) + 1, 0) +
    consts.reduce((n, t) => n + countLines(t), 0) + members.reduce((n, t) => n + countLines(t) + 1, 0);
  const pad = s.classOpen ? '    ' : '';
  const fillers = new Set<string>();
  let fillLines = 0;
  while (fixedLines + fillLines < lines) {
    const f = fillerFunction(rng, lang, pad);
    members.push(f);
    fillers.add(f);
    fillLines += countLines(f) + 1;
  }
  rng.shuffle(members);
  const head = s.head(rng, seed);
  const assemble = (): string => {
    const parts: string[] = [head];
    const rest = [...tops];
    if (s.classOpen) {
      // Classes of about 12 members; constants (fields) in the first class; fixtures between classes.
      let cls = 0;
      const open = () => parts.push(s.classOpen!(`Gen${seed}Part${++cls}`).join('\n') + '\n');
      open();
      parts.push(...consts);
      members.forEach((m, i) => {
        parts.push(m);
        if (i % 12 === 11 && i < members.length - 1) {
          parts.push('}\n');
          if (rest.length) parts.push(rest.pop()!);
          open();
        }
      });
      parts.push('}\n');
    } else {
      parts.push(...consts);
      const every = Math.max(1, Math.floor(members.length / (rest.length + 1)));
      members.forEach((m, i) => {
        parts.push(m);
        if (i % every === every - 1 && rest.length) parts.push(rest.pop()!);
      });
    }
    parts.push(...rest);
    return parts.join('\n');
  };
  let text = assemble();
  // Trim filler until the file is no longer than asked (class boundaries make the first estimate inexact).
  for (let i = members.length - 1; i >= 0 && countLines(text) > lines; i--) {
    if (!fillers.has(members[i]) || countLines(text) - countLines(members[i]) - 1 < lines - 12) continue;
    members.splice(i, 1);
    text = assemble();
  }
  // Spliced fixtures can interact with the calls around them (a call may borrow a client built elsewhere in the
  // file): add or drop template calls until the scanner finds exactly `calls`.
  let found = findSites(text, lang, name).sites.length;
  for (let tries = 0; found !== calls && tries < 20; tries++) {
    if (found > calls) {
      const i = members.findIndex((m) => templated.has(m));
      if (i < 0) break;
      members.splice(i, 1);
    } else {
      const t = rng.pick(TEMPLATES[lang])(ctx);
      if (t.top) consts.push(t.top);
      templated.add(t.body);
      members.splice(rng.int(0, members.length), 0, t.body);
    }
    text = assemble();
    found = findSites(text, lang, name).sites.length;
  }
  return { languageId: lang, name, text, lines: countLines(text), calls: found };
}

/**
 * The lens corpus: one file per language, `totalLines` and `totalCalls` split evenly (the first languages take the
 * remainders). Fixtures are spliced in when `fixturesDir` is given.
 */
export function lensCorpus(seed: number, totalLines: number, totalCalls: number, fixturesDir?: string): GeneratedFile[] {
  return BENCH_LANGS.map((lang, i) => {
    const n = BENCH_LANGS.length;
    const calls = Math.floor(totalCalls / n) + (i < totalCalls % n ? 1 : 0);
    const lines = Math.floor(totalLines / n) + (i < totalLines % n ? 1 : 0);
    return generateFile(lang, seed + i, lines, calls, fixturesDir, `bench_${lang}${EXT[lang]}`);
  });
}

// ---------- workspace tree ----------

export interface TreeStats {
  files: number;
  bytes: number;
  filesWithCalls: number;
  /** Calls whose prompt, model and limit are imported from a prompts module beside them (one per module). */
  crossCalls: number;
}

/**
 * Writes `files` source files of about `totalBytes` under `root`: folders pkgN/modM, mixed languages, sizes from a
 * few KB to ~60 KB, one file in `callEvery` holding a few calls. A file with calls in Python, TypeScript, Go or Java
 * also makes a call whose prompt, model and limit it imports from a prompts module written beside it, in the next
 * file's place (crossfile.ts). A root .gitignore lists common patterns that match none of them (the scan still
 * checks every entry against it).
 */
export function writeTree(root: string, seed: number, files: number, totalBytes: number, callEvery = 50): TreeStats {
  const rng = new Rng(seed);
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, '.gitignore'), ['*.log', '*.pyc', '.env', '/tmp/', 'coverage/', '*.min.js', '.DS_Store', '/build-output/', '*.swp', '.cache/'].join('\n') + '\n');
  // A pool of filler functions per language, reused across files (generation time stays small at 100 MB).
  const pool = new Map<BenchLang, string[]>();
  for (const lang of BENCH_LANGS) {
    const fr = new Rng(seed * 31 + lang.length);
    const list: string[] = [];
    for (let i = 0; i < 400; i++) list.push(fillerFunction(fr, lang, SYNTAX[lang].classOpen ? '    ' : ''));
    pool.set(lang, list);
  }
  const avg = totalBytes / files;
  let bytes = 0;
  let withCalls = 0;
  let crossCalls = 0;
  let module: { dir: string; name: string; text: string } | undefined;
  const perDir = 50;
  for (let i = 0; i < files; i++) {
    if (module) {
      fs.writeFileSync(path.join(module.dir, module.name), module.text);
      bytes += Buffer.byteLength(module.text);
      module = undefined;
      continue;
    }
    const lang = rng.pick(BENCH_LANGS);
    const s = SYNTAX[lang];
    const target = Math.max(1500, Math.round(avg * (0.25 + rng.next() * 1.5)));
    const parts: string[] = [s.head(rng, i)];
    if (s.classOpen) parts.push(s.classOpen(`File${i}`).join('\n') + '\n');
    let size = parts[0].length;
    const dir = path.join(root, `pkg${Math.floor(i / (perDir * 10))}`, `mod${Math.floor(i / perDir) % 10}`);
    if (i % callEvery === callEvery - 1) {
      const g = generateFile(lang, seed + i, 60, rng.int(1, 3), undefined, `f${i}${EXT[lang]}`, true);
      // The generated file has its own head and class; keep only its calls and constants as a module here.
      parts.length = 0;
      parts.push(g.text);
      size = g.text.length;
      withCalls++;
      if (s.classOpen) parts.push(s.classOpen(`File${i}More`).join('\n') + '\n');
      if (CROSS_LANGS.includes(lang) && i + 1 < files) {
        // Its own generator: the rest of the tree is the same as without cross-file calls.
        const cf = crossFile(lang, new Rng(seed * 7 + i), i, lang === 'java' ? `com.example.gen${seed + i}` : `gen${seed + i}`);
        parts.push(cf.callerCode);
        size += cf.callerCode.length;
        module = { dir, name: cf.moduleName, text: cf.moduleText };
        crossCalls++;
      }
    }
    const list = pool.get(lang)!;
    while (size < target) {
      const f = list[rng.int(0, list.length - 1)];
      parts.push(f);
      size += f.length + 1;
    }
    if (s.classOpen) parts.push('}\n');
    const text = parts.join('\n');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}${EXT[lang]}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, filesWithCalls: withCalls, crossCalls };
}
