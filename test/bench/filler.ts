// Filler code for the benchmark's inputs: functions in seven languages that make no LLM call, built from a seeded
// vocabulary of ordinary identifiers (including words call shapes end with, as real code has them).
import { Rng } from './prng';

export const BENCH_LANGS = ['python', 'typescript', 'go', 'java', 'ruby', 'rust', 'csharp'] as const;
export type BenchLang = (typeof BENCH_LANGS)[number];
export const EXT: Record<BenchLang, string> = {
  python: '.py', typescript: '.ts', go: '.go', java: '.java', ruby: '.rb', rust: '.rs', csharp: '.cs',
};

// ---------- identifiers ----------

const NOUNS = [
  'order', 'user', 'item', 'cache', 'config', 'record', 'value', 'result', 'index', 'count', 'total', 'name', 'path',
  'buffer', 'entry', 'batch', 'queue', 'event', 'session', 'account', 'invoice', 'report', 'line', 'row', 'column',
  'header', 'payload', 'status', 'state', 'timer', 'retry', 'limit', 'offset', 'page', 'node', 'edge', 'graph', 'key',
  'field', 'schema', 'table', 'file', 'folder', 'job', 'task', 'worker', 'metric', 'sample', 'window', 'price',
];
// Ordinary verbs, including words an LLM call shape also ends with (create, parse, stream, complete, generate,
// default): real code is full of them, so most files pass the scanner's cheap word filter and get lexed.
const VERBS = [
  'load', 'save', 'build', 'parse', 'create', 'update', 'delete', 'find', 'fetch', 'merge', 'split', 'format', 'check',
  'validate', 'compute', 'render', 'apply', 'reset', 'sync', 'flush', 'open', 'close', 'read', 'write', 'stream',
  'complete', 'generate', 'convert', 'collect', 'filter', 'sort', 'group', 'emit', 'handle', 'process', 'resolve',
];
export const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
type Case = 'snake' | 'camel' | 'pascal';
function ident(rng: Rng, c: Case, parts = 2): string {
  const ws = [rng.pick(VERBS)];
  for (let i = 1; i < parts; i++) ws.push(rng.pick(NOUNS));
  if (c === 'snake') return ws.join('_');
  if (c === 'camel') return ws[0] + ws.slice(1).map(cap).join('');
  return ws.map(cap).join('');
}
const noun = (rng: Rng) => rng.pick(NOUNS);
const plural = (n: string) => (n.endsWith('y') ? n.slice(0, -1) + 'ies' : n.endsWith('s') || n.endsWith('x') || n.endsWith('h') ? n + 'es' : n + 's');

// ---------- filler code (no LLM call) ----------

export interface Syntax {
  fnCase: Case;
  varCase: Case;
  ind: string;
  comment(t: string): string;
  str(t: string): string;
  interp(t: string, v: string): string;
  decl(name: string, e: string): string;
  stmt(e: string): string;
  ifOpen(cond: string): string[];
  forOpen(v: string, coll: string): string[];
  /** Closing lines of a block (empty for Python). */
  close: string[];
  ret(e: string): string;
  fnOpen(name: string, params: string[]): string[];
  mapLit(entries: [string, string][]): string;
  log(msg: string): string;
  /** Top-level wrapper for methods (Java, C#): the opening and closing lines of a class. */
  classOpen?(name: string): string[];
  head(rng: Rng, n: number): string;
}

