// A Modal function runs where it is called as `name.remote(…)` (older `name.call(…)`, also `.local`, `.spawn`; Modal
// docs, modal.Function): smol-ai developer v0 runs its model helper as `generate_response.call(model, system, …)`
// (held-out sample 11). Those calls pass its parameters, as plain calls do (file-callers.ts).
import { KeyMemo } from '../util/key-memo';
import type { Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { namesFollowedBy } from './names-followed';

/** Modal's ways of running a function (.call before Modal 0.57). */
const MODAL_RUNS = new Set(['remote', 'call', 'local', 'spawn']);

/** The import's word, read outside any call: typing over it makes or breaks every run (incremental.ts). */
export const MODAL_WORDS = ['modal'];

/** Token indexes of the `remote` / `call` / … name of each `name.remote(` run in a file that imports modal. */
export function modalRuns(toks: Token[], name: string): number[] {
  const out: number[] = [];
  // The import first: most files have none, and the index of names followed by `.` is then not built.
  if (!modalFile(toks)) return out;
  for (const k of namesFollowedBy(toks, '.').get(name) ?? []) {
    if (MODAL_RUNS.has(toks[k + 2]?.v) && isP(toks[k + 3], '(') && !isP(toks[k - 1], '.')) out.push(k + 2);
  }
  return out;
}

const MODAL_FILE = new KeyMemo<Token[], boolean>();

/** The file imports Modal (`import modal`, `from modal import …`): one walk per token list. */
function modalFile(toks: Token[]): boolean {
  let m = MODAL_FILE.get(toks);
  if (m !== undefined) return m;
  m = false;
  for (let k = 1; k < toks.length && !m; k++) if (toks[k].v === 'modal' && (toks[k - 1].v === 'import' || toks[k - 1].v === 'from')) m = true;
  MODAL_FILE.set(toks, m);
  return m;
}
