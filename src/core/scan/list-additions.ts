// What is added to a list kept in a variable between its definition and its use: `name.append(…)`, `name << …`,
// Go `append`, … (the list itself and how additions are priced: message-lists.ts).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { exprEnd, tables } from './scope';
import { pyBlocks } from './py-append-blocks';
import { goIfArms, goLoopClose, goPrepend } from './go-append-arms';

/** Tokens after a list's definition searched for an addition to it. */
const MAX_ADD_SEARCH = 5000;

export interface Additions {
  items: [number, number][];
  /** Go if chains appending: before items[at], one arm's items (message-lists addedBefore counts the dearest). */
  choices?: { at: number; arms: [number, number][][] }[];
  more?: true;
  loops?: string[];
  other?: true;
}

/** Words that repeat what follows them: an addition after one may run many times. */
const LOOP_WORDS = new Set(['for', 'while', 'foreach', 'each', 'forEach', 'loop', 'times', 'map', 'each_with_index', 'until']);

/** Words that open a branch: appends after one are alternatives, not a sum. */
const BRANCH_WORDS = new Set(['if', 'else', 'elif', 'elsif', 'unless', 'case', 'when', 'switch', 'match', 'catch', 'except', 'rescue']);

/**
 * Additions to list `name` between its definition and its use: `name.append(…)`, `name.Add(…)`, `name.push(…)`,
 * `name << …`, `name += …`, … Undefined when none. `items`: the argument ranges of the single items added once each
 * before any loop or branch word (each runs once, in order); `more` when any other addition may add more: one after
 * a loop or branch word, a `+=`, an `extend`.
 */
