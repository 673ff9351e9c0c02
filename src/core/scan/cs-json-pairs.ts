// C# request bodies written as key/value pairs rather than `key = value` (values.ts keyAt):
// - a collection initializer's item `{ "model", "gpt-4o" }`, which calls `Add(key, value)`: Newtonsoft.Json
//   `new JObject { { "model", m }, { "max_tokens", n } }` (JObject.Add(string propertyName, JToken value),
//   https://www.newtonsoft.com/json/help/html/M_Newtonsoft_Json_Linq_JObject_Add.htm) and `new Dictionary<string,
//   object> { { "model", m } }`;
// - `new JProperty("model", m)` (JProperty(string name, object content),
//   https://www.newtonsoft.com/json/help/html/M_Newtonsoft_Json_Linq_JProperty__ctor_1.htm) in `new JObject(…)`.
// Both serialise to `{"model": m, …}` (`jobject.ToString()`): held66 MitchP95/ChatGPT-DotNET ChatGPTClient.cs,
// frotaadriano/ChatGPT-DotNet7-MinimalAPI Program.cs.
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';

/** Is the string toks[i], followed by `,`, the key of a pair item or of a `new JProperty(key, value)`? */
export function jsonPairKey(toks: Token[], match: ArrayLike<number>, i: number): boolean {
  if (toks[i]?.t !== T.Str) return false;
  const open = toks[i - 1];
  if (isP(open, '(')) return toks[i - 2]?.v === 'JProperty' && toks[i - 3]?.v === 'new';
  // An item of an initializer: its `{` follows the initializer's `{` or the last item's `,`, and holds two values.
  if (!isP(open, '{') || !(isP(toks[i - 2], '{') || isP(toks[i - 2], ','))) return false;
  const close = match[i - 1];
  if (!(close > i + 1)) return false;
  for (let k = i + 2; k < close; k++) {
    if (match[k] > k) k = match[k];
    else if (isP(toks[k], ',')) return false;
  }
  return true;
}
