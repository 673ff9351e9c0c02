// A TypeScript class's injected or constructed services: `this.promptService` where the class declares
// `constructor(@Inject(PromptService) private readonly promptService: PromptService)` (NestJS, inversify, Angular), a
// field `private promptService = new PromptService()` or Angular's `= inject(PromptService)`, or `this.promptService =
// new PromptService(…)`. The service is an instance of its class (this file's or another workspace file's, through the
// imports), whose methods and getters are helpers (calls.ts, members.ts) and whose members the SDK anchors may
// re-export (module-fn.ts). lucavb/aicommits
// src/services/ai-commit-message.service.ts calls `this.aiTextGenerationService.generateText({ … })` with
// `system: this.promptService.getCommitMessageSystemPrompt()`.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { imported, importsOf } from './imported';
import { MAX_DEPTH, type EvalScope, type Value } from './value';
import { lookup } from './lookup';

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

/** What `this.<field>` holds when no assignment in the class says more: a service instance, or a parameter property. */
export function thisField(s: EvalScope, field: string, known: Value | undefined, depth: number): Value | undefined {
  return serviceField(s, field, depth) ?? paramProperty(s, field, known, depth);
}

/**
 * `this.model` where the class declares `constructor(private readonly model: string, …)` and never assigns the field:
 * the parameter's value, as a name read in the constructor reads it (its default, else what the `new` calls pass,
 * file-callers.ts). `known` is what the field's assignments give; it stands when it is more than run time. Held-out
 * 25 (qodunpob/gpt_telegram_bot `new SdkOpenAIGateway(openai, config.openai.model, …)`) and 23 (`private model = MODEL`).
 */
function paramProperty(s: EvalScope, field: string, known: Value | undefined, depth: number): Value | undefined {
  if ((known && known.runtime === undefined) || s.syn.id !== 'javascript' || depth > MAX_DEPTH) return known;
  const { toks, match } = s;
  // One constructor of the file declaring it: two classes with a field of that name leave it as it was.
  let body = -1;
  for (const fn of tables(s).fns.get('constructor') ?? []) {
    const open = fn.params ?? fn.name + 1;
    if (!isP(toks[open], '(') || !(match[open] > open) || !(fn.body < fn.bodyEnd)) continue;
    for (let k = open + 1; k < match[open]; k++) {
      if (!isId(toks[k]) || toks[k].v !== field || !isId(toks[k - 1]) || !PARAM_PROPERTY.has(toks[k - 1].v)) continue;
      if (body >= 0) return known;
      body = fn.body;
    }
  }
  return body < 0 ? known : lookup(s, field, toks[body].end, depth + 1) ?? known;
}

/** Class names each field of a file may hold, by field: found in one pass over the file, on first use. */
const FIELDS = new WeakMap<EvalScope['toks'], Map<string, string[]>>();

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
  if (tables(s).classes.has(cls)) return { obj: { kind: 'instance', scope: s } };
  if (!importsOf(s).names.has(cls)) return undefined;
  const v = imported(s, cls, depth + 1);
  return v?.obj?.kind === 'instance' ? v : undefined;
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
