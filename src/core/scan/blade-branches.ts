// A Laravel Blade view's conditionals: `@if (…) … @elseif (…) … @else … @endif` renders one branch, `@unless (…) …
// @endunless` its body or nothing (https://laravel.com/docs/blade#if-statements). The prompt a view renders holds one
// branch, the longest as the worst case, not all of them with the directives' conditions as text (held73
// benjamincrozat/legacy-blog resources/views/prompts/generate-post-description.blade.php: both branches were counted,
// 176 tokens for 77). Blade's compiler takes `@word` not after a word character (`\B@`) and `@@` as a literal `@`
// (Illuminate/View/Compilers/BladeCompiler.php compileStatements).

const OPENS = new Set(['if', 'unless', 'isset', 'empty']);
const ARMS = new Set(['elseif', 'else']);
const CLOSES = new Set(['endif', 'endunless', 'endisset', 'endempty']);
/** Nested conditionals deeper than this are left as text. */
const MAX_DEPTH = 16;

interface Frame {
  arms: string[];
}

/** The view's text with each conditional replaced by its longest branch; the text itself when it has none. */
export function bladeBranches(text: string): string {
  if (!text.includes('@')) return text;
  const stack: Frame[] = [];
  let out = '';
  const put = (piece: string) => {
    const top = stack[stack.length - 1];
    if (top) top.arms[top.arms.length - 1] += piece;
    else out += piece;
  };
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) {
      put(text.slice(i));
      break;
    }
    put(text.slice(i, at));
    if (text[at + 1] === '@') {
      put('@');
      i = at + 2;
      continue;
    }
    const word = wordAt(text, at + 1);
    const kind = at > 0 && isWord(text.charCodeAt(at - 1)) ? undefined : word;
    const known = kind !== undefined && (OPENS.has(kind) || ARMS.has(kind) || CLOSES.has(kind));
    if (!known || (OPENS.has(kind) && stack.length >= MAX_DEPTH) || (!OPENS.has(kind) && !stack.length)) {
      put('@');
      i = at + 1;
      continue;
    }
    let end = at + 1 + kind.length;
    if (kind !== 'else' && !CLOSES.has(kind)) end = afterCondition(text, end);
    if (end < 0) {
      // A condition left open (a file cut short): the rest stays text.
      put(text.slice(at));
      break;
    }
    if (OPENS.has(kind)) stack.push({ arms: [''] });
    else if (ARMS.has(kind)) stack[stack.length - 1].arms.push('');
    else {
      const frame = stack.pop()!;
      put(frame.arms.reduce((a, b) => (b.length > a.length ? b : a), ''));
    }
    i = end;
  }
  // Conditionals never closed: their text as written.
  while (stack.length) {
    const frame = stack.pop()!;
    put(frame.arms.join(''));
  }
  return out;
}

function wordAt(text: string, k: number): string | undefined {
  let e = k;
  while (e < text.length && isWord(text.charCodeAt(e))) e++;
  return e > k ? text.slice(k, e) : undefined;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** After `@if`'s `( … )` (spaces or tabs before it, parentheses balanced, quoted strings skipped); -1 when it never closes. */
function afterCondition(text: string, k: number): number {
  while (text[k] === ' ' || text[k] === '\t') k++;
  if (text[k] !== '(') return k;
  let depth = 0;
  for (let j = k; j < text.length; j++) {
    const ch = text[j];
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, j + 1);
      if (close < 0) return -1;
      j = close;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j + 1;
  }
  return -1;
}
