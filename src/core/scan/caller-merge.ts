// What the callers of a function pass for one of its parameters, merged into one value (file-callers.ts): the
// largest number with the others kept, the longest list (list-callers.ts), the dearest of several texts with the
// others named (branches.ts).
import { alternatives } from './branches';
import { longestList } from './list-callers';
import type { Param } from './caller-args';
import { statedSource, type EvalScope, type Value } from './value';

/** A value a caller passes: where (`at` in `sc`; `call`, the offset of the call's name), whether through a name
 * (`passed`), and the run-time expression that states it as its default (`late`). */
export type Passed = { v: Value; sc: EvalScope; at: number; passed: boolean; late?: string; own?: true; call?: number };

/** What the callers `found` pass for parameter `pname` of `name`, merged: the largest number, the longest list, the
 * dearest of several values with the others named. */
export function merged(found: Passed[], s: EvalScope, param: number, pname: string, name: string, own: Param, cls: number, wide: boolean, omitted: boolean, key: string | undefined, dflt: Value | undefined): Value | undefined {
  if (omitted && dflt) found.push({ v: dflt, sc: s, at: param, passed: true });
  // A VS Code extension's settings object passed down (`this.route(config)` after `config =
  // vscode.workspace.getConfiguration('x')`, vscode-settings.ts): its `get(…)` reads the same settings in the callee,
  // when every caller passes the one section.
  if (found.some((x) => x.v.obj?.kind === 'vscode-settings')) return sameSettings(found);
  const many = found.length > 1;
  const callee = `${cls >= 0 ? 'new ' : ''}${name}()${wide ? '' : ' in this file'}`;
  const label = key !== undefined && own.key === undefined ? `${pname}.${key}` : pname;
  // Callers that pass different values: each value is named by how many pass it, never as what "every caller" passes
  // (held40 C03, C04); the worst case of them is priced (the largest number, the dearest model, the longest text).
  const same = (x: Passed) => found.filter((y) => y.v.num === x.v.num && y.v.str === x.v.str).length;
  const agree = found.every((x) => same(x) === found.length);
  const what = omitted
    ? `${pname} as the callers of ${callee} pass it, or its default`
    : `${label} as ${many ? (agree ? 'every' : 'one') : 'the only'} caller of ${callee} passes it`;
  const whatOf = (x: Passed) =>
    omitted || agree ? what : x.v.num !== undefined ? `${label} as the largest value the ${found.length} callers of ${callee} pass` : `${label} as ${same(x)} of the ${found.length} callers of ${callee} pass${same(x) === 1 ? "es" : ""} it`;
  // A member of a name passed on is named where it is defined (config.ts's `model: "…"`), as any name's value is.
  const from = (x: (typeof found)[number]) => (x.passed && x.v.source ? x.v.source : statedSource(x.sc, whatOf(x), x.v, x.sc.toks[x.at].start));
  if (found.every((x) => x.v.num !== undefined)) {
    const max = found.reduce((a, b) => (b.v.num! > a.v.num! ? b : a));
    const rest = [...new Set(found.filter((x) => x !== max).map((x) => x.v.num!))].filter((n) => n !== max.v.num);
    const out: Value = { ...max.v, source: from(max) };
    // Each caller states its number: the limit is from code, per caller, not chosen at run time (held40 C03). Each
    // caller's place and number are kept, so its own cost can be told (held43 C14/C25, kotbot: 1024, 512, 512).
    const callers = found.map((x) => ({ file: x.sc.file, offset: x.sc.toks[x.at].start, text: '', num: x.v.num!, ...(x.call !== undefined ? { call: x.call } : {}) }));
    if (rest.length) Object.assign(out, { others: rest, byCaller: true, source: out.source && { ...out.source, callers } });
    return out;
  }
  const values = found.map((x) => ({ ...x.v, source: from(x) }));
  // Lists (messages): each caller's is a path that runs; the one with the most known text is priced (list-callers.ts).
  if (many && values.some((v) => v.obj?.kind === 'table')) return longestList(values, pname, name);
  return many ? withCallers(alternatives(values, what), found) : values[0];
}

/**
 * A text merged from callers that pass different ones (`lib.Ask(lib.SubjectPrompt(diff))` and
 * `lib.Ask(lib.ReleaseNotesPrompt(diff))`, ydammatsu/git-ai-tools main.go): the longest is counted, the worst case;
 * its source names every caller's place and text, so the hover can say the count varies by caller and by how much.
 */
export function withCallers(v: Value | undefined, found: readonly { v: Value; sc: EvalScope; at: number; call?: number }[]): Value | undefined {
  const late = (x: (typeof found)[number]) => x.v.runtime !== undefined && x.v.str === undefined;
  if (!v?.source || v.str === undefined || v.num !== undefined || (!v.others?.length && !found.some(late)) || found.length < 2) return v;
  if (!found.every((x) => late(x) || (x.v.str !== undefined && x.v.num === undefined))) return v;
  // A caller whose text is known only at run time is listed so, with no count of its own.
  const callers = found.map((x) => ({ file: x.sc.file, offset: x.sc.toks[x.at].start, text: x.v.str ?? '', ...(late(x) ? { runtime: true as const } : {}), ...(x.v.others?.length ? { several: true as const } : {}), ...(x.call !== undefined ? { call: x.call } : {}) }));
  return { ...v, source: { ...v.source, callers } };
}

/** A text of several words (a prompt), never a model id or a number. */
export const isProse = (v: Value) => v.str !== undefined && v.num === undefined && /\s/.test(v.str.trim());

/** `v` with its From naming the callers left out as never called. */
export function named(v: Value | undefined, dropped: string[]): Value | undefined {
  if (!v?.source || !dropped.length) return v;
  const what = v.source.what.replace(/ as (the only|every) caller of /, (_, w: string) => ` as ${w} called caller of `);
  return { ...v, source: { ...v.source, what: `${what}; ${dropped.join(', ')}, passing another, ${dropped.length > 1 ? 'are' : 'is'} never called` } };
}

/** `dflt` as the stated value of a parameter a caller passes `late` for, its From saying so. */
export function lateOverDefault(late: string, dflt: Value): Value {
  const source = dflt.source && { ...dflt.source, what: `${dflt.source.what}; a caller passes ${late}, known at run time` };
  return { runtime: late, stated: source ? { ...dflt, source } : dflt, overridden: true };
}

/** The one settings section every caller passes, else undefined (run time). */
function sameSettings(found: Passed[]): Value | undefined {
  const first = found[0].v.obj;
  if (first?.kind !== 'vscode-settings') return undefined;
  return found.every((x) => x.v.obj?.kind === 'vscode-settings' && x.v.obj.section === first.section && x.v.obj.scope.file === first.scope.file) ? found[0].v : undefined;
}
