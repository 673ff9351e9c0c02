// Kotlin `model.value` where `model: GptSetting` is a parameter and `enum class GptSetting(val value: String) {
// GPT_4O_MINI("gpt-4o-mini"), … }`: the callers pass an enum entry, written (`GptSetting.GPT_4O_MINI`) or through a
// name holding one: a property set from a constructor parameter whose default is the entry (`class Repo(model:
// GptSetting = GptSetting.GPT_4O_MINI, …) { private var currentModel = …; init { currentModel = model } }`), held35
// C04 Guuri11/ISI lib/lib/src/main/kotlin/org/isi/data/clients/OpenAIClient.kt:18-27 and
// data/repository/CommandRepositoryLocalImpl.kt:11-25. Each caller's entry gives its constructor argument for the
// property (jvm-enums.ts); a caller passing anything else leaves it to run time.
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables, type Binding } from './scope';
import { pick } from './lookup';
import { kotlinEnumProperty } from './jvm-enums';
import { paramReadFromCallers } from './file-callers';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** Names followed from a caller's argument to the enum entry at most (`currentModel` → `model` → its default). */
const MAX_STEPS = 4;

/** `p.prop` of a Kotlin parameter `p` (names [p, prop], read at offset `pos`): what its callers' enum entries give. */
export function kotlinParamMember(s: EvalScope, names: string[], pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'kotlin' || names.length !== 2 || !/^[a-z]/.test(names[0]) || depth > MAX_DEPTH) return undefined;
  const b = pick(tables(s).binds.get(names[0]), s, pos);
  return b?.kind === 'param' ? paramProp(s, b, names[1], depth, 0) : undefined;
}

/** The property of the enum entry a parameter is given: by its callers, else (none in view passes it) its default. */
function paramProp(s: EvalScope, b: Binding, prop: string, depth: number, steps: number): Value | undefined {
  const dflt = b.value >= 0 ? entryProp(s, b.value, exprEnd(s, b.value), prop, depth + 1, steps + 1) : undefined;
  const named = dflt && { ...dflt, source: dflt.source && { ...dflt.source, what: `default of parameter ${s.toks[b.name].v}` } };
  const via = (sc: EvalScope, arg: [number, number], d: number) => entryProp(sc, arg[0], arg[1], prop, d, steps + 1);
  return paramReadFromCallers(s, b.name, depth, via, named) ?? named;
}

/** The property `prop` of the enum entry the expression toks[from, to) is: `Type.ENTRY`, or a name holding one. */
function entryProp(s: EvalScope, from: number, to: number, prop: string, depth: number, steps: number): Value | undefined {
  const { toks } = s;
  if (steps > MAX_STEPS || depth > MAX_DEPTH || to <= from) return undefined;
  // `this.currentModel`: the class's property.
  if (to - from === 3 && toks[from].v === 'this' && isP(toks[from + 1], '.')) from += 2;
  const names: string[] = [];
  for (let k = from; k < to; k += 2) {
    if (!isId(toks[k]) || (k + 1 < to && !isP(toks[k + 1], '.'))) return undefined;
    names.push(toks[k].v);
  }
  if (names.length >= 2) return kotlinEnumProperty(s, [...names, prop], depth);
  s.readNames?.add(names[0]);
  const b = pick(tables(s).binds.get(names[0]), s, toks[from].start);
  if (!b) return undefined;
  if (b.kind === 'param') return paramProp(s, b, prop, depth + 1, steps);
  return b.value >= 0 ? entryProp(s, b.value, exprEnd(s, b.value), prop, depth + 1, steps + 1) : undefined;
}
