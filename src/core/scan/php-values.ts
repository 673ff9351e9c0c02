// PHP functions whose value the code states: `implode("\n\n", ['…', "…{$x}…"])` (a prompt built from literal parts),
// Laravel's `config('services.anthropic.model', 'd')` read from config/services.php, and `env('X', 'd')` there.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname, join } from '../resolve/files';
import { at, label, type EvalScope, type Value } from './value';
import { args } from './calls';
import { evaluate } from './evaluate';
import { envValue } from './env';
import { phpInt } from './type-casts';
import { readPromptFile } from './file-reads';

type Arg = { key?: string; from: number; to: number };

/** A PHP function call `fn(…)` the evaluator knows; undefined for any other. */
export function phpCall(s: EvalScope, fn: string, a: Arg[], arg: (n: number) => Value | undefined, depth: number): Value | undefined {
  switch (fn) {
    // php.net implode(string $separator, array $array), and its alias join: the array's elements joined.
    case 'implode':
    case 'join':
      return a.length === 2 ? implode(arg(0), arg(1), depth) : undefined;
    // Laravel's env($key, $default) (Illuminate\Support\Env::get): the default written here, else what
    // .env.example documents (never .env).
    case 'env': {
      const key = arg(0)?.str;
      if (key === undefined) return undefined;
      const d = a.length >= 2 ? arg(1) : undefined;
      if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: { file: s.file, offset: at(s, a[1].from), what: `default of env ${key}` } };
      return envValue(s, key);
    }
    // Laravel's view($name) (Illuminate\Foundation\helpers.php view(); FileViewFinder: the dots are folders under
    // resources/views, `.blade.php` first): the template's text, a `{{ $x }}` echo a hole. Prism renders a View given
    // to withSystemPrompt (src/Concerns/HasPrompts.php, `string|View $message`).
    case 'view': {
      const name = a.length >= 1 && !a[0].key ? arg(0) : undefined;
      if (name?.str === undefined || name.holes?.length || name.str.includes('::')) return a.length ? { runtime: 'view(…)' } : undefined;
      return readPromptFile(s, `resources/views/${name.str.split('.').join('/')}.blade.php`);
    }
    // Laravel's config($key, $default) (Illuminate\Foundation\helpers.php config(): Config\Repository::get, dot
    // notation into config/<file>.php's returned array): the value written there, else the default given here.
    case 'config': {
      if (a.length < 1 || a.length > 2 || a[0].key) return undefined;
      const key = arg(0);
      if (key?.str === undefined || key.holes?.length) return undefined;
      const v = configValue(s, key.str, depth);
      if (v) return v;
      const d = a.length === 2 ? arg(1) : undefined;
      if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: d.source ?? { file: s.file, offset: at(s, a[1].from), what: `default of config ${key.str}` } };
      return { runtime: `config('${key.str}')` };
    }
    // php.net intval(mixed $value, int $base = 10): the value's integer, as `(int)` makes it (type-casts.ts).
    case 'intval':
      return a.length === 1 && !a[0].key ? phpInt(arg(0)) : undefined;
    // WordPress get_option($option, $default = false) (wp-includes/option.php): the value saved in the site's options
    // table, the default when the option was never saved. The saved value is known at run time only; the default is
    // the one the code states, named so (held62 W1: `get_option('x_max_tokens', '100')` passed down as the limit).
    case 'get_option': {
      if (a.length < 1 || a.length > 3 || a[0].key) return undefined;
      const key = arg(0);
      if (key?.str === undefined || key.holes?.length) return undefined;
      const d = a.length >= 2 ? arg(1) : undefined;
      if (d && d.runtime === undefined && !d.holes?.length && (d.str !== undefined || d.num !== undefined)) return { ...d, source: { file: s.file, offset: at(s, a[1].from), what: `default of option ${key.str}` } };
      return { runtime: `get_option('${key.str}')` };
    }
    // php.net strtr(string $string, array $replace_pairs): each key found replaced by its value, longest keys first,
    // in one pass (a template runner's `strtr($this->template, ['{topic}' => $topic])`); a run-time value is a named hole.
    case 'strtr':
      return a.length === 2 && !a.some((x) => x.key) ? strtr(arg(0), arg(1), label(s, a[1].from, a[1].to), depth) : undefined;
    default:
      return undefined;
  }
}

/** Pairs of a strtr() read at most. */
const MAX_PAIRS = 64;

/**
 * strtr's array form on a known text: the pairs' literal keys replaced; pairs known only at run time (`strtr($template,
 * $variables)`) leave the text as written, the pairs a named hole; undefined when a key is not a known text.
 */
