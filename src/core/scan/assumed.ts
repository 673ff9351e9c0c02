// A model the user names for a call whose model is only known at run time: a comment on the line above the call,
// `prompt-cost: model=gpt-4.1-mini`, in any comment syntax (`#`, `//`, `--`, `/* … */`).
import type { ModelValue } from './values';
import type { EvalScope } from './value';

export const MARK = 'prompt-cost:';

/** How far back the comment is looked for: a line of code and a comment line (a minified line is not searched). */
const REACH = 800;

/** Start of the line holding offset `at`, or -1 when it is further back than REACH. */
function lineStartNear(text: string, at: number): number {
  for (let i = at - 1, n = 0; n < REACH; i--, n++) if (i < 0 || text.charCodeAt(i) === 10) return i + 1;
  return -1;
}

export function assumedModel(s: EvalScope, first: number): ModelValue {
  const start = s.toks[first]?.start ?? 0;
  const lineStart = lineStartNear(s.text, start);
  if (lineStart <= 0) return undefined;
  // The line above the call's line (or the call's own line, before the call: `/* prompt-cost: model=x */ create(`).
  const prevStart = lineStartNear(s.text, lineStart - 1);
  if (prevStart < 0) return undefined;
  for (const [a, b] of [[lineStart, start], [prevStart, lineStart]]) {
    const seg = s.text.slice(a, b);
    const i = seg.indexOf(MARK);
    if (i < 0) continue;
    const m = /^\s*model\s*=\s*([A-Za-z0-9][\w.:/@-]{0,120})/.exec(seg.slice(i + MARK.length));
    if (!m) continue;
    const at = a + i + MARK.length + m[0].length - m[1].length;
    return { ref: { id: m[1], span: { start: at, end: at + m[1].length }, kind: 'assumed', assumed: 'comment' } };
  }
  return undefined;
}
