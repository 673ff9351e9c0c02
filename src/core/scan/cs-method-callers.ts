// Callers of a public (or internal) C# method through objects of its class: cdavid58/Sistema_Pos
// WpfApp1/actions/OpenAIClient.cs `public async Task<string> GenerateChatCompletion(string model, string description,
// string conversation)` posting `new { model = model, messages = … }`, called in the same file as
// `var openaiClient = new OpenAIClient(apiKey); await openaiClient.GenerateChatCompletion(model, description,
// conversation)` (held-out 35 C02). The class's file and the project's files that use its types (cs-users.ts) are
// read; a call counts when its receiver is declared with the class or an interface it implements (a field
// `private readonly OpenAIClient _client;`, a constructor parameter, `var c = new OpenAIClient(…)`, `OpenAIClient c =
// new()`, `var c = sp.GetRequiredService<IChat>()`), is made there (`new OpenAIClient(…).Ask(…)`) or is the class itself (a static method). Any call of the name
// whose receiver cannot be told apart from one of the class, a `partial` class, an overloaded name or a class of the
// project deriving from it: the callers are not all known, run time (null). A private method keeps its file's
// callers alone (dotnet-private.ts).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { declaredType, serviceAsked } from './dotnet-config';
import { csharpPrivate } from './dotnet-private';
import { csharpUsers } from './js-callers';
import { markupCalls } from './cs-solution-users';
import { packageRoot } from './package-sources';
import { classAround, implemented } from './jvm-callers';
import { calledNames } from './names-followed';
import { classScopes } from './class-files';
import type { MethodCall } from './method-callers';
import type { EvalScope } from './value';

/** Files read for the method's calls at most (the class's own and its users). */
const MAX_FILES = 24;

/** What a receiver is: an object of the class, some other object, or not known. */
type Receiver = 'class' | 'other' | 'unknown';

/**
 * Calls of the C# method named at token `at` on objects of its class, in its file and the project's files using its
 * types (the class's own bare and `this.` calls are the same-file callers' part, file-callers.ts): undefined for a
 * private method, null when some call in view cannot be told apart.
 */
export function csMethodCallers(s: EvalScope, at: number): MethodCall[] | null | undefined {
  if (csharpPrivate(s, at)) return undefined;
  const { toks } = s;
  const method = toks[at].v;
  const cls = classAround(s, at);
  if (!cls || method === cls) return null;
  // Which calls count hangs on the class's name and the method's calls: an edit of either changes the answer.
  s.readNames?.add(cls);
  s.readNames?.add(method);
  if (hasPartial(s)) return null;
  // Overloads: which one a call picks is the compiler's choice by its arguments' types.
  if ((tables(s).fns.get(method) ?? []).filter((f) => f.name !== at && classAround(s, f.name) === cls).length) return null;
  const types = new Set([cls, ...implemented(s, cls)]);
  // With no workspace in view (one text alone), other files' calls cannot be known.
  const idx = s.index;
  if (!idx) return null;
  // Users of the interfaces it implements too, when those live in their own files (`IChatService.cs`): a controller
  // holding `IChatService _chat` names no type of this file.
  const users = new Set(csharpUsers(s));
  for (const i of types) if (i !== cls) for (const sc of classScopes(s, i)) for (const f of csharpUsers(sc)) users.add(f);
  const others = [...users].filter((f) => f !== s.file && idx.text(f)?.includes(method));
  const root = packageRoot(idx, s.file, 'csharp');
  if (root !== undefined && markupCalls(idx, root, method)) return null;
  if (others.length >= MAX_FILES) return null;
  const scopes = [s, ...others.map((f) => idx.scope(f)).filter((x): x is EvalScope => !!x && x.syn.id === 'csharp')];
  const out: MethodCall[] = [];
  for (const sc of scopes) {
    if (derives(sc, cls, types)) return null;
    for (const k of calledNames(sc.toks).get(method) ?? []) {
      if (!isP(sc.toks[k - 1], '.') && !isP(sc.toks[k - 1], '?.')) continue;
      const r = receiver(sc, k, cls, types);
      if (r === 'unknown') return null;
      if (r === 'class') out.push({ sc, k });
    }
  }
  return out;
}

