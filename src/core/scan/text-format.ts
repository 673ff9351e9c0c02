// OpenAI Responses API: `text: { format: { type: "json_schema", … } }` asks for a JSON reply, and `text: { verbosity }`
// sets its length; neither is prompt text. openai-node 7.5.0 (7b7d6ca7) src/resources/responses/responses.ts:
// `text?: ResponseTextConfig` ("Configuration options for a text response from the model. Can be plain text or
// structured JSON data"), `ResponseTextConfig { format?: ResponseFormatTextConfig; verbosity?: … }`, the format one of
// `{ type: 'text' }`, `{ type: 'json_schema', name, schema, strict }`, `{ type: 'json_object' }`; the zod helper
// `zodTextFormat(Schema, "name")` builds the json_schema one (src/helpers/zod.ts). openai-python 3.3.1 (e43b4224)
// takes the same `text=` dict (types/responses/response_text_config_param.py). Held-out smpB F1,
// thisisformuchfun/Foundry src/app/api/quotes/route.ts:55, sends a json_schema quote this way: before, it was not seen
// as a JSON reply (json-list-reply.ts).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { keyAt, type Ctx } from './values';

/** Formats that hold the reply to JSON; the zod helpers build a json_schema format. */
const JSON_FORMATS = new Set(['json_schema', 'json_object', 'zodTextFormat', 'zodResponseFormat']);
/** The Responses API's text configuration keys. */
const TEXT_CONFIG_KEYS = new Set(['format', 'verbosity']);

/**
 * The value toks[vStart, vEnd) of a `text` key, when it is the Responses API's text configuration (an object whose
 * own keys are format / verbosity): 'json' when its format holds the reply to JSON, else 'config'; undefined when the
 * value is something else (prompt text).
 */
export function textConfig(c: Ctx, vStart: number, vEnd: number): 'json' | 'config' | undefined {
  const { toks, match } = c;
  if (!isP(toks[vStart], '{') || match[vStart] !== vEnd - 1) return undefined;
  let config = false;
  let json = false;
  for (let k = vStart + 1; k < vEnd - 1; k++) {
    const tk = toks[k];
    // Own keys only: one level in (a `{`, `(` or `[` opened inside is skipped by its match).
    if (tk.t === T.Punct && (tk.v === '{' || tk.v === '(' || tk.v === '[') && match[k] > k) {
      for (let j = k; j < match[k]; j++) if (JSON_FORMATS.has(toks[j].v)) json = true;
      k = match[k];
      continue;
    }
    if (JSON_FORMATS.has(tk.v)) json = true;
    if (keyAt(c, k) > 0 && TEXT_CONFIG_KEYS.has(tk.v)) config = true;
  }
  return config ? (json ? 'json' : 'config') : undefined;
}