function strtr(subject: Value | undefined, pairs: Value | undefined, pairsLabel: string, depth: number): Value | undefined {
  const o = pairs?.obj;
  if (subject?.str === undefined || subject.runtime !== undefined) return undefined;
  if (!o || pairs?.runtime !== undefined) return { ...subject, lit: undefined, holes: [...(subject.holes ?? []), pairs?.runtime ?? pairsLabel] };
  if (o.kind !== 'table' || !isP(o.scope.toks[o.open], '[')) return undefined;
  const sc = o.scope;
  const map: { key: string; text: string; hole?: string }[] = [];
  for (const e of args(sc, o.open, sc.match[o.open]).slice(0, MAX_PAIRS)) {
    const kt = sc.toks[e.from];
    if (kt?.t !== T.Str || kt.holes?.length || !isP(sc.toks[e.from + 1], '=>') || e.from + 2 >= e.to) return undefined;
    const v = evaluate(sc, e.from + 2, e.to, depth + 1);
    const known = v && v.runtime === undefined && !v.obj && (v.str !== undefined || v.num !== undefined);
    if (kt.v !== '') map.push(known ? { key: kt.v, text: String(v.str ?? v.num), hole: v.holes?.join(', ') } : { key: kt.v, text: '', hole: label(sc, e.from + 2, e.to) });
  }
  map.sort((x, y) => y.key.length - x.key.length);
  const str = subject.str;
  const holes = [...(subject.holes ?? [])];
  let out = '';
  for (let i = 0; i < str.length; ) {
    const m = map.find((x) => str.startsWith(x.key, i));
    if (!m) {
      out += str[i++];
      continue;
    }
    out += m.text;
    if (m.hole && !holes.includes(m.hole)) holes.push(m.hole);
    i += m.key.length;
  }
  const v: Value = { ...subject, str: out, lit: undefined };
  if (holes.length) v.holes = holes;
  else delete v.holes;
  return v;
}

/** Elements of an array joined: a known text for each literal, a named hole for each run-time one. */
function implode(sep: Value | undefined, list: Value | undefined, depth: number): Value | undefined {
  const o = list?.obj;
  if (sep?.str === undefined || o?.kind !== 'table' || !isP(o.scope.toks[o.open], '[')) return undefined;
  const sc = o.scope;
  const close = sc.match[o.open];
  let str = '';
  const holes: string[] = [...(sep.holes ?? [])];
  let n = 0;
  for (const e of args(sc, o.open, close)) {
    // `'key' => 'value'`: implode joins the values.
    const from = isP(sc.toks[e.from + 1], '=>') ? e.from + 2 : e.from;
    if (from >= e.to) continue;
    if (n++) str += sep.str;
    const v = evaluate(sc, from, e.to, depth + 1);
    if (v?.str !== undefined && v.runtime === undefined) {
      str += v.str;
      if (v.holes) holes.push(...v.holes);
    } else holes.push(label(sc, from, e.to));
  }
  if (!n) return undefined;
  // No source of its own: the binding or helper it is read through names where it is written.
  const out: Value = { str };
  if (holes.length) out.holes = holes;
  return out;
}

/** Folders above a file looked up for its app's config/ folder (a module's file sits a few folders deeper). */
const CONFIG_UP = 6;

/** The app's config/<name>.php above the file (Laravel's config folder), its path; undefined when there is none. */
export function configFile(s: Pick<EvalScope, 'file' | 'index'>, name: string): string | undefined {
  const idx = s.index;
  if (!idx || !s.file) return undefined;
  for (const d of ancestors(dirname(s.file), CONFIG_UP)) {
    const p = join(d, 'config', `${name}.php`);
    if (idx.text(p) !== undefined) return p;
  }
  return undefined;
}

/** Keys of a dotted config name followed at most. */
const MAX_KEYS = 8;

/** `services.anthropic.summary_model`: the value config/services.php's returned array holds there. */
function configValue(s: EvalScope, key: string, depth: number): Value | undefined {
  const [name, ...path] = key.split('.');
  if (!name || !path.length || path.length > MAX_KEYS || !/^[\w-]+$/.test(name)) return undefined;
  const file = configFile(s, name);
  const sc = file ? s.index!.scope(file) : undefined;
  if (!sc) return undefined;
  const { toks, match } = sc;
  let open = -1;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (isId(toks[k]) && toks[k].v === 'return' && isP(toks[k + 1], '[')) {
      open = k + 1;
      break;
    }
  }
  for (let p = 0; p < path.length && open >= 0; p++) {
    const close = match[open];
    if (close < 0) return undefined;
    let value = -1;
    for (const e of args(sc, open, close)) {
      const kt = toks[e.from];
      if (kt?.t === T.Str && kt.v === path[p] && !kt.holes?.length && isP(toks[e.from + 1], '=>')) {
        value = e.from + 2;
        if (p === path.length - 1) {
          const v = evaluate(sc, value, e.to, depth + 1);
          if (!v || v.obj) return undefined;
          if (v.runtime !== undefined) return { runtime: `config('${key}') (${v.runtime})` };
          return { ...v, source: { file: sc.file, offset: at(sc, e.from), what: `${key} in config/${name}.php${v.source ? ` (${v.source.what})` : ''}` } };
        }
        break;
      }
    }
    open = value >= 0 && isP(toks[value], '[') ? value : -1;
  }
  return undefined;
}
