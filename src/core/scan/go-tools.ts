// Tools given to a go-openai call (github.com/sashabaranov/go-openai): `Tools: []openai.Tool{…}` in the request
// literal, or `req.Tools = …` set on the request before the call, read as the JSON the SDK sends (go-literal-json.ts).
// Facts from go-openai: chat.go `Tool{Type "type", Function "function,omitempty"}` marshalled as a map with the
// Responses API properties of its `Parameters` beside them (Tool.MarshalJSON), `FunctionDefinition{Name "name",
// Description "description", Strict "strict", Parameters "parameters"}`, the ToolType constants;
// jsonschema/json.go `Definition{Type, Description, Enum, Properties, Required, Items, AdditionalProperties, Nullable}`
// (json names: the Go name lowered), `Ref "$ref"`, `Defs "$defs"`, and the DataType constants.
// The official openai-go's chat tools too (github.com/openai/openai-go v1.12.0 chatcompletion.go
// `ChatCompletionToolParam{Function shared.FunctionDefinitionParam "function"; Type constant.Function "type"}`, "can
// be elided, and will marshal its zero value as \"function\""; shared/shared.go `FunctionDefinitionParam{Name "name",
// Strict "strict", Description "description", Parameters FunctionParameters "parameters"}`, FunctionParameters a
// map[string]any; field.go `String/Int/Bool(v)` = param.NewOpt(v); v2+ `ChatCompletionFunctionTool(function)` makes
// the union's ChatCompletionFunctionToolParam, the same JSON; the v0 alphas wrap every field in `openai.F(v)` and name
// the type `openai.ChatCompletionToolTypeFunction`, "function": v0.1.0-alpha.38 field.go, chatcompletion.go).
import { isId, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd } from './scope';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { literalOpen, value, type Walk } from './go-literal-json';

/** go-openai chat.go `type ToolType string` constants and jsonschema/json.go `type DataType string` constants. */
const CONSTANTS: Record<string, string> = {
  ToolTypeFunction: 'function', ToolTypeWebSearch: 'web_search', ToolTypeWebSearchPreview: 'web_search_preview',
  ToolTypeFileSearch: 'file_search', ToolTypeComputer: 'computer', ToolTypeComputerUsePreview: 'computer_use_preview',
  ToolTypeComputerUse: 'computer_use', ToolTypeCodeInterpreter: 'code_interpreter', ToolTypeImageGeneration: 'image_generation',
  ToolTypeMCP: 'mcp', ToolTypeCustom: 'custom', ToolTypeLocalShell: 'local_shell', ToolTypeShell: 'shell',
  ToolTypeApplyPatch: 'apply_patch', ToolTypeToolSearch: 'tool_search',
  Object: 'object', Number: 'number', Integer: 'integer', String: 'string', Array: 'array', Null: 'null', Boolean: 'boolean',
};
/** Struct fields whose json tag is not the Go name lowered (jsonschema/json.go). */
const TAGS: Record<string, string> = { Ref: '$ref', Defs: '$defs' };
/** openai-go: the option wrappers, the v2 tool constructor, and the tool structs' elided `type`. */
const OPENAI_GO: Pick<Walk, 'constants' | 'wrappers' | 'fixed'> = {
  constants: { ChatCompletionToolTypeFunction: 'function' },
  wrappers: { F: {}, String: {}, Int: {}, Bool: {}, Float: {}, NewOpt: {}, ChatCompletionFunctionTool: { key: 'function', fixed: { type: 'function' } } },
  fixed: { ChatCompletionToolParam: { type: 'function' }, ChatCompletionFunctionToolParam: { type: 'function' } },
};

/** The tools of the go-openai (or openai-go chat) call whose arguments are toks(open, end), the request literal it sends at `req`. */
export function goTools(c: Ctx, site: CallSite, open: number, end: number, first: number): ToolDefs | undefined {
  const official = site.shape.startsWith('openai.go.chat');
  if (c.syn.id !== 'go' || !(official || site.shape.startsWith('goopenai.'))) return undefined;
  const { toks } = c;
  const ranges: [number, number][] = [[open + 1, end]];
  if (site.request) {
    const a = tokenAt(c, site.request.start);
    const b = tokenAt(c, site.request.end - 1);
    if (a >= 0 && b >= a) ranges.push([a, b + 1]);
  }
  let at = -1;
  // go-openai's deprecated `Functions []FunctionDefinition` (json "functions", chat.go) when the request has no Tools.
  for (const key of official ? ['Tools'] : ['Tools', 'Functions']) {
    for (const [from, to] of ranges) {
      for (let k = from; k < to && at < 0; k++) if (toks[k].v === key && isP(toks[k + 1], ':') && !isP(toks[k - 1], '.')) at = k + 2;
    }
  }
  // `req.Tools = …` on a name the call passes, before the call (an `if` around it: the worst case sends them).
  if (at < 0) {
    const passed = new Set<string>();
    for (let k = open + 1; k < end; k++) if (isId(toks[k])) passed.add(toks[k].v);
    // Within the function the call is in; `req.Tools = nil` (sent without tools) is not the worst case.
    for (let k = first - 1; k > 1 && k > first - 4000 && toks[k].v !== 'func'; k--) {
      if (toks[k].v === 'Tools' && isP(toks[k - 1], '.') && passed.has(toks[k - 2]?.v) && isP(toks[k + 1], '=') && toks[k + 2]?.v !== 'nil') {
        at = k + 2;
        break;
      }
    }
  }
  // A truncated file (`Tools:` at its end, as typed) has no value yet.
  if (at < 0 || at >= toks.length) return undefined;
  const w: Walk = official
    ? { unread: [], from: toks[at].start, c, tags: {}, ...OPENAI_GO }
    : { unread: [], from: toks[at].start, c, constants: CONSTANTS, tags: TAGS, asMap: { type: 'Tool', field: 'Parameters' } };
  const v = value(c, at, w, 0);
  for (const l of new Set(w.unread)) site.parts.push({ text: '', span: { start: toks[at].start, end: toks[at].end }, resolved: false, label: l });
  if (!Array.isArray(v) || !v.length) return undefined;
  const lo = literalOpen(c, at);
  const last = lo >= 0 ? c.match[lo] : Math.max(at, exprEnd(c, at) - 1);
  return { text: JSON.stringify(v), definitions: v.length, span: { start: Math.min(w.from, toks[at].start), end: toks[last].end } };
}

/** Index of the token containing character offset `off` (the last starting at or before it), or -1. */
function tokenAt(s: Pick<EvalScope, 'toks'>, off: number): number {
  return countBefore(s.toks.length, (k) => s.toks[k].start <= off) - 1;
}

