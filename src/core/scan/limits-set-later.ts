// A limit set on a request between its definition and the call that sends it (`params["max_tokens"] = n`,
// `params.update(max_tokens=n)`), in one branch or on every path.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readNumber, type Ctx } from './values';
import { exprEnd } from './scope';
import { firstOnLine, indentAt, isRubyModifier } from './body-ends';
import { lineStartOf } from './run-index';
import type { LimitRef } from '../types';
import { LIMIT_KEYS, normKey } from './call-keys';
import { label } from './value';
import { walkKeys, type Found } from './keys';
import { LIMIT_CONTAINERS, containerValue, nestedLimit } from './nested-limit';
import { MAX_CHANGE_SEARCH, type Request } from './request-defs';
import { keyName } from './computed-keys';
import { modelBranch, valueGuard } from './model-branch-limits';

/**
 * `params["max_tokens"] = n` / `params.max_tokens = n` / `params.update(max_tokens=n)` between a request's definition
 * and its call (mem0ai/mem0 llms/litellm.py sets the limit so, in one branch or another). A line at the definition's
 * indentation replaces what the request held; one indented deeper (a branch) is another value the limit can take:
 * every value is kept, the largest is the worst case, and one known only at run time makes the limit run time.
 * A limit written in the call itself wins and nothing is read.
 */
export function limitSetLater(c: Ctx, f: Found, name: string, req: Request, to: number): boolean {
  const { toks, match, text } = c;
  if (f.limit || f.limitUnresolved) return false;
  const from = req.end;
  // Every line between the request and the call may set its limit: the keystroke path keeps them live.
  if (to > from + 1) c.read?.push({ start: toks[from].start, end: toks[Math.min(to, from + MAX_CHANGE_SEARCH) - 1].end });
  const base = indentAt(text, lineStartOf(c, toks[req.start].start));
  let values: LimitRef[] = req.found.limit ? [req.found.limit] : [];
  let runtime = req.found.limit ? undefined : req.found.limitUnresolved;
  let changed = false;
  // Set only in branches, with no value before them and no `else` at the definition's level: on some path no limit.
  let onEveryPath = values.length > 0 || runtime !== undefined;
  let branchKey = '';
  let branchRuntime: string | undefined;
  let firstBranch = -1;
  const atBase = (k: number) => firstOnLine(text, toks[k].start) && indentAt(text, lineStartOf(c, toks[k].start)) <= base;
  const set = (k: number, v: LimitRef | undefined, unresolved: string | undefined, modifier = false, expr?: [number, number]) => {
    // In an `if` that tests the request's known model (model-branch-limits.ts): not on its path, or on it; in an `if`
    // that tests the known value itself (`if (n > 0) { body.max_tokens = n }`): on it.
    const mb = atBase(k) ? undefined : modelBranch(c, k, req.found.model ? req.found : f) ?? (v && expr ? valueGuard(c, k, expr[0], expr[1], v.value) : undefined);
    if (mb?.runs === false) return;
    changed = true;
    // Starting its own line at the request's indentation: on every path. After `if fast:` / `if (fast)` on the same
    // line, or indented deeper, or before Ruby's modifier `if` / `unless` (`params[:max_tokens] = n if n`): in a branch.
    if (!modifier && (atBase(k) || (mb && atBase(mb.head) && toks[mb.head - 1]?.v !== 'else'))) {
      [values, runtime, branchRuntime] = [v ? [v] : [], v ? undefined : unresolved, undefined];
      onEveryPath = true;
    } else {
      if (firstBranch < 0) firstBranch = k;
      if (v) {
        values.push(v);
        branchKey ||= v.key;
      } else branchRuntime ??= unresolved;
    }
  };
  for (let k = from + 1; k + 3 < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    // `params.update(max_tokens=500)` / `params.update({"max_tokens": 500})`: the keys it adds.
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'update' && isP(toks[k + 3], '(') && match[k + 3] > k + 3) {
      const added: Found = { parts: [], messages: 0 };
      walkKeys(c, added, k + 4, match[k + 3]);
      if (c.limitNested && !added.limit && !added.limitUnresolved) nestedLimit(c, added, k + 4, match[k + 3], to);
      if (added.limit && !added.limit.others?.length) set(k, added.limit, undefined);
      else if (added.limit || added.limitUnresolved) set(k, undefined, added.limitUnresolved ?? 'update');
      continue;
    }
    let key = -1;
    let eq = -1;
    if (isP(toks[k + 1], '[') && (toks[k + 2]?.t === T.Str || isId(toks[k + 2])) && isP(toks[k + 3], ']')) [key, eq] = [k + 2, k + 4];
    // Ruby `params[:max_tokens] = n`: a symbol key.
    else if (c.syn.id === 'ruby' && isP(toks[k + 1], '[') && isP(toks[k + 2], ':') && isId(toks[k + 3]) && isP(toks[k + 4], ']')) [key, eq] = [k + 3, k + 5];
    else if (isP(toks[k + 1], '.') && isId(toks[k + 2])) [key, eq] = [k + 2, k + 3];
    if (key < 0 || !isP(toks[eq], '=')) continue;
    let end = Math.min(exprEnd(c, eq + 1), to);
    // Ruby's modifier `if` / `unless` after the value (`params[:max_tokens] = n if n`): the value ends there (exprEnd).
    const cut = c.syn.id === 'ruby' && end < to && isRubyModifier(c.text, toks, end) ? end : -1;
    if (end <= eq + 1) continue;
    // `params[limit_key] = n`: the key is the name's value (computed-keys.ts).
    const named = isP(toks[key - 1], '[') && isId(toks[key]) ? keyName(c, key, key + 1) : undefined;
    // A key that cannot be read may be the limit, unless the request already sets one by its name.
    if (named && 'unknown' in named) {
      if (!req.found.limit) set(k, undefined, `${named.unknown} (a key known only at run time)`);
      continue;
    }
    if (named && 'other' in named) continue;
    const k2 = named && 'limit' in named ? 'maxtokens' : normKey(named && 'name' in named ? named.name : toks[key].v);
    // `params["options"] = options` on an SDK whose limit lives in that object (Ollama, Bedrock, Gemini).
    if (c.limitNested && LIMIT_CONTAINERS.has(k2)) {
      const inner: Found = { parts: [], messages: 0 };
      containerValue(c, inner, eq + 1, end, to);
      if (inner.limit || inner.limitUnresolved) set(k, inner.limit?.others?.length ? undefined : inner.limit, inner.limitUnresolved);
      continue;
    }
    if (!LIMIT_KEYS.has(k2)) continue;
    // `params["max_tokens"] = None`: no limit set on this line.
    if (end === eq + 2 && NO_VALUE.test(toks[eq + 1].v)) continue;
    const n = readNumber(c, eq + 1, end);
    set(k, n && !n.others?.length ? { ...n, key: toks[key].v } : undefined, label(c, eq + 1, end), cut > 0, [eq + 1, end]);
  }
  if (!changed) return false;
  const everyPath = onEveryPath || (firstBranch >= 0 && elseAtLevel(c, firstBranch, to, base));
  if (!everyPath && !runtime && values.length) runtime = branchRuntime ?? `${branchKey} (set in some branches only)`;
  // `if request.MaxTokens != nil { body.MaxTokens = *request.MaxTokens } else { body.MaxTokens = 4096 }` (mods): a
  // value given at run time in one branch, a known one on every other path — a default, priced like a parameter's.
  const defaultOf = !runtime && branchRuntime && values.length ? branchRuntime : undefined;
  if (!defaultOf) runtime ??= branchRuntime;
  if (runtime) {
    f.limitUnresolved = runtime;
    return true;
  }
  const distinct = [...new Map(values.map((v) => [v.value, v])).values()].sort((x, y) => y.value - x.value);
  if (!distinct.length) return false;
  const [hi, ...lo] = distinct;
  f.limit = lo.length ? { ...hi, others: lo.map((v) => v.value) } : hi;
  if (defaultOf) f.limit = { ...f.limit, source: { ...(hi.source ?? { offset: hi.span.start }), what: `default when not ${defaultOf}` } };
  if (lo.length) f.limitUnresolved = [...new Set(distinct.map((v) => v.key))].join(' / ');
  return false;
}

