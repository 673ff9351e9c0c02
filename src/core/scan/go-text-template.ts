// Go text/template output read back as a prompt: `template.Must(template.New("p").Parse(prompt)).Execute(&buf, comments)`
// then `buf.String()` (ioki-mobility/summaraizer summarizer.go resolvePrompt, the prompt a cobra flag's default). The
// text is the template's static text; its actions (`{{ range $c := . }}`, `{{ $c.Body }}`) are filled at run time, so
// they are holes (file-reads.ts templateText). text/template: func Must(t *Template, err error) *Template,
// (*Template).Parse(text string) (*Template, error), (*Template).Execute(wr io.Writer, data any) error
// (https://pkg.go.dev/text/template); html/template has the same methods.
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { evaluate } from './evaluate';
import { exprEnd } from './scope';
import { templateText } from './file-reads';
import { fieldTemplateMaking } from './go-template-fields';
import { goTemplateWriter } from './go-template-writers';
import type { EvalScope, Value } from './value';

/** Tokens looked back from `buf.String()` for the `Execute(&buf, …)` that writes it, and through a template's making. */
const MAX_BACK = 600;
const MAX_MAKE = 80;
/** Placeholders listed at most as holes. */
const MAX_HOLES = 32;

/** Words whose edit can change a value read here (editor/reader-words.ts). */
export const GO_TEMPLATE_WORDS = ['Execute', 'Parse', 'Must'];

/** The `Parse(` argument's value among tokens [from, to) (a template's making), or undefined. */
function parsed(s: EvalScope, from: number, to: number, depth: number): Value | undefined {
  const { toks, match } = s;
  for (let k = Math.max(from, to - MAX_MAKE); k + 1 < to; k++) {
    if (toks[k].v !== 'Parse' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] <= k + 2) continue;
    return evaluate(s, k + 2, match[k + 1], depth + 1);
  }
  return undefined;
}

/** The text the template named or written at token `r` (the last token before `.Execute`) is parsed from. */
function templateOf(s: EvalScope, r: number, depth: number): Value | undefined {
  const { toks, match } = s;
  // Made in place: `template.Must(template.New("p").Parse(text)).Execute(…)`.
  if (isP(toks[r], ')') && match[r] >= 0 && match[r] < r) return parsed(s, Math.max(0, match[r] - 8), r, depth);
  // Held in a field of the receiver, set by the constructor's literal (go-template-fields.ts).
  const made = isP(toks[r - 1], '.') ? fieldTemplateMaking(s, r) : undefined;
  if (made) return parsed(s, made.from, made.to, depth);
  if (!isId(toks[r]) || isP(toks[r - 1], '.')) return undefined;
  // Held in a name: `t := template.Must(…Parse(text))`, `t, err := template.New("p").Parse(text)`.
  const def = assignmentBefore(s, toks[r].v, r);
  if (def < 0 || def < r - MAX_BACK) return undefined;
  const end = exprEnd(s, def);
  s.read?.push({ start: toks[def].start, end: toks[Math.max(def, end - 1)].end });
  return parsed(s, def, end, depth);
}

/** `buf.String()` at [i, end), `buf` written by a template's `Execute(&buf, data)` before it in the function: the
 * template's static text, its actions holes. */
export function goTemplateOutput(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  const { toks, match } = s;
  if (end - i !== 5 || !isId(toks[i]) || !isP(toks[i + 1], '.') || toks[i + 2].v !== 'String' || !isP(toks[i + 3], '(') || !isP(toks[i + 4], ')')) return undefined;
  const name = toks[i].v;
  for (let k = i - 1; k > 2 && k > i - MAX_BACK && toks[k].v !== 'func'; k--) {
    if (toks[k].v !== 'Execute' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || !isP(toks[k + 2], '&') || toks[k + 3]?.v !== name || !isP(toks[k + 4], ',')) continue;
    s.read?.push({ start: toks[isP(toks[k - 2], ')') && match[k - 2] >= 0 ? Math.max(0, match[k - 2] - 8) : k - 2].start, end: toks[match[k + 1]].end });
    return output(templateOf(s, k - 2, depth));
  }
  // Written by a function or method the buffer is handed to (`prompt.Write(&content)`, go-template-writers.ts).
  const w = goTemplateWriter(s, name, i, MAX_BACK);
  return w ? output(templateOf(w.scope, w.r, depth)) : undefined;
}

/** A template's output: its static text, its actions holes. */
function output(v: Value | undefined): Value | undefined {
  if (v?.str === undefined || v.runtime !== undefined) return undefined;
  const t = templateText(v.str, true);
  const holes = [...(v.holes ?? [])];
  for (const h of t.holes ?? []) if (!holes.includes(h as string) && holes.length < MAX_HOLES) holes.push(h as string);
  return { str: t.str ?? v.str, ...(holes.length ? { holes } : {}), ...(v.source ? { source: v.source } : {}) };
}
