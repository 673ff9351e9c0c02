// Prompt parts inside a call's extent: literals and constants joined by `+` or juxtaposition, and what stays unknown
// until run time (a variable, a hole) as labelled unresolved parts; a messages list kept in a name: message-lists.ts.
import { T, type Token } from '../lex/lexer';
import type { PromptPart, ValueSource } from '../types';
import { expr } from './evaluate';
import { KEYWORDS, isClose, isId, isP, readChain } from '../lex/brackets';
import { LIMIT_KEYS, MESSAGE_WRAPPERS, CALL_MODEL_KEYS, NON_PROMPT_KEYS, normKey } from './call-keys';
import { constantFor, keyAt, spanOf, valueEnd, type Ctx } from './values';
import { markupState } from './reactive-state';
import { DEDENT_TAGS } from './text-methods';
import { paramDefault } from './param-default-text';
import { isTypingCast, typeEnd } from './type-casts';
import { skippedTerm } from './part-skips';
import { messageBefore } from './message-vars';
import { helperList, listVariable } from './message-lists';
import { dotnetFormatCall, filledCall, isSpread, listSpread, listSpreadCall, reservedWord, roleConstant, rustVariant, isHelperCall, isTextMethod, isWellKnownNamespace, jvmRoleArg, roleTuple, goPositionalRole, rustFormatEnd, secondArg, subscriptEnd, textMethodsEnd, typePath } from './part-terms';
import { filledHoles, refilled } from './fstring-holes';
import { pushParts } from './push-parts';
import { rustParts } from './rust-parts';
import { goHelperMessages } from './go-message-helpers';
import { changedBefore } from './rebound-before';
import { filteredList } from './list-callers';
import { jvmPromptVariable, kotlinObjectContent } from './jvm-prompt-vars';
import { listWrittenElsewhere } from './lists-elsewhere';
import { rubyHeldList } from './ruby-held-lists';
import { jvmCallValue } from './jvm-call-values';
export { pushParts } from './push-parts';

/** Longest prompt text an expression is joined to; a piece past it is not counted and is labelled. */
const MAX_JOINED_TEXT = 4 << 20;
const TOO_LONG = 'prompt text over 4 MiB';
const MAX_CALL_DEPTH = 32; // Calls nested deeper than this inside a prompt value are not followed.

/** Prompt parts in toks[from, to): literals and constants joined by `+` or juxtaposition form one part; what cannot
 * be read (an identifier, a hole) becomes an unresolved part with a label. Keys and the values of non-prompt keys
 * (`role`, `type`, `model`, …) are skipped. */
export function collectParts(c: Ctx, from: number, to: number, out: PromptPart[], depth = 0): void {
  const { toks } = c;
  let k = from;
  // A message's content as a list of parts (`content: [{type: "text", text: …}, …]`), up to its closing bracket:
  // its text parts after the first join the one before (PromptPart.joinsPrevious).
  let listEnd = -1;
  let listFirst = true;
  while (k < to) {
    if (k > listEnd) listEnd = -1;
    const tk = toks[k];
    const sep = keyAt(c, k);
    if (sep > 0) {
      const key = normKey(tk.v);
      if (NON_PROMPT_KEYS.has(key) || CALL_MODEL_KEYS.has(key) || LIMIT_KEYS.has(key)) {
        k = valueEnd(c, sep + 1, to);
        if (key === 'imageurl') pushParts(out, [{ text: '', span: spanOf(tk, toks[k - 1] ?? tk), resolved: false, label: `${tk.v} (an image, billed by its size at run time)` }]); // An image is billed as input by its size, which the code does not state: named, not counted.
        continue;
      }
      if (listEnd < 0 && key === 'content' && isP(toks[sep + 1], '[') && c.match[sep + 1] > sep + 1) {
        listEnd = c.match[sep + 1];
        listFirst = true;
      }
      // Ruby 3.1's `{ role: "user", content: }`: the omitted value is the name of the key (keys.ts walkKeys).
      if (c.syn.id === 'ruby' && isId(tk) && (sep + 1 >= to || isP(toks[sep + 1], ',') || isClose(toks[sep + 1]))) {
        readExpr(c, k, k + 1, out, depth);
      }
      k = sep + 1;
      continue;
    }
    // A type written on a value, options beside the messages (part-skips.ts).
    const skip = skippedTerm(c, k, to);
    if (skip > 0) {
      k = skip;
      continue;
    }
    // A Rust messages Vec a helper builds (rust-message-vecs.ts), an iterator chain over a collection (`chat.iter().map(|(m, _)| m).collect::<Vec<_>>()`).
    const rust = isId(tk) ? rustParts(c, k, to, out, depth) : -1;
    if (rust > 0) {
      k = rust;
      continue;
    }
    if ((tk.t === T.Str && !jvmRoleArg(c, k) && !roleTuple(c, k) && !goPositionalRole(c, k)) || isId(tk)) {
      const before = out.length;
      k = readExpr(c, k, to, out, depth);
      if (listEnd >= 0)
        for (let i = before; i < out.length; i++) {
          if (!out[i].resolved) continue;
          if (!listFirst) out[i].joinsPrevious = true;
          listFirst = false;
        }
      continue;
    }
    k++;
  }
}

