// instructor (github.com/567-labs/instructor): `client = instructor.from_openai(OpenAI())`, then
// `client.chat.completions.create(model=…, response_model=User, messages=[…])`. In its default mode (Mode.TOOLS) it sends
// the pydantic class as one forced function tool, the request its docs print (docs/concepts/hooks.md, "Example: Logging
// and Debugging": `tools: [{type: "function", function: {name: "User", description: "Correctly extracted `User` with all
// the required parameters with correct types", parameters: {properties: {name: {title: "Name", type: "string"}, …},
// required: […], type: "object"}}}]`, `tool_choice` naming it): model_json_schema() without its root title and
// description; the class docstring, when there is one, is the description (function_calls.py openai_schema). Counted as
// tool definitions are (cost/tool-tokens.ts). Other modes (JSON, MD_JSON) put the schema in a message: not counted here.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import type { Ctx } from './values';
import { itemEnd } from './zod-schema';
import { pydanticClassSchema } from './py-pydantic-schema';

/** Words read outside the call: the file's `instructor` and a `Mode.` that is not TOOLS (editor/incremental.ts). */
export const INSTRUCTOR_WORDS = ['instructor', 'Mode'];

/** The code names `instructor` (an import, `instructor.from_openai`): a comment that mentions it does not count. */
function namesInstructor(c: Ctx): boolean {
  let named = NAMED.get(c.toks);
  if (named === undefined) NAMED.set(c.toks, (named = /\binstructor\b/.test(c.text) && c.toks.some((t) => t.v === 'instructor' && isId(t))));
  return named;
}

/** Whether a file's code names instructor, per lexed file: asked at every `.create(` call. */
const NAMED = new KeyMemo<object, boolean>();

/** The forced tool instructor sends for `response_model=Cls` on a `.create(` call, else undefined. */
export function instructorTool(c: Ctx, open: number, end: number, unread: string[]): ToolDefs | undefined {
  const { toks } = c;
  if (c.syn.id !== 'python' || !isId(toks[open - 1]) || toks[open - 1].v !== 'create' || !namesInstructor(c)) return undefined;
  // A mode that writes the schema into a message instead of a tool.
  if (/\bMode\.(JSON|MD_JSON|JSON_SCHEMA|JSON_O1)\b/.test(c.text)) return undefined;
  for (let k = open + 1; k < end; k = itemEnd(c, k, end) + 1) {
    if (!isId(toks[k]) || toks[k].v !== 'response_model' || !isP(toks[k + 1], '=')) continue;
    if (!isId(toks[k + 2]) || itemEnd(c, k, end) !== k + 3) return undefined;
    const name = toks[k + 2].v;
    const schema = pydanticClassSchema(c, name, unread);
    if (!schema) return undefined;
    const { title, description, ...parameters } = schema;
    const fn = {
      name: typeof title === 'string' ? title : name,
      description: typeof description === 'string' ? description : `Correctly extracted \`${name}\` with all the required parameters with correct types`,
      parameters,
    };
    return { text: JSON.stringify([{ type: 'function', function: fn }]), definitions: 1, span: { start: toks[k].start, end: toks[k + 2].end } };
  }
  return undefined;
}
