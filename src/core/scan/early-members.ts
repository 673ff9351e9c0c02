// Members read before the scope lookup of member() (members.ts): C# `Environment.NewLine`, `AppContext.BaseDirectory` /
// `env.ContentRootPath` (file-reads.ts); Python `Models.GPT4.value`, an Enum member's literal (a str has no `.value`);
// Kotlin `GptSetting.GPT_4O_MINI.value`, an enum constant's constructor argument for that property (jvm-enums.ts), and
// `model.value` of a parameter its callers give such a constant (kotlin-param-members.ts); a Vue ref's `model.value`
// and a prop's `props.model` default (reactive-state.ts); Ruby `.to_i` of a number and `Rails.configuration.x`
// (rails-config.ts).
import { dotnetAppRoot } from './file-reads';
import { kotlinEnumProperty } from './jvm-enums';
import { kotlinParamMember } from './kotlin-param-members';
import { propDefault, refValue } from './reactive-state';
import { evaluate } from './evaluate';
import { pyEnumAttr } from './py-enum-members';
import { rubyMember } from './rails-config';
import { at, type EvalScope, type Value } from './value';

type Member = (s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number) => Value | undefined;

export function earlyMember(s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number, member: Member): Value | undefined {
  // `Environment.NewLine`: "\r\n" on Windows, "\n" on Unix (https://learn.microsoft.com/en-us/dotnet/api/system.environment.newline),
  // one token either way; read as "\n", not as a part known only at run time.
  if (s.syn.id === 'csharp') return !base && names.length === 2 && names[0] === 'Environment' && names[1] === 'NewLine' ? { str: '\n' } : dotnetAppRoot(s, names);
  // Python: an Enum member's tuple item its `__init__` names, a parameter annotated with the Enum (py-enum-members.ts).
  if (s.syn.id === 'python') return base ? undefined : pyEnumAttr(s, names, at(s, i), depth) ?? (names.length === 3 && names[2] === 'value' ? member(s, undefined, names.slice(0, 2), i, depth + 1) : undefined);
  // Vue: a ref's `.value`, a prop's default (reactive-state.ts).
  if (s.syn.id === 'ruby') return rubyMember(s, base, names, depth);
  if (s.syn.id === 'javascript') return base ? undefined : refValue(s, names, (n) => member(s, undefined, n, i, depth + 1)) ?? propDefault(s, names, (f, t) => evaluate(s, f, t, depth + 1));
  return !base && s.syn.id === 'kotlin' ? kotlinEnumProperty(s, names, depth) ?? kotlinParamMember(s, names, at(s, i), depth) : undefined;
}
