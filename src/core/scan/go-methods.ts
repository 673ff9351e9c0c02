// A Go method called on its own receiver: `e.prepareSystemPrompt()` inside `func (e *Engine) …` is the method of the
// receiver's type that the same file declares (ekkinox/yai ai/engine.go), read as a same-file helper is (calls.ts).
// Method declarations: https://go.dev/ref/spec#Method_declarations.
import { isId, isP } from '../lex/brackets';
import { tables, type Fn } from './scope';
import type { EvalScope } from './value';
import { goPackageName } from './go-decls';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import type { Value } from './value';
import { fnValue } from './fn-values';

/** The receiver of method f, `func (e *Engine) m(` → e, Engine; undefined for a plain function. */
export function receiverOf(s: EvalScope, f: Fn): { name: string; type: string } | undefined {
  const { toks, match } = s;
  const close = f.name - 1;
  if (!isP(toks[close], ')') || match[close] < 0 || toks[match[close] - 1]?.v !== 'func') return undefined;
  const name = toks[match[close] + 1];
  let k = match[close] + 2;
  if (isP(toks[k], '*')) k++;
  return isId(name) && isId(toks[k]) && k < close ? { name: name.v, type: toks[k].v } : undefined;
}

/** The method `method` of the receiver `recv` names, at token `at` inside a method of that receiver; else undefined. */
export function goOwnMethod(s: EvalScope, recv: string, method: string, at: number): Fn | undefined {
  const t = tables(s);
  let own: Fn | undefined;
  for (const fl of t.fns.values()) for (const f of fl) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  // No whole function around `at`: a prefix may have cut its closing brace (editor/prefix.ts); the full text decides.
  if (!own) s.forward?.add(method);
  const r = own && receiverOf(s, own);
  // The receivers are read before each function's name: `func (w *Writer) send(` -> `func (w *Wxriter) send(` breaks the match.
  if (own && r) s.read?.push(receiverSpan(s, own));
  if (!r || r.name !== recv) return undefined;
  const m = t.fns.get(method)?.find((f) => f.body > f.name && receiverOf(s, f)?.type === r.type);
  // Not in the file read: a prefix of it may cut the method off (editor/prefix.ts), so the full text decides.
  if (!m) s.forward?.add(method);
  if (!m) return undefined;
  // Read as helper() reads a function: an edit of its body, or a prefix that cuts it off, concerns the call.
  if (m.name >= at) s.forward?.add(method);
  // From the name (editor/prefix.ts names a definition the cut reaches by a read span's first word), its receiver apart.
  s.read?.push({ start: s.toks[m.name].start, end: s.toks[m.bodyEnd - 1]?.end ?? s.text.length });
  // Its receiver, and another method of that name whose receiver an edit makes the type (`func (w *Wrxiter) messages(`).
  for (const f of t.fns.get(method) ?? []) s.read?.push(receiverSpan(s, f));
  return m;
}

/** From a method's `func` to its name, the receiver between (`func (w *Writer) messages`); else its name alone. */
function receiverSpan(s: EvalScope, f: Fn): { start: number; end: number } {
  const close = f.name - 1;
  const open = isP(s.toks[close], ')') ? s.match[close] : -1;
  const start = open > 0 && s.toks[open - 1]?.v === 'func' ? s.toks[open - 1].start : s.toks[f.name].start;
  return { start, end: s.toks[f.name].end };
}

/** Files of the package looked through for a method of the receiver's type, at most. */
const MAX_FILES = 200;

/** The receiver of the innermost function around `at`, when it is named `recv` (`func (l *LLM) …` and `l`). */
function enclosingReceiver(s: EvalScope, recv: string, at: number): ReturnType<typeof receiverOf> {
  let own: Fn | undefined;
  for (const fl of tables(s).fns.values()) for (const f of fl) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  const r = own && receiverOf(s, own);
  return r && r.name === recv ? r : undefined;
}

/**
 * The method `method` of the receiver `recv` names, in the file (goOwnMethod) or in another file of its package:
 * `url := gpt.FullUrl("chat/completions")` in gpt3.go, the method declared in common.go (ConnectAI-E/feishu-openai
 * code/services/openai). Its scope is the file that declares it.
 */
