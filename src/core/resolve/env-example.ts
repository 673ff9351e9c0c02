// Defaults a project documents for its environment: `KEY=value` lines of a `.env.example` / `.env.sample` /
// `.env.template` / `.env.dist` in the file's folder or above. Never `.env` (it holds secrets; the fronts refuse to
// read it too).
import type { WorkspaceFiles } from './files';
import { ancestors, basename, join } from './files';

/** Environment files a project commits as documentation; `.env.dist` is Symfony's (its dotenv component docs, before
 * the November 2018 change to `.env` + `.env.local`). */
const NAMES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/** `.env` and `.env.local`, `.env.production`, …: secrets, never read. The documented names above are not. */
export function isSecretsFile(p: string): boolean {
  const base = basename(p);
  return base === '.env' || (base.startsWith('.env.') && !NAMES.includes(base));
}
/** A placeholder, not a value: `<your model>`, `your-model-here`, `changeme`, `...`. */
const PLACEHOLDER = /[<>]|^your[-_]|changeme|^x{3,}$|^\.\.\.$/i;
/** A model id that only holds the place of one set at run time: the placeholders above, and a default that says no model
 * was given (`no-model-specified`, a clap default in hongyeecheah/rust-ai-streambot; `MODEL_NAME`, `model-not-set`). */
const MODEL_PLACEHOLDER = /^(no|your|my)[-_ ]?model\b|^model[-_ ]?name$|not[-_ ]?(specified|set)$/i;

export function placeholderModel(id: string): boolean {
  return PLACEHOLDER.test(id) || MODEL_PLACEHOLDER.test(id);
}

export interface EnvExample {
  file: string;
  offset: number;
  value: string;
}

/** The value a documented environment file gives `key`, nearest folder first. */
export function envExample(files: WorkspaceFiles, dir: string, key: string): EnvExample | undefined {
  for (const a of ancestors(dir)) {
    const names = files.list(a);
    if (!names) continue;
    for (const n of NAMES) {
      if (!names.includes(n)) continue;
      const file = join(a, n);
      const hit = valueIn(files.read(file) ?? '', key);
      if (hit) return { file, ...hit };
    }
  }
  return undefined;
}

/** `KEY=value`, `export KEY="value"`, `KEY=value # comment`; an empty value or a placeholder is no value. */
export function valueIn(text: string, key: string): { offset: number; value: string } | undefined {
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    let l = line.trimStart();
    if (l.startsWith('export ')) l = l.slice(7).trimStart();
    if (!l.startsWith(key) || l[key.length] !== '=') continue;
    let v = l.slice(key.length + 1).trim();
    const q = v[0];
    if ((q === '"' || q === "'") && v.indexOf(q, 1) > 0) v = v.slice(1, v.indexOf(q, 1));
    else {
      const hash = v.indexOf(' #');
      if (hash >= 0) v = v.slice(0, hash).trim();
    }
    if (!v || PLACEHOLDER.test(v)) return undefined;
    return { offset: start, value: v };
  }
  return undefined;
}