const braces = (open: string): string[] => [open + ' {'];
export const SYNTAX: Record<BenchLang, Syntax> = {
  python: {
    fnCase: 'snake', varCase: 'snake', ind: '    ',
    comment: (t) => `# ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `f"${t} {${v}}"`,
    decl: (n, e) => `${n} = ${e}`,
    stmt: (e) => e,
    ifOpen: (c) => [`if ${c}:`],
    forOpen: (v, c) => [`for ${v} in ${c}:`],
    close: [],
    ret: (e) => `return ${e}`,
    fnOpen: (n, p) => [`def ${n}(${p.join(', ')}):`],
    mapLit: (es) => `{${es.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`,
    log: (m) => `logger.info(${m})`,
    head: (_rng, n) => `"""Module ${n}: generated benchmark input."""\nimport logging\nimport json\n\nlogger = logging.getLogger(__name__)\n`,
  },
  typescript: {
    fnCase: 'camel', varCase: 'camel', ind: '  ',
    comment: (t) => `// ${t}`,
    str: (t) => `'${t}'`,
    interp: (t, v) => `\`${t} \${${v}}\``,
    decl: (n, e) => `const ${n} = ${e};`,
    stmt: (e) => `${e};`,
    ifOpen: (c) => braces(`if (${c})`),
    forOpen: (v, c) => braces(`for (const ${v} of ${c})`),
    close: ['}'],
    ret: (e) => `return ${e};`,
    fnOpen: (n, p) => braces(`export function ${n}(${p.map((x) => `${x}: any`).join(', ')}): unknown`),
    mapLit: (es) => `{ ${es.map(([k, v]) => `'${k}': ${v}`).join(', ')} }`,
    log: (m) => `console.log(${m})`,
    head: (_rng, n) => `// Module ${n}: generated benchmark input.\nimport { readFileSync } from 'node:fs';\n`,
  },
  go: {
    fnCase: 'pascal', varCase: 'camel', ind: '\t',
    comment: (t) => `// ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `fmt.Sprintf("${t} %v", ${v})`,
    decl: (n, e) => `${n} := ${e}`,
    stmt: (e) => e,
    ifOpen: (c) => braces(`if ${c}`),
    forOpen: (v, c) => braces(`for _, ${v} := range ${c}`),
    close: ['}'],
    ret: (e) => `return ${e}, nil`,
    fnOpen: (n, p) => braces(`func ${n}(${p.map((x) => `${x} any`).join(', ')}) (any, error)`),
    mapLit: (es) => `map[string]any{${es.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`,
    log: (m) => `log.Println(${m})`,
    head: (_rng, n) => `// Package gen${n} is generated benchmark input.\npackage gen${n}\n\nimport (\n\t"fmt"\n\t"log"\n)\n`,
  },
  java: {
    fnCase: 'camel', varCase: 'camel', ind: '    ',
    comment: (t) => `// ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `String.format("${t} %s", ${v})`,
    decl: (n, e) => `var ${n} = ${e};`,
    stmt: (e) => `${e};`,
    ifOpen: (c) => braces(`if (${c})`),
    forOpen: (v, c) => braces(`for (var ${v} : ${c})`),
    close: ['}'],
    ret: (e) => `return ${e};`,
    fnOpen: (n, p) => braces(`public Object ${n}(${p.map((x) => `Object ${x}`).join(', ')})`),
    mapLit: (es) => `Map.of(${es.map(([k, v]) => `"${k}", ${v}`).join(', ')})`,
    log: (m) => `LOG.info(${m})`,
    classOpen: (n) => [`public class ${n} {`, '    private static final Logger LOG = Logger.getLogger("bench");'],
    head: (_rng, n) => `package com.example.gen${n};\n\nimport java.util.Map;\nimport java.util.logging.Logger;\n`,
  },
  ruby: {
    fnCase: 'snake', varCase: 'snake', ind: '  ',
    comment: (t) => `# ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `"${t} #{${v}}"`,
    decl: (n, e) => `${n} = ${e}`,
    stmt: (e) => e,
    ifOpen: (c) => [`if ${c}`],
    forOpen: (v, c) => [`${c}.each do |${v}|`],
    close: ['end'],
    ret: (e) => e,
    fnOpen: (n, p) => [`def ${n}(${p.join(', ')})`],
    mapLit: (es) => `{ ${es.map(([k, v]) => `"${k}" => ${v}`).join(', ')} }`,
    log: (m) => `logger.info(${m})`,
    head: (_rng, n) => `# Module ${n}: generated benchmark input.\nrequire "json"\nrequire "logger"\n`,
  },
  rust: {
    fnCase: 'snake', varCase: 'snake', ind: '    ',
    comment: (t) => `// ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `format!("${t} {}", ${v})`,
    decl: (n, e) => `let ${n} = ${e};`,
    stmt: (e) => `${e};`,
    ifOpen: (c) => braces(`if ${c}`),
    forOpen: (v, c) => braces(`for ${v} in ${c}.iter()`),
    close: ['}'],
    ret: (e) => `Ok(${e})`,
    fnOpen: (n, p) => braces(`pub fn ${n}(${p.map((x) => `${x}: &Value`).join(', ')}) -> Result<Value, Error>`),
    mapLit: (es) => `json!({ ${es.map(([k, v]) => `"${k}": ${v}`).join(', ')} })`,
    log: (m) => `log::info!("{}", ${m})`,
    head: (_rng, n) => `//! Module ${n}: generated benchmark input.\nuse serde_json::{json, Value};\nuse std::io::Error;\n`,
  },
  csharp: {
    fnCase: 'pascal', varCase: 'camel', ind: '    ',
    comment: (t) => `// ${t}`,
    str: (t) => `"${t}"`,
    interp: (t, v) => `$"${t} {${v}}"`,
    decl: (n, e) => `var ${n} = ${e};`,
    stmt: (e) => `${e};`,
    ifOpen: (c) => [`if (${c})`, '{'],
    forOpen: (v, c) => [`foreach (var ${v} in ${c})`, '{'],
    close: ['}'],
    ret: (e) => `return ${e};`,
    fnOpen: (n, p) => [`public object ${n}(${p.map((x) => `object ${x}`).join(', ')})`, '{'],
    mapLit: (es) => `new Dictionary<string, object> { ${es.map(([k, v]) => `["${k}"] = ${v}`).join(', ')} }`,
    log: (m) => `_logger.LogInformation(${m})`,
    classOpen: (n) => [`public sealed class ${n}`, '{', '    private readonly ILogger _logger = NullLogger.Instance;'],
    head: (_rng, n) => `// Module ${n}: generated benchmark input.\nusing System;\nusing System.Collections.Generic;\n\nnamespace Bench.Gen${n};\n`,
  },
};

const FILLER_TEXT = (
  'the cache is warm after the first call so retries are cheap keep the order stable for callers handle the empty ' +
  'case before the loop values below zero are clamped this mirrors the server side check see the design note'
).split(' ');
const fillerText = (rng: Rng, lo = 3, hi = 10) => {
  const n = rng.int(lo, hi);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(rng.pick(FILLER_TEXT));
  return w.join(' ');
};

function expr(rng: Rng, s: Syntax, vars: string[]): string {
  const v = () => rng.pick(vars);
  switch (rng.int(0, 5)) {
    case 0:
      return `${v()} + ${rng.int(1, 99)}`;
    case 1:
      return `${v()} * ${rng.int(2, 9)} - ${v()}`;
    case 2:
      return s.str(fillerText(rng, 1, 4));
    case 3:
      return `${v()}.${ident(rng, s.varCase === 'snake' ? 'snake' : 'camel')}(${v()})`;
    case 4:
      return s.mapLit([[noun(rng), v()], [noun(rng), String(rng.int(0, 9999))], [noun(rng), s.str(fillerText(rng, 1, 3))]]);
    default:
      return `(${v()} - ${rng.int(1, 9)}) / ${rng.int(2, 9)}`;
  }
}

function statements(rng: Rng, s: Syntax, vars: string[], depth: number, n: number, out: string[], pad: string): void {
  for (let i = 0; i < n; i++) {
    const r = rng.int(0, 9);
    if (r <= 2) {
      const name = ident(rng, s.varCase, 2).replace(/^./, (c) => (s.varCase === 'pascal' ? c.toUpperCase() : c));
      out.push(pad + s.decl(name, expr(rng, s, vars)));
      vars.push(name);
    } else if (r === 3) out.push(pad + s.comment(fillerText(rng, 4, 12)));
    else if (r === 4) out.push(pad + s.stmt(s.log(rng.chance(0.5) ? s.str(fillerText(rng)) : s.interp(fillerText(rng), rng.pick(vars)))));
    else if (r === 5) out.push(pad + s.stmt(`${rng.pick(vars)}.${ident(rng, s.fnCase === 'snake' ? 'snake' : 'camel', rng.int(1, 2))}(${rng.pick(vars)}, ${rng.int(0, 100)})`));
    else if (r <= 7 && depth < 2) {
      out.push(...s.ifOpen(`${rng.pick(vars)} > ${rng.int(0, 100)}`).map((l) => pad + l));
      statements(rng, s, [...vars], depth + 1, rng.int(1, 3), out, pad + s.ind);
      out.push(...s.close.map((l) => pad + l));
    } else if (depth < 2) {
      const item = noun(rng);
      out.push(...s.forOpen(item, rng.pick(vars)).map((l) => pad + l));
      statements(rng, s, [...vars, item], depth + 1, rng.int(1, 3), out, pad + s.ind);
      out.push(...s.close.map((l) => pad + l));
    } else out.push(pad + s.decl(`${s.varCase === 'snake' ? 'tmp_' : 'tmp'}${i}`, expr(rng, s, vars)));
  }
}

/** One function (a method in Java and C#) that makes no LLM call. */
export function fillerFunction(rng: Rng, lang: BenchLang, pad = ''): string {
  const s = SYNTAX[lang];
  const params = [noun(rng), plural(noun(rng))].filter((p, i, a) => a.indexOf(p) === i);
  const out = s.fnOpen(ident(rng, s.fnCase), params).map((l) => pad + l);
  if (lang === 'python' && rng.chance(0.4)) out.push(pad + s.ind + `"""${cap(fillerText(rng, 5, 12))}."""`);
  statements(rng, s, [...params], 0, rng.int(3, 9), out, pad + s.ind);
  out.push(pad + s.ind + s.ret(rng.pick(params)));
  out.push(...s.close.map((l) => pad + l));
  return out.join('\n') + '\n';
}

