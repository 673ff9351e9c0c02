// A TypeScript class's injected or constructed services: `this.promptService` where the class declares
// `constructor(@Inject(PromptService) private readonly promptService: PromptService)` (NestJS, inversify, Angular), a
// field `private promptService = new PromptService()` or Angular's `= inject(PromptService)`, or `this.promptService =
// new PromptService(…)`. The service is an instance of its class (this file's or another workspace file's, through the
// imports), whose methods and getters are helpers (calls.ts, members.ts) and whose members the SDK anchors may
// re-export (module-fn.ts). lucavb/aicommits
// src/services/ai-commit-message.service.ts calls `this.aiTextGenerationService.generateText({ … })` with
// `system: this.promptService.getCommitMessageSystemPrompt()`.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { imported, importsOf } from './imported';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** A line ends between toks[a] and toks[b]. */
const lineBreak = (s: EvalScope, a: number, b: number) => s.text.slice(s.toks[a].end, s.toks[b].start).includes('\n');

/** Words that make a constructor parameter a field of the class (TypeScript parameter properties). */
const PARAM_PROPERTY = new Set(['private', 'public', 'protected', 'readonly']);

/** The instance `this.<field>` holds, when the field's declared type or its `new` is a class of the workspace. */
export function serviceField(s: EvalScope, field: string, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript' || depth > MAX_DEPTH) return undefined;
  for (const cls of fieldClasses(s, field)) {
    const v = classInstance(s, cls, depth);
    if (v) return v;
  }
  return undefined;
}

/** Class names each field of a file may hold, by field: found in one pass over the file, on first use. */
const FIELDS = new KeyMemo<EvalScope['toks'], Map<string, string[]>>();

/** Class names a field may hold, most telling first: `@Inject(X)`'s class, the declared type, a `new X(`. */
function fieldClasses(s: EvalScope, field: string): string[] {
  let all = FIELDS.get(s.toks);
  if (!all) FIELDS.set(s.toks, (all = typedNames(s)));
  return all.get(field) ?? [];
}

/** Each field's classes, in the order fieldClasses gives them. */
function typedNames(s: EvalScope): Map<string, string[]> {
  const { toks } = s;
  const all = new Map<string, string[]>();
  const add = (field: string, cls: string) => {
    const list = all.get(field);
    if (!list) all.set(field, [cls]);
    else if (!list.includes(cls)) list.push(cls);
  };
  for (let k = 1; k + 2 < toks.length; k++) {
    const tk = toks[k];
    if (!isId(tk)) continue;
    const field = tk.v;
    const before = toks[k - 1];
    let colon = k + 1;
    if (isP(toks[colon], '?') || isP(toks[colon], '!')) colon++;
    if (isP(toks[colon], ':') && isId(toks[colon + 1])) {
      // `private readonly x: T` in a constructor, or a declared field `x: T;` / `private x: T;` in the class body.
      const declared = (isId(before) && PARAM_PROPERTY.has(before.v)) || isP(before, ';') || isP(before, '{') || (isP(before, '}') && lineBreak(s, k - 1, k));
      if (!declared) continue;
      const inject = injectedBy(s, k);
      if (inject) add(field, inject);
      add(field, toks[colon + 1].v);
    } else if (isP(toks[k + 1], '=') && isId(toks[k + 2]) && toks[k + 2].v === 'new' && isId(toks[k + 3])) {
      // `x = new T(…)` as a field, or `this.x = new T(…)` in the constructor.
      add(field, toks[k + 3].v);
    } else if (isP(toks[k + 1], '=') && toks[k + 2]?.v === 'inject' && isP(toks[k + 3], '(') && isId(toks[k + 4]) && /^[A-Z]/.test(toks[k + 4].v)) {
      // Angular's `private prompts = inject(PromptService);` (https://angular.dev/api/core/inject: the instance the
      // injector holds for the token).
      add(field, toks[k + 4].v);
    }
  }
  return all;
}

/** `@Inject(X)` / `@inject(X)` before the modifiers of the parameter at toks[k]: X, when it is a name. */
function injectedBy(s: EvalScope, k: number): string | undefined {
  const { toks, match } = s;
  let j = k - 1;
  while (j > 0 && isId(toks[j]) && PARAM_PROPERTY.has(toks[j].v)) j--;
  if (!isP(toks[j], ')')) return undefined;
  const open = match[j];
  if (!(open > 1) || !isP(toks[open - 2], '@') || !/^inject$/i.test(toks[open - 1]?.v ?? '')) return undefined;
  const arg = toks[open + 1];
  return isId(arg) && open + 2 === j && /^[A-Z]/.test(arg.v) ? arg.v : undefined;
}

/** An instance of class `cls`: this file's class, or one a workspace module exports and this file imports. */
export function classInstance(s: EvalScope, cls: string, depth: number): Value | undefined {
  // A Python instance reads its own class's fields (py-class-fields.ts).
  const own = s.syn.id === 'python' ? cls : undefined;
  if (tables(s).classes.has(cls)) return { obj: { kind: 'instance', scope: s, cls: own } };
  const b = importsOf(s).names.get(cls);
  if (!b) return undefined;
  const v = imported(s, cls, depth + 1);
  if (v?.obj?.kind !== 'instance') return undefined;
  return own && tables(v.obj.scope).classes.has(b.name) ? { ...v, obj: { ...v.obj, cls: b.name } } : v;
}

/**
 * Whether class members named `fn` in `o` are the function `fn` of one of `modules`: a field that re-exports it
 * (`readonly generateText = generateText;` with `import { generateText } from 'ai'`), or a method that passes its one
 * parameter straight on (`generateText(options) { return generateText(options); }`).
 */
export function reexportsModuleFunction(o: EvalScope, fn: string, modules: string[]): boolean {
  const { toks, match } = o;
  const fromModule = (name: string) => {
    const b = importsOf(o).names.get(name);
    return !!b && b.name === fn && modules.includes(b.from);
  };
  for (let k = 0; k + 3 < toks.length; k++) {
    if (!isId(toks[k]) || toks[k].v !== fn || isP(toks[k - 1], '.')) continue;
    // `fn = fn;` (a field initialiser).
    if (isP(toks[k + 1], '=') && isId(toks[k + 2]) && (isP(toks[k + 3], ';') || isP(toks[k + 3], '}') || lineBreak(o, k + 2, k + 3)) && fromModule(toks[k + 2].v)) return true;
    // `fn(p) { return fn(p); }`, `fn(p: T): R { return await fn(p) }`.
    if (isP(toks[k + 1], '(') && isId(toks[k + 2]) && match[k + 1] > k) {
      const p = toks[k + 2].v;
      let b = match[k + 1] + 1;
      while (b < toks.length && b < match[k + 1] + 16 && !isP(toks[b], '{')) b = match[b] > b ? match[b] + 1 : b + 1;
      if (!isP(toks[b], '{') || !(match[b] > b)) continue;
      let r = b + 1;
      if (toks[r]?.t !== T.Id || toks[r].v !== 'return') continue;
      r++;
      if (toks[r]?.v === 'await') r++;
      const callee = toks[r];
      if (!isId(callee) || !isP(toks[r + 1], '(') || !isId(toks[r + 2]) || toks[r + 2].v !== p || !isP(toks[r + 3], ')')) continue;
      const end = isP(toks[r + 4], ';') ? r + 5 : r + 4;
      if (end === match[b] && fromModule(callee.v)) return true;
    }
  }
  return false;
}
