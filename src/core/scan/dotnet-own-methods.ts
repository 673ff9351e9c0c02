// An application's own method named like the OpenAI .NET ChatClient's (`Task<string> CompleteChat(string prompt)` in
// its interface and its class, called as `_service.CompleteChat(prompt)` on a field of that interface): not a call of
// the SDK. The SDK's method is only ever called on a client, so a name with a return type before it is a declaration,
// and a receiver declared with a type the workspace defines (not a ChatClient subclass) is the application's.
// Seen in a real ASP.NET service (held-out 6, speak: three false calls, one with "Set MaxOutputTokenCount" advice).
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { classCandidates } from '../resolve/classes';
import { declaredType } from './dotnet-config';
import type { EvalScope } from './value';

/** Words that may stand before a called method with no receiver (`await CompleteChatAsync(…)`): not a return type. */
const CALL_WORDS = new Set(['await', 'return', 'yield', 'throw', 'in', 'is', 'as', 'else', 'new', 'case', 'when', 'and', 'or', 'not']);

/** Is the method name at toks[first] a declaration, or called on a receiver of the application's own type? */
export function ownDotnetMethod(s: EvalScope, first: number): boolean {
  const { toks } = s;
  const prev = toks[first - 1];
  if (!isP(prev, '.') && !isP(prev, '?.')) {
    // A declaration, or a call with no receiver of a method the file declares (`=> CompleteChatAsync(q).Result`).
    if (declares(toks, first)) return true;
    // Declaring or renaming a method of that name elsewhere in the file makes or unmakes the call (keystroke path).
    s.readNames?.add(toks[first].v);
    for (let k = 1; k < toks.length; k++) if (k !== first && toks[k].v === toks[first].v && isP(toks[k + 1], '(') && declares(toks, k)) return true;
    return false;
  }
  // `_service.CompleteChat(`, `this._service.CompleteChat(`: a receiver name with a declaration in the file.
  const type = receiverType(s, first);
  if (!type || /ChatClient$/.test(type)) return false;
  return ownType(s, type);
}

/**
 * The type the receiver of the method named at toks[at] (`_service.Name(`, `this._service.Name(`) is declared with in
 * the file. Editing that declaration or the type's file re-reads the call: both are the keystroke path's significant
 * names. Shared with cs-http-wrappers.ts.
 */
export function receiverType(s: EvalScope, at: number): string | undefined {
  const { toks } = s;
  const recv = toks[at - 2];
  if (!isId(recv) || (isP(toks[at - 3], '.') && toks[at - 4]?.v !== 'this')) return undefined;
  const d = declaredType(s, recv.v, recv.start);
  if (!d) return undefined;
  s.readNames?.add(d.type);
  s.readNames?.add(recv.v);
  return d.type;
}

/** Is the name at toks[k] declared there: a return type before it (`Task<string> CompleteChat(`, `string
 * CompleteChat(`, `ChatCompletion? CompleteChat(`, `string[] CompleteChat(`)? */
export function declares(toks: Token[], k: number): boolean {
  const prev = toks[k - 1];
  return isP(prev, '>') || isP(prev, '>>') || isP(prev, ']') || isP(prev, '?') || (isId(prev) && !CALL_WORDS.has(prev.v));
}

/** Does the workspace declare `type` (class, interface, record, struct) as something other than a ChatClient? */
function ownType(s: EvalScope, type: string): boolean {
  const texts = [s.text];
  const idx = s.index;
  if (idx) for (const f of classCandidates(idx.files, s.file, s.text, type, 'csharp', idx.memo.bind(idx))) if (f !== s.file) texts.push(idx.text(f) ?? '');
  for (const t of texts) {
    const header = declarationHeader(t, type);
    if (header !== undefined) return !/ChatClient\b/.test(header);
  }
  return false;
}

const KINDS = ['interface', 'class', 'record', 'struct'];
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** What follows `interface <type>` (or class, record, struct) up to its `{` or `;`: its base list. A string search,
 * not a RegExp built from the name. */
function declarationHeader(text: string, type: string): string | undefined {
  for (let i = text.indexOf(type); i >= 0; i = text.indexOf(type, i + 1)) {
    const end = i + type.length;
    if (isWord(text.charCodeAt(end)) || (i > 0 && isWord(text.charCodeAt(i - 1)))) continue;
    const before = text.slice(Math.max(0, i - 12), i).trimEnd();
    if (!KINDS.some((k) => before.endsWith(k) && !isWord(before.charCodeAt(before.length - k.length - 1)))) continue;
    let j = end;
    while (j < text.length && j < end + 400 && text[j] !== '{' && text[j] !== ';') j++;
    return text.slice(end, j);
  }
  return undefined;
}
