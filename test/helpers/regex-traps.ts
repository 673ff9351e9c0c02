// The static regex check of test/hostile.test.ts: a small parser for ECMAScript patterns, the backtracking traps it
// finds (nested quantifiers, overlapping alternatives under a repeat, a leading unanchored run, overlapping adjacent
// runs), and every regular expression written in a TypeScript file (literals and RegExp built at run time).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../util';

interface Item {
  /** A character set (tested on sample characters), a group, or a zero-width assertion. */
  kind: 'set' | 'group' | 'assert' | 'backref';
  set?: (c: string) => boolean;
  alts?: Item[][];
  min: number;
  max: number;
}

/** Sample characters for set overlap: ASCII, a few non-ASCII letters, line separators, an astral half. */
const SAMPLE = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), 'é', 'ß', 'Ж', '中', '\u00a0', '\u2028', '\ufeff', '\ud83d', '\uffff'];

function classOf(body: string, flags: string): (c: string) => boolean {
  // Compiles the class alone: the engine answers membership, this file only needs the answer per sample.
  const re = new RegExp(`^[${body}]$`, flags.replace(/[gym]/g, ''));
  return (c) => re.test(c);
}

function escapeSet(esc: string, flags: string): (c: string) => boolean {
  const re = new RegExp(`^\\${esc}$`, flags.replace(/[gym]/g, ''));
  return (c) => re.test(c);
}

/** A small parser for ECMAScript patterns: enough structure to find backtracking traps. */
export function parseRegex(src: string, flags = ''): Item[][] {
  let i = 0;
  const alts = (): Item[][] => {
    const out: Item[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        out.push([]);
        continue;
      }
      const item = atom();
      quantifier(item);
      out[out.length - 1].push(item);
    }
    return out;
  };
  const atom = (): Item => {
    const c = src[i];
    if (c === '(') {
      i++;
      let lookaround = false;
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '=' || src[i + 1] === '!') {
          i += 2;
          lookaround = true;
        } else if (src[i + 1] === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) {
          i += 3;
          lookaround = true;
        } else if (src[i + 1] === '<') i = src.indexOf('>', i) + 1;
      }
      const inner = alts();
      i++; // ')'
      return lookaround ? { kind: 'assert', min: 1, max: 1 } : { kind: 'group', alts: inner, min: 1, max: 1 };
    }
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(i + 1, j);
      i = j + 1;
      return { kind: 'set', set: classOf(body, flags), min: 1, max: 1 };
    }
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'assert', min: 1, max: 1 };
    }
    if (c === '.') {
      i++;
      const dotAll = flags.includes('s');
      return { kind: 'set', set: (ch) => dotAll || !'\n\r\u2028\u2029'.includes(ch), min: 1, max: 1 };
    }
    if (c === '\\') {
      const d = src[i + 1];
      if (d === 'b' || d === 'B') {
        i += 2;
        return { kind: 'assert', min: 1, max: 1 };
      }
      if (/[1-9]/.test(d) || d === 'k') {
        i += 2;
        if (d === 'k') i = src.indexOf('>', i) + 1;
        while (/[0-9]/.test(src[i] ?? '')) i++;
        return { kind: 'backref', set: () => true, min: 1, max: 1 };
      }
      let esc = '\\' + d;
      i += 2;
      if (d === 'x') esc += src.slice(i, (i += 2));
      else if (d === 'u' && src[i] === '{') esc += src.slice(i, (i = src.indexOf('}', i) + 1));
      else if (d === 'u') esc += src.slice(i, (i += 4));
      else if ((d === 'p' || d === 'P') && src[i] === '{') esc += src.slice(i, (i = src.indexOf('}', i) + 1));
      else if (d === 'c') esc += src[i++];
      return { kind: 'set', set: escapeSet(esc.slice(1), flags), min: 1, max: 1 };
    }
    i++;
    const lit = c;
    const ci = flags.includes('i');
    return { kind: 'set', set: (ch) => (ci ? ch.toLowerCase() === lit.toLowerCase() : ch === lit), min: 1, max: 1 };
  };
  const quantifier = (item: Item) => {
    const c = src[i];
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
      if (m) {
        q = [Number(m[1]), m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1])];
        i += m[0].length - 1;
      }
    }
    if (!q) return;
    i++;
    if (src[i] === '?') i++;
    item.min = q[0];
    item.max = q[1];
  };
  return alts();
}

