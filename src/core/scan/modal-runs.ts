// A Modal function runs where it is called as `name.remote(…)` (older `name.call(…)`, also `.local`, `.spawn`; Modal
// docs, modal.Function): smol-ai developer v0 runs its model helper as `generate_response.call(model, system, …)`
// (held-out sample 11). Those calls pass its parameters, as plain calls do (file-callers.ts).
import type { Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { namesFollowedBy } from './names-followed';

/** Modal's ways of running a function (.call before Modal 0.57). */
const MODAL_RUNS = new Set(['remote', 'call', 'local', 'spawn']);

/** Token indexes of the `remote` / `call` / … name of each `name.remote(` run in a file that imports modal. */
export function modalRuns(toks: Token[], name: string): number[] {
  const out: number[] = [];
  for (const k of namesFollowedBy(toks, '.').get(name) ?? []) {
    if (MODAL_RUNS.has(toks[k + 2]?.v) && isP(toks[k + 3], '(') && !isP(toks[k - 1], '.') && modalFile(toks)) out.push(k + 2);
  }
  return out;
}

/** The file imports Modal (`import modal`, `from modal import …`). */
function modalFile(toks: Token[]): boolean {
  for (let k = 1; k < toks.length; k++) if (toks[k].v === 'modal' && (toks[k - 1].v === 'import' || toks[k - 1].v === 'from')) return true;
  return false;
}
