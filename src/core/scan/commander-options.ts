// Command-line options declared with commander (https://github.com/tj/commander.js README): `program.command("start")
// .option("-m, --model <string>", "Select chatGPT model", "text-davinci-003").action(async (options) => { … })`
// (held-out sayai bin/index.mjs, its options passed on to `createTalk(options)` in another module). From the README:
// `.option(flags, description, default)` states the option's default as its third argument ("Default option value"),
// after a custom processing function when one is given ("You can optionally specify the default/starting value for
// the option after the function parameter"); a multi-word option is camel-cased (`--template-engine` becomes
// `templateEngine`); "The action handler gets passed a parameter for each command-argument you declared, and two
// additional parameters which are the parsed options and the command object itself"; `.opts()` gives the parsed
// options of a command. The options are a CLI object (cli-options.ts): a member is the user's value at run time, else
// the default the code states.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import { importsOf } from './imported';
import { calledNames } from './names-followed';
import type { EvalScope, Value } from './value';

/** Tokens walked back from a parameter to its list's bracket, and links of a chain read, at most. */
const MAX_BACK = 64;
const MAX_LINKS = 200;

/** The module names commander is imported from. */
const COMMANDER = new Set(['commander', 'commander/esm.mjs']);

function usesCommander(s: EvalScope): boolean {
  // The module strings are read (`"commander"` -> `"commandexr"` unmakes it): the keystroke path keeps them live.
  for (const b of importsOf(s).names.values()) {
    s.read?.push(b.span);
    if (COMMANDER.has(b.from)) return true;
  }
  return false;
}

/** The options object commander passes the action handler whose parameter is token `param`, or undefined. */
export function actionOptions(s: EvalScope, param: number, depth: number): Value | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'javascript') return undefined;
  // `options => …` straight in `.action(`, else the handler's parameter list `(name, options) =>` / `function (options)`.
  let open = isP(toks[param + 1], '=>') && isP(toks[param - 1], '(') ? -1 : listOpen(s, param);
  let place = 0;
  let fnAt = param;
  if (open >= 0) {
    for (let k = open + 1; k < param; k++) {
      if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
      else if (isP(toks[k], ',')) place++;
    }
    fnAt = open;
    if (isId(toks[open - 1]) && toks[open - 1].v === 'function') fnAt = open - 1;
    else if (!isP(toks[match[open] + 1], '=>')) return undefined;
  }
  if (isId(toks[fnAt - 1]) && toks[fnAt - 1].v === 'async') fnAt--;
  const call = fnAt - 1;
  if (!isP(toks[call], '(') || toks[call - 1]?.v !== 'action' || !isP(toks[call - 2], '.') || !usesCommander(s)) return undefined;
  const chain = links(s, call - 2);
  s.read?.push({ start: toks[call - 2].start, end: toks[param].end });
  // The handler's parameters: the command's arguments first, then the options.
  if (place !== declaredArguments(s, chain)) return undefined;
  return { obj: { kind: 'cli', options: optionsOf(s, chain, depth) } };
}

/** The words this reads outside a call: an edit that makes or breaks one changes the options (editor/incremental.ts). */
export const COMMANDER_WORDS = ['action', 'opts', 'option', 'requiredOption', 'command', 'argument', 'arguments'];

/** `name` used at offset `pos` inside an `.action(…)` handler that takes it as a parameter (an arrow's parameters are
 * no bindings of the file's scope): the options commander passes it, or undefined. */
export function actionParam(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks, match } = s;
  for (const k of calledNames(toks).get('action') ?? []) {
    const close = match[k + 1];
    if (!isP(toks[k - 1], '.') || !(close > k + 1) || !(toks[k + 1].start < pos && pos < toks[close].start)) continue;
    let j = k + 2;
    if (isId(toks[j]) && toks[j].v === 'async') j++;
    if (isId(toks[j]) && toks[j].v === 'function') j++;
    if (isId(toks[j]) && toks[j].v === name && isP(toks[j + 1], '=>')) return actionOptions(s, j, depth);
    if (!isP(toks[j], '(') || !(match[j] > j)) continue;
    for (let q = j + 1; q < match[j]; q++) {
      if ((isP(toks[q], '(') || isP(toks[q], '[') || isP(toks[q], '{')) && match[q] > q) q = match[q];
      else if (isId(toks[q]) && toks[q].v === name && (isP(toks[q - 1], '(') || isP(toks[q - 1], ','))) return actionOptions(s, q, depth);
    }
  }
  return undefined;
}

/** `X.opts()` where X is bound to commander's `new Command()` / `createCommand()` or is its imported `program`: the
 * options every `X.option(…)` chain of the file declares before a `.command(` starts a subcommand. */
