// `this.settings.summary.model` of a TypeScript class field declared with the app's settings type (`settings:
// PluginSettings;`), where the app keeps one object of defaults of that type beside it (`export const
// DEFAULT_SETTINGS: PluginSettings = { summary: { model: 'gemma-3-12b-it', … } }`). An Obsidian plugin loads its
// settings as those defaults merged with what the user saved (`this.settings = Object.assign({}, DEFAULT_SETTINGS,
// await this.loadData())`, the form of obsidianmd/obsidian-sample-plugin main.ts loadSettings), and Chrome and VS Code
// extensions do the same with their stores: what runs is the saved value when the user changed it, else the default.
// The default is priced as a default (`fallback`), named "default of settings …" (held55 D1/D2:
// davidjconnolly/obsidian-ai-helper src/summarize.ts, src/chat/llmConnector.ts).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { classBody } from './ts-class-fields';
import { importsOf } from './imported';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import { member } from './members';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** How a settings default's source is named (conditions.ts reads a condition on one as the default's arm). */
export const SETTING_DEFAULT = 'default of settings ';

/** The name of an object of defaults: `DEFAULT_SETTINGS`, `defaultSettings`, `DEFAULTS`. */
const DEFAULTS_NAME = /^(?:DEFAULT[A-Z0-9_]*|default[A-Z]\w*)$/;
/** Modifiers before a class field's name. */
const MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'declare']);

/** `this.<field>.<keys…>` (use at toks[i]) of a field typed with a settings type whose defaults object the app declares. */
export function typedSettingsDefault(s: EvalScope, field: string, keys: string[], i: number, depth: number): Value | undefined {
  if (depth > MAX_DEPTH || !/\.tsx?$/.test(s.file)) return undefined;
  const type = fieldType(s, field, i);
  const home = type ? typeHome(s, type) : undefined;
  const at = home ? defaultsObject(home, type!) : -1;
  if (!home || at < 0) return undefined;
  const whole = evaluate(home, at + 5, exprEnd(home, at + 5), depth + 1);
  const v = whole?.obj ? member(home, whole, keys, at + 5, depth + 1) : undefined;
  if (!v || v.runtime !== undefined || v.obj || (v.str === undefined && v.num === undefined)) return undefined;
  const what = `${SETTING_DEFAULT}${keys.join('.')} (${home.toks[at + 1].v})`;
  return { ...v, source: { ...(v.source ?? { file: home.file, offset: home.toks[at + 1].start }), what }, fallback: true };
}

/** The type name a field of the class around toks[i] is declared with (`settings: PluginSettings;`, `private settings:
 * PluginSettings`, a constructor's `private settings: PluginSettings`), when it is one plain name. */
function fieldType(s: EvalScope, field: string, i: number): string | undefined {
  const { toks, match } = s;
  const body = classBody(toks, match, i);
  if (!body) return undefined;
  for (let k = body[0] + 1; k < body[1]; k++) {
    const tk = toks[k];
    if (!(tk.v === field && isId(tk))) {
      // A method's body is passed over; a constructor's parameters are read (parameter properties).
      if (isP(tk, '{') && match[k] > k) k = match[k];
      continue;
    }
    const prev = toks[k - 1];
    const member = isP(prev, '{') || isP(prev, '}') || isP(prev, ';') || isP(prev, '(') || isP(prev, ',') || MODIFIERS.has(prev.v);
    // A constructor's plain parameter (`(settings: X)`) is no field; a parameter property has a modifier.
    if (!member || ((isP(prev, '(') || isP(prev, ',')) && !MODIFIERS.has(prev.v))) continue;
    let e = k + 1;
    if (isP(toks[e], '!') || isP(toks[e], '?')) e++;
    if (!isP(toks[e], ':') || !isId(toks[e + 1])) continue;
    const end = toks[e + 2];
    if (!end || isP(end, ';') || isP(end, '=') || isP(end, ',') || isP(end, ')') || isP(end, '}') || s.text.slice(toks[e + 1].end, end.start).includes('\n')) return /^[A-Z]\w*$/.test(toks[e + 1].v) ? toks[e + 1].v : undefined;
  }
  return undefined;
}

/** The scope that declares `type`: the module it is imported from, or this file. */
function typeHome(s: EvalScope, type: string): EvalScope | undefined {
  const b = importsOf(s).names.get(type);
  if (!b) return s;
  if (b.name !== type || !s.index) return undefined;
  const path = s.index.module(s.file, b.from, s.syn.id);
  return path ? (s.index.scope(path) as EvalScope | undefined) : undefined;
}

/** The `const` of `const DEFAULT_SETTINGS: Type = {` declared at the top of the module (-1 when none, or several). */
function defaultsObject(s: EvalScope, type: string): number {
  let memo = found.get(s);
  if (!memo) found.set(s, (memo = new Map()));
  const hit = memo.get(type);
  if (hit !== undefined) return hit;
  const at = firstDefaults(s, type);
  memo.set(type, at);
  return at;
}

/** Defaults objects found, by module scope (a scope is remade when its text changes) and type name. */
const found = new KeyMemo<EvalScope, Map<string, number>>();

function firstDefaults(s: EvalScope, type: string): number {
  const { toks } = s;
  let at = -1;
  for (let k = 0; k + 5 < toks.length; k++) {
    if (toks[k].v !== 'const' || !isId(toks[k]) || !isId(toks[k + 1]) || !DEFAULTS_NAME.test(toks[k + 1].v)) continue;
    if (!isP(toks[k + 2], ':') || toks[k + 3].v !== type || !isP(toks[k + 4], '=') || !isP(toks[k + 5], '{')) continue;
    if (at >= 0) return -1;
    at = k;
  }
  return at;
}
