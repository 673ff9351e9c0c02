// Android string resources: `getString(R.string.pal_persona)` (an Activity / Fragment / Context, `resources.`,
// `requireContext().`), Compose `stringResource(R.string.x)`, read from the module's `res/values/*.xml` `<string
// name="…">` (https://developer.android.com/guide/topics/resources/string-resource). The text is decoded as aapt
// does: a CDATA section is text, `\'` `\"` `\n` `\t` `\@` `\?` `\\` `\uXXXX` are escapes, runs of whitespace outside
// double quotes fold to one space, unescaped double quotes are dropped, inline markup (`<b>`) is styling, not text.
// Format arguments (`getString(R.string.greet, name)`, `%1$s` / `%s` / `%d`) are holes named by the argument.
// Seen in held-out 38 C03 (JUNHOCHOI0309/GirlfriendPrivacyTalk MainActivity.kt: the persona lives in
// res/values/data.xml as a CDATA <string>; the lens counted 7 tokens).
import type { EvalScope, Value } from './value';
import { label } from './value';
import { ancestors, dirname, join } from '../resolve/files';

type Arg = { key?: string; from: number; to: number };

const GETTERS = new Set(['getString', 'stringResource', 'getText']);
/** Folders looked up from the file for a module's `src/main/res` (or an Eclipse-style `res`). */
const UP = 12;
/** Files of one values folder read. */
const MAX_FILES = 40;

interface Found {
  text: string;
  file: string;
  offset: number;
}

/** `getString(R.string.name, args…)` in Kotlin or Java: the resource's text, with format arguments as holes. */
export function androidString(s: EvalScope, names: string[], a: Arg[]): Value | undefined {
  if ((s.syn.id !== 'kotlin' && s.syn.id !== 'java') || !GETTERS.has(names[names.length - 1]) || !a.length || !s.index) return undefined;
  const ref = label(s, a[0].from, a[0].to).replace(/\s+/g, '');
  const m = /^(?:[\w.]+\.)?R\.string\.(\w+)$/.exec(ref);
  if (!m || ref.startsWith('android.R.')) return undefined;
  const found = lookup(s, m[1]);
  if (!found) return { runtime: `R.string.${m[1]}` };
  s.read?.push({ start: s.toks[a[0].from].start, end: s.toks[a[0].to - 1].end });
  const source = { file: found.file, offset: found.offset, what: `string resource ${m[1]}` };
  const text = decode(found.text);
  if (a.length === 1) return { str: text, source };
  // `%1$s`, `%s`, `%d`, `%.2f`: each the argument it takes, known only at run time.
  const holes: string[] = [];
  let next = 1;
  const str = text.replace(/%(?:(\d{1,2})\$)?[-#+ 0,(]{0,4}\d{0,3}(?:\.\d{1,3})?[sdfxXoeEgGc]/g, (_all, pos: string | undefined) => {
    const n = pos ? Number(pos) : next++;
    const h = a[n] ? label(s, a[n].from, a[n].to) : `%${n}`;
    if (!holes.includes(h)) holes.push(h);
    return '';
  });
  return holes.length ? { str, holes, source } : { str, source };
}

function lookup(s: EvalScope, name: string): Found | undefined {
  const idx = s.index!;
  for (const dir of ancestors(dirname(s.file), UP)) {
    for (const res of [join(dir, 'src/main/res/values'), join(dir, 'res/values')]) {
      const files = idx.files.list(res);
      if (!files) continue;
      const table = idx.memo(res, 'android-strings', () => strings(s, res, files));
      return table.get(name);
    }
  }
  return undefined;
}

/** Every `<string name="…">…</string>` of a values folder's XML files, by name (the first wins). */
function strings(s: EvalScope, dir: string, files: string[]): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const f of files.filter((x) => x.endsWith('.xml')).sort().slice(0, MAX_FILES)) {
    const file = join(dir, f);
    const text = s.index!.files.read(file);
    if (text === undefined || !text.includes('<string')) continue;
    for (let i = text.indexOf('<string'); i >= 0; i = text.indexOf('<string', i + 7)) {
      const close = text.indexOf('>', i);
      if (close < 0) break;
      const head = text.slice(i, close);
      const n = /^<string\s[^>]*?\bname\s*=\s*"([^"]+)"/.exec(head);
      if (!n || head.endsWith('/')) continue;
      const end = text.indexOf('</string>', close);
      if (end < 0) break;
      if (!out.has(n[1])) out.set(n[1], { text: text.slice(close + 1, end), file, offset: i });
      i = end;
    }
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', "'": "'", '"': '"', '@': '@', '?': '?', '\\': '\\' };
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A `<string>` element's content as the app reads it (aapt's rules above). */
export function decode(raw: string): string {
  let out = '';
  let quoted = false;
  let folded = false;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    if (raw.startsWith('<![CDATA[', i)) {
      const e = raw.indexOf(']]>', i + 9);
      const body = raw.slice(i + 9, e < 0 ? n : e);
      for (const part of quoted ? [body] : body.split(/(\s+)/)) {
        if (!part) continue;
        if (quoted || !/^\s/.test(part)) [out, folded] = [out + part, false];
        else if (out && !folded) [out, folded] = [out + ' ', true];
      }
      i = e < 0 ? n : e + 3;
      continue;
    }
    const c = raw[i];
    if (c === '<') {
      // Inline markup is styling; a comment is nothing.
      const e = raw.startsWith('<!--', i) ? raw.indexOf('-->', i) + 2 : raw.indexOf('>', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (c === '&') {
      const e = raw.indexOf(';', i);
      const ent = e > i && e - i < 10 ? raw.slice(i + 1, e) : '';
      const v = ENTITIES[ent] ?? (/^#x[0-9a-f]+$/i.test(ent) ? String.fromCodePoint(parseInt(ent.slice(2), 16)) : /^#\d+$/.test(ent) ? String.fromCodePoint(Number(ent.slice(1))) : undefined);
      if (v !== undefined) {
        out += v;
        folded = false;
        i = e + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < n) {
      const d = raw[i + 1];
      if (d === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
        folded = false;
        i += 6;
        continue;
      }
      out += ESCAPES[d] ?? d;
      folded = false;
      i += 2;
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      folded = false;
      i++;
      continue;
    }
    if (!quoted && /\s/.test(c)) {
      // Folded to one space; none at the start, and one left at the end is dropped.
      if (out && !folded) out += ' ';
      folded = out.length > 0;
      while (i < n && /\s/.test(raw[i])) i++;
      continue;
    }
    out += c;
    folded = false;
    i++;
  }
  return folded ? out.slice(0, -1) : out;
}
