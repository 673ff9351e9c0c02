// C# `$"""…{standards}…{jsonSchema}"""` where the method (or a top-level program) declares `var standards =
// File.ReadAllText("docs/pr-standards.md");` and `var jsonSchema = """{ … }""";` once (held47 H04
// caiqueves/pr-review-agent tools/PrReview.Agent/Program.cs): a local declared once and never assigned again holds that
// one value wherever the hole reads it, so the hole takes its text. A local assigned anywhere else in the file
// (`prompt = …`, `prompt += …`, `x ??= …`) stays named: a branch may set it to a run-time text.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import type { EvalScope } from './value';
import { USES } from './fstring-holes';

/** The assignment operators after a name that set it again. */
const ASSIGNS = new Set(['=', '+=', '??=', '-=']);

/** Each C# file's names by how many times a statement assigns them (`x = …`, `x += …`, not `o.x = …`), one pass per file. */
const ASSIGNED = new KeyMemo<object, Map<string, number>>();

function assignedCounts(s: EvalScope): Map<string, number> {
  let out = ASSIGNED.get(s.toks);
  if (out) return out;
  out = new Map();
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    const op = toks[k + 1];
    if (toks[k].t !== T.Id || op.t !== T.Punct || !ASSIGNS.has(op.v) || isP(toks[k - 1], '.')) continue;
    out.set(toks[k].v, (out.get(toks[k].v) ?? 0) + 1);
  }
  ASSIGNED.set(s.toks, out);
  return out;
}

/** Is `name`, read by a hole of the literal at token `at`, a C# local declared once (`var name = …`, `string name = …`)
 * before it and assigned nowhere else in the file? */
export function csLocalOnce(s: EvalScope, name: string, at: number): boolean {
  if (s.syn.id !== 'csharp' || !/^[a-z_]\w*$/.test(name)) return false;
  s.readNames?.add(name);
  // Another assignment past a first screen's cut undoes it (editor/prefix.ts).
  s.forward?.add(USES + name);
  const list = tables(s).binds.get(name);
  if (list?.length !== 1) return false;
  const b = list[0];
  if (b.kind !== 'assign' || b.value < 0 || b.name >= at || b.key !== undefined || b.pos !== undefined) return false;
  // Declared here: a type or `var` just before the name.
  if (!isId(s.toks[b.name - 1]) && !isP(s.toks[b.name - 1], '?') && !isP(s.toks[b.name - 1], '>')) return false;
  return assignedCounts(s).get(name) === 1;
}
