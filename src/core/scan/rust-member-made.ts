// Rust: where `self.<field>` of a method gets its object, for a call on it (constructions.ts): the struct literal of
// the method's own type that sets the field (`Self { bot: ChatGPT::new(key)? }`, or `Self { client }` after `let
// client = …;`), in any impl block of that type in the file (a trait's `fn new` too). rust-fields.ts reads a field's
// value for the evaluator; this gives the token where the value is written.
import { isId, isOpen, isP } from '../lex/brackets';
import { implsOf } from './rust-fields';
import { assignmentBefore } from './definitions';
import type { Ctx } from './values';

/** Literals of the type looked at. */
const MAX_LITERALS = 16;

/** Token index of the value the first literal of the method's type (at offset `pos`) gives `field`, or -1. */
export function rustMemberDef(c: Ctx, field: string, pos: number): number {
  if (c.syn.id !== 'rust') return -1;
  const { toks, match } = c;
  const impls = implsOf(c);
  const own = impls.find((b) => toks[b.open].start <= pos && pos < toks[b.close].start);
  if (!own) return -1;
  c.readNames?.add(field).add(own.type);
  let seen = 0;
  for (const b of impls) {
    if (b.type !== own.type) continue;
    // The block is read whole: an edit of the literal, or of the binding it takes, changes the call.
    c.read?.push({ start: toks[b.at].start, end: toks[b.close].end });
    for (let k = b.open + 1; k < b.close && seen < MAX_LITERALS; k++) {
      if (!isId(toks[k]) || (toks[k].v !== 'Self' && toks[k].v !== own.type) || !isP(toks[k + 1], '{') || !(match[k + 1] > k + 1)) continue;
      seen++;
      const close = match[k + 1];
      for (let j = k + 2; j < close; j++) {
        if (isOpen(toks[j]) && match[j] > j) {
          j = match[j];
          continue;
        }
        if (toks[j].v !== field || !isId(toks[j]) || !(isP(toks[j - 1], '{') || isP(toks[j - 1], ','))) continue;
        if (isP(toks[j + 1], ':')) return j + 2;
        // Shorthand `Self { client }`: the local of that name.
        if (isP(toks[j + 1], ',') || j + 1 === close) return assignmentBefore(c, field, j);
      }
    }
  }
  return -1;
}