export function additions(c: Ctx, name: string, from: number, to: number): Additions | undefined {
  const { toks, match } = c;
  const items: [number, number][] = [];
  // Go: an if chain's arms appending (one path runs), and the end of a loop after which appends run once again.
  const go = c.syn.id === 'go';
  const choices: { at: number; arms: [number, number][][] }[] = [];
  let loopClose = -1;
  let any = false;
  let more = false;
  // Python: once by indentation (py-append-blocks.ts); a loop's additions named by what it walks.
  const py = c.syn.id === 'python' ? pyBlocks(c, from, to) : undefined;
  // A module-level list appended to once per call of the function making the call: counted, and it grows call by call.
  let grows = false;
  const loops = new Set<string>();
  let other = false;
  // After a loop or branch word an addition may run many times, or not at all, or instead of another: not counted.
  let once = true;
  // C#, Java, Kotlin: the end of the branch or loop statement that made additions uncounted; after it, an addition at
  // the list's own level runs once again (held41 C16: `if (related) { messages.Add(…); }` then the system message).
  // Only within one body: a field's list is added to by other methods too, whose additions are not on this path.
  const braces = (c.syn.id === 'csharp' || c.syn.id === 'java' || c.syn.id === 'kotlin') && oneBody(c, from, Math.min(to, from + MAX_ADD_SEARCH));
  let resume = -1;
  let stuck = false;
  // Every token between the list and its use is read: an edit there can add or remove an addition (editor/incremental.ts).
  const last = Math.min(to, from + MAX_ADD_SEARCH, toks.length) - 1;
  if (last > from) c.read?.push({ start: toks[from].start, end: toks[last].end });
  for (let k = from + 1; k < to && k < from + MAX_ADD_SEARCH; k++) {
    py?.see(k);
    if (go && loopClose >= 0 && k > loopClose) [once, loopClose] = [true, -1];
    if (go && once && isId(toks[k])) {
      const arms = goIfArms(c, name, k, to);
      if (arms) {
        if (arms.arms.some((a) => a.length)) {
          choices.push({ at: items.length, arms: arms.arms });
          any = true;
        }
        k = arms.close;
        continue;
      }
      loopClose = goLoopClose(c, k, to);
    }
    if (braces && !stuck && resume >= 0 && k > resume) [once, resume] = [true, -1];
    if ((isId(toks[k]) && (LOOP_WORDS.has(toks[k].v) || BRANCH_WORDS.has(toks[k].v))) || isP(toks[k], '?')) {
      once = false;
      const e = braces && !stuck ? statementEnd(c, k, to) : -1;
      if (e < 0) stuck = true;
      else resume = Math.max(resume, e);
    }
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const before = items.length;
    const perCall = !!py && !py.once(k) && py.perCall(k);
    if (py) once = py.once(k) || perCall;
    const wasMore: boolean = more;
    more = false;
    const n = toks[k + 1];
    if (isP(n, '=') && c.syn.id === 'go' && toks[k + 2]?.v === 'append' && isP(toks[k + 3], '(') && toks[k + 4]?.v === name && isP(toks[k + 5], ',') && match[k + 3] > k + 3 && match[k + 3] < to) {
      // Go `name = append(name, a, b)`: each item once; `others...` spreads a slice known at run time. An `append(`
      // whose `)` is not typed yet (a string left open before it) is no addition: its -1 sent the walk back to 0.
      any = true;
      for (let j = k + 6, a = j; j <= match[k + 3]; j++) {
        if (j < match[k + 3] && (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else if (j === match[k + 3] || isP(toks[j], ',')) {
          if (j > a && once && !isP(toks[j - 1], '...')) items.push([a, j]);
          else if (j > a) more = true;
          a = j + 1;
        }
      }
      k = match[k + 3];
    } else if (go && isP(n, '=') && goPrepend(c, k, name) >= 0 && match[k + 3] < to) {
      // Go `name = append([]T{…}, name...)`: the literal's messages put before the others.
      any = true;
      const lit = goPrepend(c, k, name);
      if (once) items.push([lit + 1, match[lit]]);
      else more = true;
      k = match[k + 3];
    } else if (isP(n, '<<') || isP(n, '+=') || (c.syn.id === 'php' && isP(n, '[') && isP(toks[k + 2], ']') && isP(toks[k + 3], '='))) {
      any = true; // PHP `$messages[] = [...]` (https://www.php.net/manual/en/language.types.array.php, "[] syntax") as Ruby's `<<`.
      const v = isP(n, '[') ? k + 4 : k + 2;
      const e = exprEnd(c, v);
      if (once && !isP(n, '+=') && e > v && e <= to) items.push([v, e]);
      else more = true;
    } else if (isP(n, '.') && /^(append|extend|insert|Add|AddRange|Insert|push|unshift|concat|add|addAll|plusAssign|AddSystemMessage|AddUserMessage|AddAssistantMessage|AddDeveloperMessage|add_system_message|add_user_message|add_assistant_message|add_developer_message)$/.test(toks[k + 2]?.v ?? '')) {
      any = true;
      const open = k + 3;
      const single = /^(append|Add|push|add|AddSystemMessage|AddUserMessage|AddAssistantMessage|AddDeveloperMessage|add_system_message|add_user_message|add_assistant_message|add_developer_message)$/.test(toks[k + 2].v) && isP(toks[open], '(') && match[open] > open && match[open] < to;
      // One argument: no top-level comma inside the brackets.
      let one = single;
      for (let j = open + 1; one && j < match[open]; j++) {
        if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else if (isP(toks[j], ',')) one = false;
      }
      if (one && once) items.push([open + 1, match[open]]);
      else more = true;
    }
    if (perCall && items.length > before) grows = true;
    if (more && py) {
      const walks = once ? undefined : py.loop();
      if (walks) loops.add(walks);
      else other = true;
    }
    more ||= wasMore;
  }
  if (!any) return undefined;
  more ||= grows;
  const chosen = choices.length ? { choices } : {};
  if (!more) return { items, ...chosen };
  // `other`: an addition outside a named loop, or one not made once (`+=`, `extend`).
  return loops.size ? { items, more, loops: [...loops], ...(other ? { other } : {}), ...chosen } : { items, more, ...chosen };
}

/** The list's making and its use lie in one function body (a field's list is added to by other methods as well). */
function oneBody(c: Ctx, from: number, to: number): boolean {
  for (const list of tables(c).fns.values()) for (const f of list) if (!f.expr && f.body <= from && to <= f.bodyEnd) return true;
  return false;
}

/** Statements of an if / else chain followed at most. */
const MAX_ARMS = 16;

/**
 * C#, Java, Kotlin: the last token of the statement a branch or loop word at toks[k] starts (`if (…) {…} else if (…)
 * {…} else …;`, `foreach (…) stmt;`, `when (x) {…}`), or of the expression statement a `?` sits in; -1 when it cannot
 * be told (a Kotlin statement without braces ends at a line break this walk does not see).
 */
function statementEnd(c: Ctx, k: number, to: number): number {
  const { toks, match } = c;
  const semi = c.syn.id !== 'kotlin';
  const rest = (j: number) => {
    // To the `;` ending the statement at toks[j], past brackets.
    for (; j < to; j++) {
      if (isP(toks[j], ';')) return j;
      if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
      else if (isP(toks[j], '}') || isP(toks[j], ')')) return -1;
    }
    return -1;
  };
  if (isP(toks[k], '?')) return semi ? rest(k) : -1;
  let j = k;
  for (let arm = 0; arm < MAX_ARMS; arm++) {
    const word = toks[j].v;
    j++;
    if (word === 'else' && toks[j]?.v === 'if') j++;
    if (word !== 'else' && word !== 'do' && word !== 'try') {
      if (!isP(toks[j], '(') || !(match[j] > j)) return -1;
      j = match[j] + 1;
    }
    if (isP(toks[j], '{') && match[j] > j) j = match[j];
    else if (!semi || (j = rest(j)) < 0) return -1;
    if (j >= to) return -1;
    if (toks[j + 1]?.v !== 'else') return j;
    j++;
  }
  return -1;
}
