// Reading interpolation holes inside literals (`{x}`, `${x}`, `#{x}`, `\(x)`, `$x`): where a hole ends, skipping
// quoted text and nested brackets inside it. Called by the literal and heredoc readers; linear, depth capped.
import type { HoleKind, LangSyntax } from './languages';
import { stripFormatSpec } from './literal-text';
import { isDigit, isIdentChar } from './cursor';

/** Deepest nesting of holes in holes we follow; deeper text is treated as plain hole text. */
const MAX_HOLE_DEPTH = 16;
/** Line breaks a Kotlin hole in a one-line string may span; past them the hole is unterminated (bounded: linear). */
const MAX_HOLE_LINES = 8;

/** Reads holes in one text (a whole source file, or a heredoc body). */
export class HoleReader {
  private readonly n: number;
  /** Cached position of the next newline at or after the cursor (see balanced()). */
  private nextNl = -1;

  constructor(private readonly s: string, private readonly syn: LangSyntax) {
    this.n = s.length;
  }

  private isIdent(c: number): boolean {
    return isIdentChar(c, this.syn);
  }

  /** An interpolation hole at i, or an escaped brace (`{{` in f-strings). */
  holeAt(i: number, kind: HoleKind, close: string): { expr: string; end: number; literal?: string } | undefined {
    const s = this.s;
    const c = s[i];
    let open = -1;
    switch (kind) {
      case 'brace':
      case 'brace-aligned':
        if (c === '{') {
          if (s[i + 1] === '{') return { expr: '', end: i + 2, literal: '{' };
          open = i + 1;
        } else if (c === '}' && s[i + 1] === '}') return { expr: '', end: i + 2, literal: '}' };
        break;
      case 'brace-2':
      case 'brace-3': {
        // `{{x}}` in `$$"""…"""`: n braces open a hole, a run of more gives its first braces as text; fewer are text.
        if (c !== '{') break;
        const n = kind === 'brace-2' ? 2 : 3;
        let run = 1;
        while (run <= n && s[i + run] === '{') run++;
        if (run !== n) return { expr: '', end: i + 1, literal: '{' };
        const h = this.balanced(i + n, '{', '}', close);
        // The hole's other closing braces.
        for (let k = 1; k < n && s[h.end] === '}'; k++) h.end++;
        h.expr = stripFormatSpec(h.expr, true);
        return h;
      }
      case 'dollar-brace':
        if (c === '$' && s[i + 1] === '{') open = i + 2;
        break;
      case 'kotlin':
        if (c === '$' && s[i + 1] === '{') open = i + 2;
        else if (c === '$' && this.isIdent(s.charCodeAt(i + 1)) && !isDigit(s.charCodeAt(i + 1))) return this.simpleVar(i + 1);
        break;
      case 'php':
        if (c === '{' && s[i + 1] === '$') open = i + 1;
        else if (c === '$' && s[i + 1] === '{') open = i + 2;
        else if (c === '$' && this.isIdent(s.charCodeAt(i + 1)) && !isDigit(s.charCodeAt(i + 1))) return this.simpleVar(i);
        break;
      case 'hash-brace':
        if (c === '#' && s[i + 1] === '{') open = i + 2;
        break;
      case 'swift':
        if (c === '\\' && s[i + 1] === '(') return this.balanced(i + 2, '(', ')', close);
        break;
    }
    if (open < 0) return undefined;
    // A Kotlin `${…}` holds code, which may run over a few lines (`"date: ${\n  fmt.format(d)\n}"`).
    const h = this.balanced(open, '{', '}', close, 0, kind === 'kotlin' ? MAX_HOLE_LINES : 0);
    if (kind === 'brace' || kind === 'brace-aligned') h.expr = stripFormatSpec(h.expr, kind === 'brace-aligned');
    // Named on one line: `fmt(\n  d\n)` reads `fmt(d)`.
    else if (kind === 'kotlin' && h.expr.includes('\n')) h.expr = h.expr.split('\n').map((l) => l.trim()).join(' ').replace(/([([]) /g, '$1').replace(/ ([)\]])/g, '$1');
    return h;
  }

  private simpleVar(from: number): { expr: string; end: number } {
    let j = from;
    if (this.s[j] === '$') j++;
    while (j < this.n && this.isIdent(this.s.charCodeAt(j)) && this.s[j] !== '$') j++;
    return { expr: this.s.slice(from, j), end: j };
  }

  /**
   * Finds the close of a hole opened just before `from`, skipping quoted text inside it. Linear: nested quotes are
   * skipped to their closing quote without recursing, and depth is capped.
   */
  private balanced(
    from: number,
    open: string,
    closeCh: string,
    stringClose: string,
    level = 0,
    lines = 0,
  ): { expr: string; end: number } {
    const s = this.s;
    let depth = 1;
    let j = from;
    while (j < this.n) {
      const ch = s[j];
      if (ch === '`' && stringClose === '`' && open === '{') {
        // A template literal nested in a JS hole (`${c ? `l'a ${x}` : ""}`): its text is no code, so quotes in it
        // open no string; skipped to its own closing backtick, its holes read the same way (depth capped).
        j = this.nestedTemplateEnd(j + 1, level + 1);
        continue;
      }
      if (ch === open) depth = Math.min(depth + 1, MAX_HOLE_DEPTH);
      else if (ch === closeCh) {
        depth--;
        if (depth === 0) return { expr: s.slice(from, j).trim(), end: j + 1 };
      } else if ((ch === '"' || ch === "'" || ch === '`') && !s.startsWith(stringClose, j)) {
        const q = s.indexOf(ch, j + 1);
        // The next newline is looked up once per line, not once per quote (a 5 MB line would be quadratic).
        if (this.nextNl <= j) this.nextNl = s.indexOf('\n', j + 1) >>> 0;
        const nl = this.nextNl === 0xffffffff ? -1 : this.nextNl;
        if (q < 0 || (nl >= 0 && nl < q && ch !== '`')) break;
        j = q;
      } else if (ch === '\n' && stringClose.length === 1 && stringClose !== '`' && lines-- <= 0) break;
      else if (s.startsWith(stringClose, j) && depth <= 1 && stringClose.length > 1) break;
      j++;
    }
    // Unterminated hole: it ends the literal's readable text here.
    return { expr: s.slice(from, j).trim(), end: j };
  }

  /** The end (after the closing backtick) of a template literal whose text starts at `from`, inside a hole. */
  private nestedTemplateEnd(from: number, level: number): number {
    const s = this.s;
    let j = from;
    while (j < this.n) {
      const c = s[j];
      if (c === '\\') j += 2;
      else if (c === '`') return j + 1;
      else if (c === '$' && s[j + 1] === '{' && level < MAX_HOLE_DEPTH) j = this.balanced(j + 2, '{', '}', '`', level).end;
      else j++;
    }
    return j;
  }
}