/**
 * The if whose branch sets the limit at token `at` has an `else` arm (or a switch a `default:`) before the call:
 * from the line that opens that if at the request's indentation `indent`, its chain (`elif`, `else if`, `} else {`)
 * is followed; any other statement back at that indentation ends it.
 */
function elseAtLevel(c: Ctx, at: number, to: number, indent: number): boolean {
  const { toks, text } = c;
  const lineAt = (k: number) => firstOnLine(text, toks[k].start) && indentAt(text, lineStartOf(c, toks[k].start)) <= indent;
  let head = -1;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_CHANGE_SEARCH; k--, n++) {
    // Go writes `case …:` / `default:` at the switch's own indentation: the switch is further up.
    if (lineAt(k) && !(isId(toks[k]) && (toks[k].v === 'case' || toks[k].v === 'default'))) {
      head = k;
      break;
    }
  }
  if (head < 0 || !isId(toks[head]) || (toks[head].v !== 'if' && toks[head].v !== 'switch' && toks[head].v !== 'match')) return false;
  for (let k = head + 1, n = 0; k < to && n < MAX_CHANGE_SEARCH; k++, n++) {
    const v = toks[k].v;
    if ((v === 'default' && isP(toks[k + 1], ':')) || (v === 'case' && toks[k + 1]?.v === '_')) return true;
    if (!lineAt(k)) continue;
    if (v === 'else') return true;
    if (v === 'elif' || v === 'elsif' || v === 'case') continue;
    if (isP(toks[k], '}') && toks[k + 1]?.v === 'else') return true;
    if (isP(toks[k], '}')) continue;
    return false;
  }
  return false;
}

/** A value that sets nothing. */
const NO_VALUE = /^(None|null|nil|undefined)$/;

/**
 * A plain HTTP body held in a local (Go `reqBody := map[string]any{…}` sent as `json.Marshal(reqBody)`, held40 C05):
 * a limit set on it before the send (`if maxTokens > 0 { reqBody["max_tokens"] = maxTokens }`) is read as for an SDK
 * request; the body's own keys, already in `f`, are its definition's.
 */
export function bodySetLater(c: Ctx, f: Found, name: string, from: number, to: number, callStart: number): void {
  const own = { limit: f.limit, limitUnresolved: f.limitUnresolved };
  const req: Request = { found: { parts: [], messages: 0, ...own }, start: from, end: to - 1 };
  f.limit = f.limitUnresolved = undefined;
  limitSetLater(c, f, name, req, callStart);
  if (!f.limit && !f.limitUnresolved) Object.assign(f, own);
}