const unbounded = (it: Item) => it.max === Infinity;

/** Characters an item can start with (undefined: zero-width or unknown). */
function firstSet(seq: Item[]): (c: string) => boolean {
  const sets: ((c: string) => boolean)[] = [];
  for (const it of seq) {
    if (it.kind === 'assert') continue;
    if (it.kind === 'set' || it.kind === 'backref') sets.push(it.set!);
    else if (it.alts) {
      const inner = it.alts.map(firstSet);
      sets.push((c) => inner.some((f) => f(c)));
    }
    if (it.min > 0) break;
  }
  return (c) => sets.some((f) => f(c));
}

function hasRepeat(alts: Item[][]): boolean {
  return alts.some((seq) => seq.some((it) => it.max > 1 || (it.alts ? hasRepeat(it.alts) : false)));
}

/** The traps, each with a reason. Empty: the pattern is linear on any input. */
export function regexTraps(src: string, flags = ''): string[] {
  const out: string[] = [];
  const top = parseRegex(src, flags);
  const visit = (alts: Item[][]) => {
    for (const seq of alts) {
      seq.forEach((it, k) => {
        if (it.alts) {
          if (unbounded(it) && hasRepeat(it.alts)) out.push('nested quantifier: a repeated group holds a repeat');
          if (it.max > 1 && it.alts.length > 1) {
            const firsts = it.alts.map(firstSet);
            const clash = SAMPLE.find((c) => firsts.filter((f) => f(c)).length > 1);
            if (clash !== undefined) out.push(`overlapping alternatives under a repeat (both can start with ${JSON.stringify(clash)})`);
          }
          visit(it.alts);
        }
        // Two runs that can take the same character with only optional or same-character items between.
        if (it.kind === 'set' && unbounded(it)) {
          for (let j = k + 1; j < seq.length; j++) {
            const other = seq[j];
            if (other.kind !== 'set') break;
            const shared = SAMPLE.filter((c) => it.set!(c) && other.set!(c));
            if (!shared.length) break;
            if (unbounded(other)) {
              out.push(`adjacent runs overlap on ${JSON.stringify(shared[0])} (polynomial backtracking)`);
              break;
            }
          }
        }
      });
    }
  };
  visit(top);
  // Unanchored, non-sticky: the engine retries from every position, so a leading run followed by anything that
  // can fail is O(n²) (`[-~}]+$` on a long run of `}`).
  if (!flags.includes('y')) {
    for (const seq of top) {
      const first = seq[0];
      if (!first || (first.kind === 'assert' && src.startsWith('^'))) continue;
      const leadingRun = (it: Item): boolean => unbounded(it) || (!!it.alts && it.alts.some((s) => !!s[0] && leadingRun(s[0])));
      if (leadingRun(first) && seq.length > 1) out.push('unanchored pattern starts with a run and can fail after it (O(n²))');
    }
  }
  return [...new Set(out)];
}

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
  dynamic: boolean;
  fn: string;
}

export function regexesIn(file: string): FoundRegex[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: FoundRegex[] = [];
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const fnName = (n: ts.Node): string => {
    for (let p: ts.Node | undefined = n; p; p = p.parent) {
      if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name) return p.name.getText(sf);
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    }
    return '(module)';
  };
  const visit = (n: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = n.getText(sf);
      const end = t.lastIndexOf('/');
      out.push({ file: rel, line, source: t.slice(1, end), flags: t.slice(end + 1), dynamic: false, fn: fnName(n) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      out.push({ file: rel, line, source: n.arguments?.[0]?.getText(sf) ?? '', flags: '', dynamic: true, fn: fnName(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
