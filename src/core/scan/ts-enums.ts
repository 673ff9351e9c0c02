// A TypeScript enum another module exports (`export enum OpenAIModel { GPT_3_5_TURBO = "gpt-3.5-turbo", GPT_4 =
// "gpt-4" }`, imported and read as `OpenAIModel.GPT_3_5_TURBO`: held-out chatgpt-on-deno functions/openai.ts): its
// members are read as a table's entries (members.ts tableMember). A member with no initialiser is a number
// (https://www.typescriptlang.org/docs/handbook/enums.html) and names no model: not read.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** Per file scope: its enums' `{` by name. */
const ENUMS = new KeyMemo<EvalScope, Map<string, number>>();

/** The enum `name` the module declares, as a table of its members; undefined when it declares none. */
export function tsEnum(s: EvalScope, name: string): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  let m = ENUMS.get(s);
  if (!m) {
    m = new Map();
    const { toks, match } = s;
    for (let k = 0; k + 2 < toks.length; k++) {
      if (isId(toks[k]) && toks[k].v === 'enum' && isId(toks[k + 1]) && isP(toks[k + 2], '{') && match[k + 2] > k + 2 && !m.has(toks[k + 1].v)) m.set(toks[k + 1].v, k + 2);
    }
    ENUMS.set(s, m);
  }
  const open = m.get(name);
  return open === undefined ? undefined : { obj: { kind: 'table', scope: s, open } };
}