/** Per token list, whether its text declares a `partial` type: asked for each public method a call's values lead to,
 * the regex ran over the whole text each time (speed). The text is kept to check the list is still its. */
const PARTIAL = new KeyMemo<object, { text: string; partial: boolean }>();
function hasPartial(s: EvalScope): boolean {
  const m = PARTIAL.get(s.toks);
  if (m && m.text === s.text) return m.partial;
  const partial = /\bpartial\s+(?:class|struct|record)\b/.test(s.text);
  PARTIAL.set(s.toks, { text: s.text, partial });
  return partial;
}

/** The receiver of `.method(` at token k. */
function receiver(s: EvalScope, k: number, cls: string, types: Set<string>): Receiver {
  const { toks, match } = s;
  let r = k - 2;
  // `new OpenAIClient(key).Ask(…)`, `new OpenAIClient { … }.Ask(…)`.
  if ((isP(toks[r], ')') || isP(toks[r], '}')) && match[r] >= 0) {
    const open = match[r];
    // `scope.ServiceProvider.GetRequiredService<IChatService>().SendAsync(…)`: the service type asked of the container.
    if (isP(toks[open - 1], '>')) {
      let j = open - 2;
      while (isP(toks[j - 1], '.') && isId(toks[j - 2])) j -= 2;
      const t = serviceAsked(toks, j - 2);
      if (t) {
        s.readNames?.add(t);
        return types.has(t) ? 'class' : 'other';
      }
    }
    let n = open - 1;
    while (isId(toks[n]) && isP(toks[n - 1], '.') && isId(toks[n - 2])) n -= 2;
    if (!isId(toks[n - 1]) || toks[n - 1].v !== 'new' || !isId(toks[open - 1])) return 'unknown';
    return toks[open - 1].v === cls ? 'class' : 'other';
  }
  if (!isId(toks[r])) return 'unknown';
  const name = toks[r].v;
  // `this.Ask(…)`: the class's own (this file's are read as same-file callers), or another class's; `base.Ask(…)`: a
  // deriving class's, which makes the callers unknown before this is reached.
  if (!isP(toks[r - 1], '.') && (name === 'this' || name === 'base')) return 'other';
  // `this._client.Ask(…)`: the field; a longer chain is not followed.
  if (isP(toks[r - 1], '.')) {
    if (!(isId(toks[r - 2]) && toks[r - 2].v === 'this' && !isP(toks[r - 3], '.'))) return chainEnd(s, r, types);
  }
  // Renaming the receiver or its declaration's type makes or unmakes the call (the keystroke path's significant names).
  s.readNames?.add(name);
  const d = declaredType(s, name, toks[r].start);
  if (d) s.readNames?.add(d.type);
  if (d) return types.has(d.type) ? 'class' : 'other';
  if (name === cls) return 'class';
  // A type's static method (`Console.WriteLine`), a namespace: a capitalised name declared nowhere in the file.
  return /^[A-Z]/.test(name) && !isP(toks[r - 1], '.') ? 'other' : 'unknown';
}

/** `a.b.Ask(…)`: by the type `b` is declared with in this file (a property of the class's type), else not known. */
function chainEnd(s: EvalScope, r: number, types: Set<string>): Receiver {
  const d = declaredType(s, s.toks[r].v, s.toks[r].start);
  return !d ? 'unknown' : types.has(d.type) ? 'class' : 'other';
}

/** Does another class of this file derive from the class (or implement its interface)? Its objects call the method
 * too, or are called in its place. */
function derives(s: EvalScope, cls: string, types: Set<string>): boolean {
  const { toks } = s;
  for (let k = 0; k + 3 < toks.length; k++) {
    if ((toks[k].v !== 'class' && toks[k].v !== 'record') || !isId(toks[k + 1]) || !isId(toks[k]) || toks[k + 1].v === cls) continue;
    for (let j = k + 2; j < toks.length && j < k + 60 && !isP(toks[j], '{') && !isP(toks[j], ';'); j++) if (isId(toks[j]) && types.has(toks[j].v) && !isP(toks[j - 1], '.')) return true;
  }
  return false;
}
