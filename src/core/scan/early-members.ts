// Members read before the scope lookup of member() (members.ts): C# `AppContext.BaseDirectory` /
// `env.ContentRootPath` (file-reads.ts); Python `Models.GPT4.value`, an Enum member's literal (a str has no `.value`).
import { dotnetAppRoot } from './file-reads';
import type { EvalScope, Value } from './value';

type Member = (s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number) => Value | undefined;

export function earlyMember(s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number, member: Member): Value | undefined {
  if (s.syn.id === 'csharp') return dotnetAppRoot(s, names);
  return s.syn.id === 'python' && !base && names.length === 3 && names[2] === 'value' ? member(s, undefined, names.slice(0, 2), i, depth + 1) : undefined;
}