export function optsCall(s: EvalScope, names: string[], depth: number): Value | undefined {
  if (s.syn.id !== 'javascript' || names.length !== 2 || names[1] !== 'opts' || !usesCommander(s)) return undefined;
  const { toks } = s;
  const recv = names[0];
  const options = new Map<string, Value>();
  for (let k = 0; k + 3 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== recv || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.')) continue;
    const chain: { name: string; open: number }[] = [];
    for (let j = k + 1; isP(toks[j], '.') && isId(toks[j + 1]) && isP(toks[j + 2], '(') && s.match[j + 2] > j + 2 && chain.length < MAX_LINKS; j = s.match[j + 2] + 1) {
      if (toks[j + 1].v === 'command') break;
      chain.push({ name: toks[j + 1].v, open: j + 2 });
    }
    for (const [key, v] of optionsOf(s, chain, depth)) options.set(key, v);
  }
  return options.size ? { obj: { kind: 'cli', options } } : undefined;
}

/** The bracket opening the parameter list that holds toks[param]. */
function listOpen(s: EvalScope, param: number): number {
  const { toks, match } = s;
  for (let k = param - 1, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    if ((isP(toks[k], ')') || isP(toks[k], ']') || isP(toks[k], '}')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '(')) return match[k] > param ? k : -1;
    else if (isP(toks[k], '[') || isP(toks[k], '{')) return -1;
  }
  return -1;
}

/** The calls of a chain ending at the `.` toks[dot] (`program.command("x").option(…).action`), nearest first, up to the
 * command they configure (`.command(` included, a parent's links before it left out). */
function links(s: EvalScope, dot: number): { name: string; open: number }[] {
  const { toks, match } = s;
  const out: { name: string; open: number }[] = [];
  for (let k = dot - 1; isP(toks[k], ')') && match[k] >= 0 && match[k] < k && out.length < MAX_LINKS; ) {
    const open = match[k];
    if (!isId(toks[open - 1]) || !isP(toks[open - 2], '.')) break;
    out.push({ name: toks[open - 1].v, open });
    if (toks[open - 1].v === 'command') break;
    k = open - 3;
  }
  return out.reverse();
}

/** The command-arguments a chain declares: `.command("clone <source> [dest]")`, `.argument("<name>")`, `.arguments(…)`. */
function declaredArguments(s: EvalScope, chain: { name: string; open: number }[]): number {
  let n = 0;
  for (const { name, open } of chain) {
    if (name !== 'command' && name !== 'argument' && name !== 'arguments') continue;
    const first = s.toks[open + 1];
    if (first?.t !== T.Str) continue;
    for (const w of first.v.split(' ')) if (w.startsWith('<') || w.startsWith('[')) n++;
  }
  return n;
}

/** Each `.option(flags, description, default)` / `.requiredOption(…)` of the chain with a stated default, by name. */
function optionsOf(s: EvalScope, chain: { name: string; open: number }[], depth: number): Map<string, Value> {
  const { toks, match } = s;
  const out = new Map<string, Value>();
  for (const { name, open } of chain) {
    if (name === 'command') out.clear();
    if (name !== 'option' && name !== 'requiredOption') continue;
    const a = args(s, open, match[open]);
    const flags = toks[open + 1];
    if (!a[0] || a[0].to !== a[0].from + 1 || flags?.t !== T.Str || a.length < 3) continue;
    const key = optionKey(flags.v);
    if (!key) continue;
    // A custom processing function before the default (`parseFloat`, an arrow): the default is the argument after it.
    let v = evaluate(s, a[2].from, a[2].to, depth + 1);
    let at = a[2].from;
    if ((!v || (v.str === undefined && v.num === undefined)) && a[3]) [v, at] = [evaluate(s, a[3].from, a[3].to, depth + 1), a[3].from];
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) continue;
    s.read?.push({ start: toks[open - 1].start, end: toks[match[open]].end });
    out.set(key, { ...v, fallback: true, source: { file: s.file, offset: toks[at].start, what: `default of CLI option ${longFlag(flags.v)}` } });
  }
  return out;
}

/** The option's long flag as written (`--max-tokens`). */
function longFlag(flags: string): string {
  return flags.split(/[ ,|]/).find((w) => w.startsWith('--')) ?? flags;
}

/** The attribute commander names an option by: its long flag camel-cased (`--max-tokens <n>` → `maxTokens`); a negated
 * `--no-x` or a short flag alone: none read. */
function optionKey(flags: string): string | undefined {
  for (const w of flags.split(/[ ,|]/)) {
    if (!w.startsWith('--') || w.startsWith('--no-')) continue;
    const bare = w.slice(2);
    return /^[A-Za-z][\w-]*$/.test(bare) ? bare.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : undefined;
  }
  return undefined;
}
