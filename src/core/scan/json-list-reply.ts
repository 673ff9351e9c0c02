// A JSON reply held to a schema with a list in it (`type: "array"`, zod `z.array(…)`) is as long as its lists grow
// with the prompt's run-time text, which is not known here: a cap sized for an answer (600) cuts it into JSON that
// does not parse, and the call fails rather than answering short. The advice then names the limit and proposes no
// number (advisor.ts; a reasoning model keeps its own advice, which proposes none either). A schema without lists (a
// label, a score), or a prompt all static (js-genai's "Which are the colors of a rainbow" list), keeps its number.
// Held-out smpB F1: thisisformuchfun/Foundry src/app/api/quotes/route.ts:55 sends a json_schema quote (bom, labor,
// milestones and risks lists, two Mermaid diagrams) through the Responses API's `text.format` (text-format.ts) and
// was told "Set max_output_tokens to 600".
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import { keyAt, type Ctx } from './values';
import { valueEnd } from './value-end';
import { normKey } from './call-keys';
import { assignmentBefore } from './definitions';

/** Keys whose value is the reply's schema or format (normalised); `text` is the Responses API's text configuration. */
const SCHEMA_KEYS = new Set(['responseformat', 'text', 'textformat', 'format', 'schema', 'jsonschema', 'responseschema', 'responsejsonschema', 'outputformat']);
/** Tokens read at most per schema value, and names followed to their object. */
const MAX_TOKS = 4000;
const MAX_NAMES = 8;

/** Marks a call whose JSON reply's schema has a list: no cap number is proposed for it. */
export function jsonListReply(c: Ctx, site: CallSite, first: number, end: number): void {
  if (site.stepJson || site.maxOutput || !site.uses?.includes('structured-output')) return;
  const lists = new Set<string>();
  let names = 0;
  const scan = (from: number, to: number, follow: boolean) => {
    for (let k = from; k < to && k < from + MAX_TOKS; k++) {
      const tk = c.toks[k];
      // `"type": "array"` / `type: 'array'` / `Type = "array"`, and zod's `z.array(`.
      if (tk.t === T.Str && tk.v === 'array' && c.toks[k - 2] && normKey(c.toks[k - 2].v) === 'type' && keyAt(c, k - 2) === k - 1) lists.add(listName(c, k));
      else if (isId(tk) && tk.v === 'array' && isP(c.toks[k - 1], '.') && isP(c.toks[k + 1], '(')) lists.add(k > 3 && keyAt(c, k - 4) === k - 3 ? c.toks[k - 4].v : ''); // steps: z.array(
      // A name in the schema (`{ type: "json_schema", json_schema }`, `zodTextFormat(Quote, …)`): what it is bound to here.
      else if (follow && isId(tk) && !isP(c.toks[k - 1], '.') && names < MAX_NAMES) {
        // `const schema = { … }` or `const Quote = z.object({ … })`.
        const v = assignmentBefore(c, tk.v, first);
        if (v >= 0 && (isP(c.toks[v], '{') || isId(c.toks[v]))) {
          names++;
          scan(v, isP(c.toks[v], '{') && c.match[v] > v ? c.match[v] : valueEnd(c, v, c.toks.length), false);
        }
      }
    }
  };
  for (let k = first; k < end; k++) {
    const v = keyAt(c, k);
    if (v < 0 || !SCHEMA_KEYS.has(normKey(c.toks[k].v))) continue;
    const e = valueEnd(c, v + 1, end);
    scan(v + 1, e, true);
    k = e - 1;
  }
  if (!lists.size) return;
  const named = [...lists].filter(Boolean).slice(0, 4);
  site.jsonLists = `the reply is JSON whose schema has lists${named.length ? ` (${named.join(', ')})` : ''}, as long as the run-time text makes them`;
}

/** The key a list is the value of (`bom: { type: "array" … }` → bom), or '' when none is near. */
function listName(c: Ctx, k: number): string {
  for (let j = k - 1, left = 12; j >= 0 && left > 0; j--, left--) {
    const tk = c.toks[j];
    if (isP(tk, '{') && j > 1 && keyAt(c, j - 2) === j - 1) return c.toks[j - 2].v;
    if (isP(tk, '}') || isP(tk, ';')) return '';
  }
  return '';
}
