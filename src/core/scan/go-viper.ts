// Go settings read through spf13/viper (held-out sample 3, ekkinox/yai config/config.go: `model:
// viper.GetString(openai_model)` in a literal of the config struct, the first run's `viper.Set(openai_model,
// openai.GPT3Dot5Turbo)` and `viper.SetDefault(openai_max_tokens, 1000)` before the file is written). A read gives
// what the module's `viper.SetDefault(key, v)` / `viper.Set(key, v)` state for its key, when they agree, named as
// where it came from: viper takes an explicit Set first, then a flag, the environment, the config file, a key/value
// store and a SetDefault last, and its keys are case-insensitive (spf13/viper README.md: its precedence list, "Viper
// configuration keys are case insensitive", "Establishing Defaults"), so what the code states is a default the file
// or the environment can replace at run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import { importsOf } from './imported';
import { goModule, moduleGoFiles } from './go-importers';
import { goPackageFiles } from '../resolve/modules';
import { basename, dirname } from '../resolve/files';
import { yamlValue } from './go-yaml-config';
import { isSecretKey } from './config-loads';
import { tables } from './scope';
import type { EvalScope, Value } from './value';

const VIPER = 'github.com/spf13/viper';
/** The typed getters of a scalar (viper.go GetString, GetInt…, GetFloat64). */
const GETTERS = /^Get(String|Int|Int32|Int64|Uint|Uint16|Uint32|Uint64|Float64)$/;
/** Set / SetDefault calls read for one key, at most. */
const MAX_SETS = 16;

/** `viper.GetString(KEY)` (`recv` the package viper as this file imports it): the value the module states for KEY. */
export function viperRead(s: EvalScope, recv: string, fn: string, key: Value | undefined, depth: number): Value | undefined {
  if (!GETTERS.test(fn) || key?.str === undefined || key.holes?.length || !s.index) return undefined;
  const imp = importsOf(s).names.get(recv);
  if (!imp || imp.name !== '*' || imp.from !== VIPER) return undefined;
  s.read?.push(imp.span);
  const idx = s.index;
  const want = key.str.toLowerCase();
  const mod = moduleGoFiles(s);
  const files = mod.length ? mod : goPackageFiles(idx.files, dirname(s.file));
  const sets: { v: Value; fn: string; scope: EvalScope; at: number }[] = [];
  const file: ConfigFile = { reads: false, names: new Set(), yaml: true };
  for (const f of files) {
    const text = f === s.file ? s.text : idx.text(f) ?? '';
    if (!text.includes(`"${VIPER}"`)) continue;
    if (text.includes('.ReadInConfig(')) configFileOf(text, file);
    if (!text.includes('.Set')) continue;
    const sc = f === s.file ? s : idx.scope(f);
    if (sc && !setsOf(sc, want, depth, sets)) return undefined;
  }
  // No Set / SetDefault names the key: the config file the program reads (`viper.ReadInConfig()`), when it is one
  // of the module's YAML files (meow-gpt config/application.yaml `OPENAI_MODEL: 'gpt-3.5-turbo'`).
  if (!sets.length) return file.reads && file.yaml ? configValue(s, key.str, fn, file) : undefined;
  const known = sets.filter(({ v }) => v.runtime === undefined && !v.holes?.length && (v.str !== undefined || v.num !== undefined));
  // An override known only at run time (`viper.Set(key, answer)`), or values that differ: not stated.
  if (!known.length || known.length < sets.length || new Set(known.map(({ v }) => v.str ?? v.num)).size !== 1) return undefined;
  const d = known.find((x) => x.fn === 'Set') ?? known[0];
  for (const x of sets) x.scope.read?.push({ start: x.scope.toks[x.at].start, end: x.scope.toks[x.at].end });
  const where = setIn(d.scope, d.at);
  const what = `viper.${d.fn} of ${key.str}${where ? ` in ${where}()` : ''} (the config file, the environment or a flag can set another at run time)`;
  const { v } = d;
  return { ...(v.str !== undefined ? { str: v.str } : { num: v.num }), source: { file: d.scope.file, offset: d.scope.toks[d.at].start, what } };
}

