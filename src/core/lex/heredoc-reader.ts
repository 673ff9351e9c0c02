// Heredocs (Ruby `<<~ID`, PHP `<<<ID`) and Ruby percent strings (`%q(…)`): literals whose end is found by a
// marker line or by nesting brackets. Called by the lexer (lexer.ts) at its cursor.
import type { HoleKind } from './languages';
import { decodeEscapes, dedent } from './literal-text';
import { HoleReader } from './hole-reader';
import { T, Tok, type Hole, type LexCursor, type Token } from './cursor';

interface PendingHeredoc {
  tok: Token;
  id: string;
  squiggly: boolean;
  dash: boolean;
  interpolate: boolean;
}

export class HeredocReader {
  /** Ruby heredocs opened on the current line: their bodies start after its newline (readHeredocBodies). */
  pending: PendingHeredoc[] = [];

  constructor(private readonly cur: LexCursor) {}

  /** Ruby `<<~ID`, `<<-ID`, `<<ID`; PHP `<<<ID`, `<<<'ID'`. */
  heredocStart(): boolean {
    const cur = this.cur;
    const { s, syn } = cur;
    const start = cur.i;
    if (syn.heredoc === 'php') {
      if (!s.startsWith('<<<', start)) return false;
      let j = start + 3;
      while (s[j] === ' ' || s[j] === '\t') j++;
      const q = s[j] === "'" || s[j] === '"' ? s[j] : '';
      if (q) j++;
      const idStart = j;
      while (j < cur.n && cur.isIdent(s.charCodeAt(j)) && s[j] !== '$') j++;
      if (j === idStart) return false;
      const id = s.slice(idStart, j);
      if (q) j++;
      const nl = s.indexOf('\n', j);
      if (nl < 0) return false;
      // The body runs to a line whose first non-blank text is the identifier (PHP 7.3 flexible heredoc).
      let lineStart = nl + 1;
      let bodyEnd = cur.n;
      let end = cur.n;
      while (lineStart < cur.n) {
        let k = lineStart;
        while (s[k] === ' ' || s[k] === '\t') k++;
        if (s.startsWith(id, k) && !cur.isIdent(s.charCodeAt(k + id.length))) {
          bodyEnd = Math.max(nl + 1, lineStart - 1);
          end = k + id.length;
          break;
        }
        const next = s.indexOf('\n', lineStart);
        if (next < 0) break;
        lineStart = next + 1;
      }
      const body = dedent(s.slice(nl + 1, bodyEnd), true);
      const holes: Hole[] = [];
      const v = q === "'" ? body : this.interpolate(body, 'php', holes, nl + 1);
      cur.i = end;
      cur.toks.push(new Tok(T.Str, start, end, v, holes.length ? holes : undefined, undefined));
      return true;
    }
    if (syn.heredoc !== 'ruby') return false;
    let j = start + 2;
    const squiggly = s[j] === '~';
    const dash = s[j] === '-';
    if (squiggly || dash) j++;
    const q = s[j] === "'" || s[j] === '"' ? s[j] : '';
    if (q) j++;
    const idStart = j;
    while (j < cur.n && cur.isIdent(s.charCodeAt(j))) j++;
    const id = s.slice(idStart, j);
    if (!id) return false;
    // `x << FOO` with a space is a shift or append; `<<FOO` right after a value is too, unless quoted or ~/-.
    const c0 = id.charCodeAt(0);
    const upper = (c0 >= 65 && c0 <= 90) || c0 === 95;
    if (!q && !squiggly && !dash && (!upper || cur.prevIsValue())) return false;
    if (q) {
      if (s[j] !== q) return false;
      j++;
    }
    const body: Token = new Tok(T.Str, start, j, '', undefined, undefined);
    cur.toks.push(body);
    this.pending.push({ tok: body, id, squiggly, dash, interpolate: q !== "'" });
    cur.i = j;
    return true;
  }

  /** At the start of the line after heredoc openers: consumes each body in order. */
  readHeredocBodies(): void {
    const cur = this.cur;
    const s = cur.s;
    for (const h of this.pending) {
      const bodyStart = cur.i;
      let lineStart = cur.i;
      let bodyEnd = cur.n;
      let after = cur.n;
      while (lineStart < cur.n) {
        const nl = s.indexOf('\n', lineStart);
        const lineEnd = nl < 0 ? cur.n : nl;
        let k = lineStart;
        if (h.squiggly || h.dash) while (s[k] === ' ' || s[k] === '\t') k++;
        let e = lineEnd;
        if (s[e - 1] === '\r') e--;
        if (s.slice(k, e) === h.id) {
          bodyEnd = lineStart;
          after = nl < 0 ? cur.n : nl + 1;
          break;
        }
        if (nl < 0) break;
        lineStart = nl + 1;
      }
      let body = s.slice(bodyStart, bodyEnd);
      if (h.squiggly) body = dedent(body, true);
      const holes: Hole[] = [];
      h.tok.v = h.interpolate ? this.interpolate(body, 'hash-brace', holes, bodyStart) : body;
      if (holes.length) h.tok.holes = holes;
      cur.i = after;
    }
    this.pending = [];
  }

  /** Decodes escapes and removes holes from a heredoc body. */
  private interpolate(body: string, kind: HoleKind, holes: Hole[], offset: number): string {
    const sub = new HoleReader(body, this.cur.syn);
    let out = '';
    let chunk = 0;
    let i = 0;
    while (i < body.length) {
      if (body.charCodeAt(i) === 92) {
        i += 2;
        continue;
      }
      const h = sub.holeAt(i, kind, '\u0000');
      if (h) {
        out += decodeEscapes(body.slice(chunk, i));
        if (h.literal !== undefined) out += h.literal;
        else holes.push({ expr: h.expr, start: offset + i, end: offset + h.end, at: -1 });
        i = h.end;
        chunk = i;
      } else i++;
    }
    return out + decodeEscapes(body.slice(chunk));
  }

  /** Ruby `%q(…)`, `%Q{…}`, `%(…)`, `%w[…]`: brackets nest. */
  percentString(): boolean {
    const cur = this.cur;
    const s = cur.s;
    const start = cur.i;
    if (cur.prevIsValue()) return false;
    let j = start + 1;
    let kind = '';
    if ('qQwWiI'.includes(s[j]) && s[j]) {
      kind = s[j];
      j++;
    }
    const open = s[j];
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
    const close = pairs[open] ?? (open && /[!|\/^]/.test(open) ? open : '');
    if (!close) return false;
    let depth = 1;
    let k = j + 1;
    while (k < cur.n) {
      const ch = s[k];
      if (ch === '\\') {
        k += 2;
        continue;
      }
      if (ch === close && --depth === 0) break;
      if (ch === open && close !== open) depth++;
      k++;
    }
    const raw = s.slice(j + 1, Math.min(k, cur.n));
    const holes: Hole[] = [];
    const v = kind === 'q' || kind === 'w' || kind === 'i' ? raw : this.interpolate(raw, 'hash-brace', holes, j + 1);
    cur.i = Math.min(k + 1, cur.n);
    cur.toks.push(new Tok(T.Str, start, cur.i, v, holes.length ? holes : undefined, undefined));
    return true;
  }
}
