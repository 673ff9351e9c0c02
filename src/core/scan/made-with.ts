// What an object made elsewhere is made with, read where it is made (an AiServices builder's `.chatModel(model)`): the
// model and limit of that model's construction. Moved out of bound.ts, which reads calls on objects made in the file.
import { isOpen } from '../lex/brackets';
import type { Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { anchorStart } from './links';
import type { Via } from './call-shape-types';
import { builderEnd, followOptions, heldName } from './chains';
import { construction, madeAt, MAX_LOOKUPS } from './constructions';
import { beanMade } from './jvm-beans';

/**
 * What an object made at `def` is made with, read where it is made: `AiServices.builder(I.class).chatModel(model)…build()`
 * (the model that name is bound to, or a builder written in the link) gives that model's construction's model and limit.
 * Undefined when `def` is no holder; a model made where this file cannot see (a parameter) is unresolved, named.
 */
export function madeWith(c: Ctx, via: Via, def: number): (Found & { provider?: string }) | undefined {
  const h = via.holder;
  if (!h) return undefined;
  const { toks, match } = c;
  const open = def + h.anchor.length - 1;
  if (anchorStart(toks, open, h.anchor) !== def || match[open] < 0) return undefined;
  const held = heldName(c, h, def);
  let made = held ? construction(c, via, held, def, 1, { left: MAX_LOOKUPS }) : undefined;
  // `.chatModel(OpenAiChatModel.builder()…build())`: made right in the link.
  for (let k = open + 1, end = builderEnd(c, open); !held && !made && k < end; k++) if (isOpen(toks[k])) made = madeAt(via, toks, k);
  // A model bean the application makes itself, injected as a parameter or field (jvm-beans.ts): read where it is made.
  const bean = !made && held ? beanMade(c, via, held, def) : undefined;
  if (bean) made = bean.made;
  const f: Found & { provider?: string } = { parts: [], messages: 0 };
  if (!made) {
    if (!held) return undefined;
    f.model = { unresolved: `${held} (${via.unbound ?? 'made elsewhere'})` };
    return f;
  }
  const m = bean?.ctx ?? c;
  const close = m.match[made.open] < 0 ? Math.min(m.toks.length - 1, made.open + 1) : made.builder ? builderEnd(m, made.open) : m.match[made.open];
  walkKeys(m, f, made.builder ? made.at : made.open + 1, close);
  if (made.builder) followOptions(m, f, made.open, close, made.at);
  if (made.provider) f.provider = made.provider;
  if (bean && bean.ctx.file !== c.file) {
    // Values written in the bean's file are that file's (the hover's link, the fix's edit).
    if (f.model && 'ref' in f.model && !f.model.ref.file) f.model = { ref: { ...f.model.ref, file: bean.ctx.file } };
    if (f.limit && !f.limit.file) f.limit = { ...f.limit, file: bean.ctx.file };
  }
  return f;
}
