// Where the "Set max_tokens" quick fix writes an output limit into a call: after the model key's value, in the
// syntax that key was written in (keyword argument, object key, quoted key, builder method). Moved out of ./scanner.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { LimitInsertion } from '../types';
import type { Ctx } from './values';
import type { Found } from './keys';
import type { CallShape } from './call-shape-types';
import { swiftInsertion } from './swift-arg-order';

/** Languages whose plain-HTTP request bodies are typed objects of the app's own (http-go.ts, http-rust.ts, http-jvm.ts). */
const OWN_TYPES = new Set(['go', 'rust', 'java', 'kotlin', 'swift']);

/** Where an output limit goes, in the syntax the model key was written in. */
export function insertion(c: Ctx, shape: CallShape, f: Found, param: string): LimitInsertion | undefined {
  const { toks } = c;
  // go-gpt3's completions take the engine as an argument, not a request key: nothing to write after (the limit
  // goes into the request, `MaxTokens: gpt3.IntPtr(n)`).
  if (shape.id.startsWith('gogpt3.Completion')) return undefined;
  const keyIdx = f.modelKeyIdx!;
  const key = toks[keyIdx];
  const valueLast = toks[f.modelEnd! - 1];
  // openai-go's optional fields take `openai.Int(n)`; go-openai's request fields are plain ints (chat.go MaxTokens int),
  // as go-gpt3's chat request's are (models.go ChatCompletionRequest.MaxTokens int; its completions name no model).
  const go = c.syn.id === 'go' && shape.provider === 'openai' && !/^go(openai|gpt3)\./.test(shape.id) && !shape.http;
  const num = go ? 'openai.Int({n})' : '{n}';
  const prev = toks[keyIdx - 1];
  // A request class of the app's own, posted over plain HTTP (a Go or Rust struct, a Java builder or record): it has
  // only the fields it declares, no field to write; a JSON key (`json!({"model": …})`) takes one.
  // A Java map's key (`Map.of("model", m)`, `body.put("model", m)`) takes no `"key": n` either.
  if (shape.http && (key.t !== T.Str || c.syn.id === 'java' || c.syn.id === 'kotlin') && OWN_TYPES.has(c.syn.id)) return undefined;
  // Swift's labelled arguments go in the init's declared order, not after the model (swift-arg-order.ts).
  if (c.syn.id === 'swift' && key.t !== T.Str) return swiftInsertion(c, shape.id, keyIdx, param);
  if (isP(prev, '.') && isP(toks[keyIdx + 1], '(')) {
    const close = toks[f.modelEnd!];
    return { offset: (close ?? valueLast).end, template: `.${param}(${num})` };
  }
  const sep = toks[keyIdx + 1];
  if (!valueLast) return undefined;
  if (key.t === T.Str) {
    const q = c.text[key.start];
    return { offset: valueLast.end, template: `, ${q}${param}${q}${sep.v === '=>' ? ' => ' : ': '}${num}` };
  }
  // Shorthand `{ model, messages }`: the value is the key itself (readKey(k, k, k + 1)); every other form's value
  // starts after a separator, so ends at keyIdx + 2 or later.
  if (f.modelEnd === keyIdx + 1) return { offset: key.end, template: `, ${param}: ${num}` };
  if (isP(sep, '=')) return { offset: valueLast.end, template: c.syn.id === 'csharp' || c.syn.id === 'kotlin' ? `, ${param} = ${num}` : `, ${param}=${num}` };
  if (isP(sep, ':')) {
    const ruby = c.syn.id === 'ruby';
    return { offset: valueLast.end, template: `, ${param}: ${ruby ? '{n}' : num}` };
  }
  return undefined;
}