/** What the module tells viper of its config file: that it reads one, the names it gives it, whether it may be YAML. */
interface ConfigFile { reads: boolean; names: Set<string>; yaml: boolean }
const CONFIG_NAME = /\.SetConfigName\(\s*"([^"\n]+)"\s*\)/g;
const CONFIG_TYPE = /\.SetConfigType\(\s*"([^"\n]+)"\s*\)/g;
const CONFIG_PATH = /\.SetConfigFile\(\s*"([^"\n]+)"\s*\)/g;

/** Reads a file that calls ReadInConfig: the file names (SetConfigName, SetConfigFile) and types it sets. */
function configFileOf(text: string, out: ConfigFile): void {
  out.reads = true;
  for (const m of text.matchAll(CONFIG_NAME)) out.names.add(m[1]);
  for (const m of text.matchAll(CONFIG_TYPE)) if (!/^ya?ml$/i.test(m[1])) out.yaml = false;
  for (const m of text.matchAll(CONFIG_PATH)) {
    const name = basename(m[1]);
    if (!/\.ya?ml$/i.test(name)) out.yaml = false;
    out.names.add(name.replace(/\.ya?ml$/i, ''));
  }
}

/**
 * The key's value in the module's YAML files named as the config (any, when the code names none). Viper's keys are
 * case-insensitive and `.` walks into nested maps (README "Accessing nested keys"); the environment or a flag can
 * still set another at run time, which the source says.
 */
function configValue(s: EvalScope, key: string, fn: string, file: ConfigFile): Value | undefined {
  const idx = s.index;
  const mod = idx && goModule(idx.files, dirname(s.file));
  const path = key.split('.');
  if (!idx || !mod || path.some((k) => !k || isSecretKey(k))) return undefined;
  const only = file.names.size ? (f: string) => file.names.has(basename(f).replace(/\.ya?ml$/i, '')) : undefined;
  const shown = `viper.${fn}("${key}")`;
  // The key as written, then all lower or all upper case: the ways a file writes it in practice.
  const tried = new Set<string>();
  for (const p of [path, path.map((k) => k.toLowerCase()), path.map((k) => k.toUpperCase())]) {
    if (tried.has(p.join('.'))) continue;
    tried.add(p.join('.'));
    const v = yamlValue(idx, mod.root, p, shown, only);
    if (v) return v;
  }
  return undefined;
}

/** `viper.Set(key, v)` / `viper.SetDefault(key, v)` of one file whose key is `want`; false past the bound. */
function setsOf(s: EvalScope, want: string, depth: number, out: { v: Value; fn: string; scope: EvalScope; at: number }[]): boolean {
  const aliases = new Set([...importsOf(s).names].filter(([, b]) => b.name === '*' && b.from === VIPER).map(([n]) => n));
  const { toks, match } = s;
  for (let k = 0; k + 3 < toks.length; k++) {
    if (toks[k].t !== T.Id || !aliases.has(toks[k].v) || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || isP(toks[k - 1], '.')) continue;
    const fn = toks[k + 2].v;
    if ((fn !== 'Set' && fn !== 'SetDefault') || !isP(toks[k + 3], '(') || !(match[k + 3] > k + 3)) continue;
    const a = args(s, k + 3, match[k + 3]);
    if (a.length !== 2) continue;
    const key = evaluate(s, a[0].from, a[0].to, depth + 1);
    if (key?.str?.toLowerCase() !== want) continue;
    if (out.length >= MAX_SETS) return false;
    out.push({ v: evaluate(s, a[1].from, a[1].to, depth + 1) ?? { runtime: '?' }, fn, scope: s, at: a[1].from });
  }
  return true;
}

/** The function token `at` is in. */
function setIn(s: EvalScope, at: number): string | undefined {
  let own: string | undefined;
  let body = -1;
  for (const [name, list] of tables(s).fns) for (const f of list) if (f.body <= at && at < f.bodyEnd && f.body > body) [own, body] = [name, f.body];
  return own;
}
