// A Go text/template kept in a field of the receiver: `p.summarizeTemplate.Execute(&buf, …)` in a method of
// TemplateProcessor, the field set by the constructor's literal `&TemplateProcessor{summarizeTemplate: summarizeTmpl}`
// after `summarizeTmpl, err := template.New("summarize").Parse(prompts.SummarizePrompt)` (skobkin/telegram-ollama-reply-bot
// llm/template_processors.go, held51 E1). The template is parsed from that name's making, in the constructor's scope.
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { exprEnd, tables, type Fn } from './scope';
import { receiverOf } from './go-methods';
import type { EvalScope } from './value';

/** Literals of the receiver's type looked at in the file, at most. */
const MAX_LITERALS = 16;

/** Where the template in field `p.field` (toks[r] the field, toks[r - 2] the receiver) is made: the token range of the
 * name's assignment in the function whose literal of the receiver's type sets the field; undefined when none. */
export function fieldTemplateMaking(s: EvalScope, r: number): { from: number; to: number } | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'go' || !isId(toks[r]) || !isP(toks[r - 1], '.') || !isId(toks[r - 2]) || isP(toks[r - 3], '.')) return undefined;
  const recv = toks[r - 2].v;
  const field = toks[r].v;
  let own: Fn | undefined;
  for (const fl of tables(s).fns.values()) for (const f of fl) if (f.body <= r && r < f.bodyEnd && (!own || f.body > own.body)) own = f;
  const rv = own && receiverOf(s, own);
  if (!rv || rv.name !== recv) return undefined;
  let seen = 0;
  for (let k = 0; k + 1 < toks.length && seen < MAX_LITERALS; k++) {
    if (toks[k].v !== rv.type || !isId(toks[k]) || !isP(toks[k + 1], '{') || isP(toks[k - 1], '.') || toks[k - 1]?.v === 'struct' || toks[k - 1]?.v === 'type') continue;
    seen++;
    const close = match[k + 1];
    if (close <= k + 1) continue;
    for (let j = k + 2; j < close; j++) {
      if (match[j] > j) { j = match[j]; continue; }
      if (toks[j].v !== field || !isP(toks[j + 1], ':') || !isId(toks[j + 2]) || !(isP(toks[j + 3], ',') || j + 3 === close)) continue;
      const def = assignmentBefore(s, toks[j + 2].v, j + 2);
      if (def < 0) return undefined;
      const to = exprEnd(s, def);
      s.read?.push({ start: toks[k].start, end: toks[close].end });
      return { from: def, to };
    }
  }
  return undefined;
}