/** One expression of `+`-joined or juxtaposed terms from k. Returns the index after it. */
function readExpr(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  const { toks } = c;
  let text = '';
  let first: Token | undefined, last: Token | undefined;
  let fromConstant: string | undefined;
  let source: ValueSource | undefined;
  const unresolved: PromptPart[] = [];
  let terms = 0;
  let sub = -1;
  while (k < to) {
    const tk = toks[k];
    // `"…".strip()`, `"…{x}…".format(x=v)`, Rust `format!("…{x}…")`: the literal's text as its methods leave it.
    const edited = tk.t === T.Str ? textMethodsEnd(c, k + 1, to, c.syn.id === 'python') : rustFormatEnd(c, k, to);
    const w = edited > k + 1 ? expr(c, k, edited, 0).v : undefined;
    if (w?.str !== undefined) {
      addText(w, tk, toks[edited - 1]);
      k = edited;
    } else if (w?.runtime !== undefined && toks[k + 2]?.v === 'join') {
      // `"\n".join(f"- {x}" for x in items)`: a join the evaluator cannot read is one run-time part, named whole.
      unresolved.push({ text: '', span: spanOf(tk, toks[edited - 1]), resolved: false, label: w.runtime });
      terms++;
      k = edited;
    } else if (tk.t === T.Str) {
      // A Python f-string's holes that name constants are filled with their text (fstring-holes.ts).
      const filled = tk.holes ? filledHoles(c, tk, k, 0) : undefined;
      const str = filled?.str ?? tk.v;
      if (text.length + str.length <= MAX_JOINED_TEXT) text += str;
      else unresolved.push({ text: '', span: { start: tk.start, end: tk.end }, resolved: false, label: TOO_LONG });
      for (const h of filled?.holes ?? tk.holes ?? []) unresolved.push(typeof h === 'string' ? { text: '', span: { start: tk.start, end: tk.end }, resolved: false, label: h } : { text: '', span: { start: h.start, end: h.end }, resolved: false, label: h.expr });
      first ??= tk;
      last = tk;
      terms++;
      k++;
    } else if (isId(tk) && DEDENT_TAGS.has(tk.v) && toks[k + 1]?.t === T.Str && k + 1 < to && c.text[toks[k + 1].start] === '`') {
      // A tagged template, `dedent\`…\``: its text as the tag leaves it.
      const v = expr(c, k, k + 2, 0).v;
      addText(v ?? {}, tk, toks[k + 1]);
      k += 2;
    } else if (isId(tk) && !KEYWORDS.has(tk.v) && toks[k - 1]?.v !== 'new' && (sub = subscriptEnd(c, k, to)) > 0) {
      // `PROMPTS["summarize"]`, `state["task"]`, `cfg["prompts"]["system"].strip()`: the entry's text when the table
      // is known, else the whole expression named (its key is no prompt text).
      const more = textMethodsEnd(c, sub, to);
      const e = more > sub ? more : sub;
      const v = expr(c, k, e, 0).v;
      if (v?.str !== undefined) {
        if (terms === 0 && v.source) source = v.source;
        addText(v, tk, toks[e - 1]);
      } else if (v?.num === undefined) {
        // `session[:conversation]` set to a list and added to in this file (ruby-held-lists.ts).
        if (terms === 0 && e === sub && rubyHeldList(c, k, e, spanOf(tk, toks[e - 1]), out, depth, collectParts)) return e;
        unresolved.push({ text: '', span: spanOf(tk, toks[e - 1]), resolved: false, label: c.text.slice(tk.start, toks[e - 1].end) });
        terms++;
      }
      k = e;
    } else if (isId(tk)) {
      const prev = toks[k - 1];
      const chain = readChain(toks, k, to);
      const next = toks[chain.end];
      const name = chain.names[chain.names.length - 1];
      const chainEnd = toks[chain.end - 1];
      if (isP(next, '(')) {
        const close = c.match[chain.end];
        const argsEnd = close < 0 || close > to ? to : close;
        // A Go messages slice a same-file helper builds (go-message-helpers.ts), a list a helper returns (message-lists.ts).
        if (terms === 0 && (goHelperMessages(c, k, chain.names, out, depth, collectParts) || helperList(c, chain.names, k, argsEnd, out, depth, collectParts))) return argsEnd + 1;
        // `messages.filter((m) => m.role !== 'system')` on a list literal: the messages kept (list-picks.ts).
        if (terms === 0 && filteredList(c, chain.names, k, chain.end, { start: tk.start, end: toks[argsEnd]?.end ?? tk.end }, out, depth, collectParts)) return argsEnd + 1;
        // A prompt file read at run time with a static path, a helper returning text, a filled LangChain template: the evaluator's value.
        const v = expr(c, k, argsEnd + 1, 0).v;
        // `SYS.replace("{{history}}", x)`, `TPL.format(text=t)`, `PROMPT.strip()`: a known text edited by its methods.
        const more = chain.names.length > 1 && isTextMethod(name, c.syn.id) && argsEnd < to ? textMethodsEnd(c, argsEnd + 1, to) : -1;
        const edited = more > 0 ? more : chain.names.length > 1 && isTextMethod(name, c.syn.id) && argsEnd < to ? argsEnd + 1 : -1;
        if (edited > 0) {
          const w = edited > argsEnd + 1 ? expr(c, k, edited, 0).v : v;
          if (w?.str !== undefined) {
            if (terms === 0 && w.source) source = w.source;
            addText(w, tk, toks[edited - 1]);
            k = edited;
            const after = toks[k];
            if (after && k < to && after.t === T.Punct && (after.v === '+' || (c.syn.dotConcat && after.v === '.'))) {
              k++;
              continue;
            }
            break;
          }
        }
        // `cast(Any, history)`: the value is the second argument's; the type names no prompt part.
        const second = isTypingCast(c, chain.names, 2) ? secondArg(c, chain.end, argsEnd) : -1;
        if (second > 0) {
          flush();
          collectParts(c, second, argsEnd, out, depth + 1);
          return argsEnd + 1;
        }
        if (v?.str !== undefined && ((v.source && (/^(file |returned by |string resource )/.test(v.source.what) || isHelperCall(c, chain.names) || (c.syn.id === 'go' && argsEnd === chain.end + 1 /* a Go getter, go-getters.ts: its value, not its receiver */))) || (v.template && chain.names.length > 1) || (c.syn.id === 'go' && chain.names.join('.') === 'fmt.Sprintf') || (c.syn.id === 'csharp' && dotnetFormatCall(chain.names)) || filledCall(c.syn.id, chain.names) || (c.syn.id === 'javascript' && chain.names.join('.') === 'JSON.stringify') || (c.syn.id === 'rust' && name === 'join' && chain.names.length === 2))) {
          if (terms) flush();
          const part: PromptPart = { text: v.str, span: { start: tk.start, end: toks[argsEnd]?.end ?? chainEnd.end }, resolved: true, source: v.source };
          pushParts(out, [part, ...(v.holes ?? []).map((h) => ({ text: '', span: part.span, resolved: false, label: h }))]);
          return argsEnd + 1;
        }
        // A message wrapper or any call: its arguments may hold prompt text; a method's receiver is a value (`had`: listSpreadCall).
        const had = out.length + unresolved.length, held = unresolved.length;
        if (!MESSAGE_WRAPPERS.has(normKey(name)) && chain.names.length > 1 && !/^[A-Z]/.test(chain.names[0]) && !typePath(c, tk, chainEnd, chain.names) && (!KEYWORDS.has(chain.names[0]) || (chain.names.length > 2 && (chain.names[0] === 'self' || chain.names[0] === 'this')))) {
          if (!isWellKnownNamespace(chain.names[0])) unresolved.push({ text: '', span: { start: tk.start, end: chainEnd.end }, resolved: false, label: c.text.slice(tk.start, toks[chain.end - 3].end) });
        }
        const named = unresolved.length > held;
        flush();
        const given = named ? -1 : out.length;
        if (depth < MAX_CALL_DEPTH) collectParts(c, chain.end + 1, argsEnd, out, depth + 1);
        else pushParts(out, [{ text: '', span: { start: tk.start, end: toks[argsEnd]?.end ?? tk.end }, resolved: false, label: 'nested calls too deep' }]);
        if (listSpreadCall(prev) && out.length === had) pushParts(out, [{ text: '', span: spanOf(tk, toks[argsEnd] ?? chainEnd), resolved: false, label: `${c.text.slice(tk.start, (toks[argsEnd] ?? chainEnd).end)} (returned at run time)` }]);
        if (argsEnd === close) jvmCallValue(c, k, chain.names, close, out, given); // its value unknown, named (jvm-call-values.ts)
        return argsEnd + 1;
      }
      if (isP(next, '{') || isP(next, '<') || (prev && prev.t === T.Id && prev.v === 'new')) {
        // A type: composite literal `T{…}`, generic `List<…>`, `new T`, `new List<Message> {…}`, `new Message[] {…}`.
        if (terms) break;
        return prev?.v === 'new' ? Math.max(chain.end, typeEnd(c, k, to)) : chain.end;
      }
      if (reservedWord(c, name) && chain.names.length === 1) {
        if (terms) break;
        return chain.end;
      }
      // Rust `vec![…]`: the macro makes a Vec of the elements read next, no run-time part of its own.
      if (c.syn.id === 'rust' && name === 'vec' && chain.names.length === 1 && isP(next, '!') && isP(toks[chain.end + 1], '[')) {
        if (terms) break;
        return chain.end + 1;
      }
      // A PHP `$variable` is its function's (a parameter `$prompt` is not another method's `$prompt = '…'`): the
      // scope chain below reads it, not the file's constants.
      let con: { str?: string; num?: number; holes?: string[]; at?: number } | undefined = c.syn.id === 'php' && tk.v.charCodeAt(0) === 36 ? undefined : constantFor(c, chain.names, tk.start);
      if (con?.holes?.length && (c.syn.id === 'javascript' || c.syn.id === 'python' || c.syn.id === 'ruby' || c.syn.id === 'csharp')) con = refilled(c, con, k, chain.end);
      // A local built up with `+=` or reassigned from itself before the use: its value through the scope chain (rebound-before.ts).
      if (con && ((chain.names.length === 1 && changedBefore(c, tk.v, k, con.at)) || markupState(c, chain.names))) con = undefined; // or the markup binds it: reactive-state.ts
      const label = c.text.slice(tk.start, chainEnd.end);
      if (con === undefined) {
        // Not a same-file constant: through the scope chain (an import, a local, a settings field).
        const v = expr(c, k, chain.end, 0).v;
        // `messages = [{…}, {…}]`, `[system] + history`, then `create(messages=messages)`: the list where it is
        // written, with what is appended to it before the call (message-lists.ts).
        // Python `[*BASE, {…}]`: the items of the list starred in a list literal are its items.
        const spread = isSpread(prev) && !listSpread(c, k); // JS/TS `[…SHOTS, {…}]` too (part-terms.ts)
        if (terms === 0 && chain.names.length === 1 && !spread && listVariable(c, name, v, k, { start: tk.start, end: chainEnd.end }, out, depth, collectParts, isSpread(prev))) return chain.end;
        if (terms === 0 && v?.str === undefined && (chain.names.length === 1 ? jvmPromptVariable(c, name, k, out, depth, collectParts) : kotlinObjectContent(c, chain.names, k, chain.end, out, depth, collectParts))) return chain.end;
        const message = terms === 0 && chain.names.length === 1 && !isSpread(prev) ? messageBefore(c, v, k) : -1;
        if (message >= 0) {
          // `messages: [system, message]`, `message = { role: …, content: … }`: its parts, where it is written, and one
          // message at the call's own value (keys.ts; a list kept in a name counts its items, message-lists.ts).
          collectParts(c, message + 1, c.match[message], out, depth + 1);
          if (depth === 0) c.listMessages = (c.listMessages ?? 0) + 1;
          return chain.end;
        }
        // A list written elsewhere: a Go slice parameter's callers, callers' literals, a constructor's (lists-elsewhere.ts).
        if (terms === 0 && !spread && listWrittenElsewhere(c, chain.names, k, v, { start: tk.start, end: chainEnd.end }, out, depth, collectParts)) return chain.end;
        if (v?.str !== undefined || v?.num !== undefined) {
          con = v;
          if (terms === 0 && v.source) source = v.source;
        }
      }
      if (con?.str !== undefined) {
        fromConstant = terms === 0 ? chain.names[chain.names.length - 1] : fromConstant;
        addText(con, tk, chainEnd);
      } else if (con?.num === undefined && !roleConstant(c, chain.names) && !rustVariant(c, chain.names)) {
        unresolved.push({ text: '', span: { start: tk.start, end: chainEnd.end }, resolved: false, label });
        terms++;
      }
      k = chain.end;
    } else break;
    const next = toks[k];
    if (!next || k >= to) break;
    if (next.t === T.Punct && (next.v === '+' || (c.syn.dotConcat && next.v === '.'))) {
      k++;
      continue;
    }
    if (next.t === T.Str && toks[k - 1].t === T.Str) continue;
    break;
  }
  flush();
  return k;

  /** A known text (with its holes) as one more joined term spanning first..end. */
  function addText(v: { str?: string; holes?: string[]; source?: ValueSource; fallback?: true }, from: Token, end: Token) {
    const str = v.str ?? '';
    if (text.length + str.length <= MAX_JOINED_TEXT) text += str;
    else unresolved.push({ text: '', span: spanOf(from, end), resolved: false, label: TOO_LONG });
    for (const h of v.holes ?? []) unresolved.push({ text: '', span: spanOf(from, end), resolved: false, label: h });
    const param = paramDefault(v, spanOf(from, end));
    if (param) unresolved.push(param);
    first ??= from;
    last = end;
    terms++;
  }

  function flush() {
    if (first && last && text) {
      const part: PromptPart = { text, span: spanOf(first, last), resolved: true };
      if (fromConstant) part.fromConstant = fromConstant;
      if (source) part.source = source;
      out.push(part);
    }
    pushParts(out, unresolved);
    unresolved.length = 0;
    text = '';
    first = last = undefined;
    source = undefined;
    terms = 0;
  }
}
