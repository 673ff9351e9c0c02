// Items added to a list that are a message's content parts (`{"type": "text", "text": …}`, `['type' => 'image_url',
// …]`), not messages: a list of parts held in a name (`content.append(…)`, PHP `$parts[] = …`) adds no message framing.
// Before, a one-message vision request whose parts were appended counted each part as a message (held-out 38 C04).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { Ctx } from './values';

const PART_TYPES = new Set(['text', 'image_url', 'input_text', 'input_image', 'image', 'image_file', 'input_audio', 'file', 'document']);

/** How many of the items toks[a, b) are content parts: a literal with a `type` key naming a part type and no `role`. */
export function contentParts(c: Ctx, items: [number, number][]): number {
  const { toks, match } = c;
  let n = 0;
  for (const [a, b] of items) {
    const open = isP(toks[a], '{') || isP(toks[a], '[') ? a : toks[a]?.v === 'array' && isP(toks[a + 1], '(') ? a + 1 : -1;
    if (open < 0 || match[open] !== b - 1) continue;
    let part = false;
    let role = false;
    for (let k = open + 1; k < b - 1; k++) {
      if ((isP(toks[k], '{') || isP(toks[k], '[') || isP(toks[k], '(')) && match[k] > k) k = match[k];
      else if (toks[k].t === T.Str || toks[k].t === T.Id) {
        const sep = toks[k + 1];
        if (!(isP(sep, ':') || isP(sep, '=>') || isP(sep, '='))) continue;
        if (toks[k].v === 'role') role = true;
        else if (toks[k].v === 'type' && toks[k + 2]?.t === T.Str && PART_TYPES.has(toks[k + 2].v)) part = true;
      }
    }
    if (part && !role) n++;
  }
  return n;
}