export function goReceiverMethod(s: EvalScope, recv: string, method: string, at: number): { scope: EvalScope; fn: Fn } | undefined {
  const here = goOwnMethod(s, recv, method, at);
  if (here) return { scope: s, fn: here };
  const r = enclosingReceiver(s, recv, at);
  if (!r || !s.index) return undefined;
  const pkg = goPackageName(s.text);
  for (const f of goPackageFiles(s.index.files, dirname(s.file)).slice(0, MAX_FILES)) {
    const text = f === s.file ? '' : (s.index.text(f) ?? '');
    if (!text.includes(`) ${method}(`) || goPackageName(text) !== pkg) continue;
    const o = s.index.scope(f);
    const m = o && tables(o).fns.get(method)?.find((x) => x.body > x.name && receiverOf(o, x)?.type === r.type);
    if (!o || !m) continue;
    return { scope: o, fn: m };
  }
  return undefined;
}

/** A struct field's type named in `type T struct { … field *U … }` of the text's tokens: U (same package), or undefined. */
function fieldType(o: EvalScope, type: string, field: string): string | undefined {
  const { toks, match } = o;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== type || toks[k - 1].v !== 'type' || toks[k + 1].v !== 'struct' || !isP(toks[k + 2], '{')) continue;
    for (let j = k + 3; j < match[k + 2]; j++) {
      if (match[j] > j) { j = match[j]; continue; }
      if (toks[j].v !== field || !isId(toks[j]) || isP(toks[j - 1], '.')) continue;
      const t = isP(toks[j + 1], '*') ? j + 2 : j + 1;
      return isId(toks[t]) && !isP(toks[t + 1], '.') ? toks[t].v : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The method `method` called on a field of the receiver, `l.templateProcessor.ProcessSummarizeTemplate()` in a method
 * of LLM whose struct declares `templateProcessor *TemplateProcessor` (skobkin/telegram-ollama-reply-bot llm/llm.go,
 * held51 E1): the method of the field's type in the package. Its scope is the file that declares it.
 */
export function goFieldMethod(s: EvalScope, recv: string, field: string, method: string, at: number): { scope: EvalScope; fn: Fn } | undefined {
  const r = enclosingReceiver(s, recv, at);
  if (!r || !s.index) return undefined;
  const pkg = goPackageName(s.text);
  const files = goPackageFiles(s.index.files, dirname(s.file)).slice(0, MAX_FILES);
  const scopes = (want: string) => files.filter((f) => f === s.file ? s.text.includes(want) : (s.index!.text(f) ?? '').includes(want)).map((f) => (f === s.file ? s : s.index!.scope(f))).filter((o): o is EvalScope => !!o && goPackageName(o.text) === pkg);
  let ft: string | undefined;
  for (const o of scopes(`type ${r.type} struct`)) if ((ft = fieldType(o, r.type, field))) break;
  if (!ft) return undefined;
  for (const o of scopes(`) ${method}(`)) {
    const m = tables(o).fns.get(method)?.find((x) => x.body > x.name && receiverOf(o, x)?.type === ft);
    if (!m) continue;
    if (o === s) s.read?.push({ start: s.toks[m.name].start, end: s.toks[m.bodyEnd - 1]?.end ?? s.text.length });
    return { scope: o, fn: m };
  }
  return undefined;
}

/** `l.templateProcessor.Process()` at tokens [i, end), no arguments: what the field type's method returns (goFieldMethod);
 * read after the other readers of a Go chain (go-flag-vars.ts goChainValue), so a getter with a fallback stays theirs. */
export function goFieldMethodValue(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  const { toks } = s;
  if (end - i !== 7 || !isId(toks[i]) || !isP(toks[i + 1], '.') || !isId(toks[i + 2]) || !isP(toks[i + 3], '.') || !isId(toks[i + 4]) || !isP(toks[i + 5], '(') || !isP(toks[i + 6], ')')) return undefined;
  const m = goFieldMethod(s, toks[i].v, toks[i + 2].v, toks[i + 4].v, i);
  return m ? fnValue(m.scope, m.fn, toks[i + 4].v, depth + 1) : undefined;
}
