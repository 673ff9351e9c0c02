// A DSPy signature as the ChatAdapter sends it. Read in stanfordnlp/dspy 3.3.1 (4ed377ee): the system message is
// format_field_description + format_field_structure + format_task_description (adapters/base.py:444-455,
// chat_adapter.py:117-151), the user message each input field's `[[ ## name ## ]]` header and value, then
// user_message_output_requirements (chat_adapter.py:153-199). A field line is "N. `name` (type): desc"
// (adapters/utils.py:263-280); an output field that is no str carries a "# note: the value you produce …"
// (utils.py:131-156). A signature with no docstring (or a string one, "question -> answer") is instructed
// "Given the fields `question`, produce the fields `answer`." (signatures/signature.py:35-38).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { pyBlockEnd } from './body-ends';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import { lastBelow, push } from './dspy-args';
import type { Span } from '../types';

export interface SigField {
  name: string;
  /** The annotation as get_annotation_name writes it (`str`, `list[str]`, `Literal['a', 'b']`). */
  type: string;
  desc: string;
  /** The Literal's values, for the output note. */
  literal?: string[];
}

export interface Signature {
  name: string;
  inputs: SigField[];
  outputs: SigField[];
  instructions: string;
  /** Where it is written (the class, or the string). */
  span: Span;
}

/** The signature a module's first argument names: a string "a, b -> c" or a Signature class of the file. */
export function readSignature(c: Ctx, i: number, depth = 0): Signature | string {
  const { toks } = c;
  const tk = toks[i];
  if (!tk) return 'signature';
  if (tk.t === T.Str && !tk.holes?.length && tk.v.includes('->')) return stringSignature(tk.v, { start: tk.start, end: tk.end });
  // `dspy.Signature("claim -> titles: list[str]", instructions)`: its text, instructed so (signature.py make_signature).
  if (tk.v === 'dspy' && toks[i + 2]?.v === 'Signature' && isP(toks[i + 3], '(') && c.match[i + 3] > 0) {
    const close = c.match[i + 3];
    const sig = toks[i + 4]?.t === T.Str || isId(toks[i + 4]) ? readSignature(c, i + 4, depth + 1) : undefined;
    if (!sig || typeof sig === 'string') return `signature ${c.text.slice(tk.start, toks[close].end)} (known at run time)`;
    const comma = isP(toks[i + 5], ',') ? i + 6 : -1;
    if (comma < 0 || comma >= close) return sig;
    const v = evaluate(c, comma, close);
    if (v?.str === undefined || v.holes?.length) return `instructions of ${c.text.slice(tk.start, toks[close].end)} (known at run time)`;
    return { ...sig, instructions: v.str.trim() ? dedent(v.str) : sig.instructions, span: { start: tk.start, end: toks[close].end } };
  }
  if (isId(tk) && !isP(toks[i + 1], '.')) {
    const cls = classSignature(c, tk.v);
    if (cls) return cls;
    // A name bound to a signature (`sig = "question -> answer"`, `sig = dspy.Signature(…)`), its last binding before.
    const at = depth < 2 ? lastBinding(c, tk.v, i) : -1;
    if (at >= 0) return readSignature(c, at, depth + 1);
    const v = evaluate(c, i, i + 1);
    if (v?.str !== undefined && !v.holes?.length && v.str.includes('->')) return stringSignature(v.str, { start: tk.start, end: tk.end });
    return `signature ${tk.v} (not in this file)`;
  }
  return `signature ${c.text.slice(tk.start, tk.end)} (known at run time)`;
}

/** The value's first token of the last `name = …` starting a line before toks[at], or -1. */
function lastBinding(c: Ctx, name: string, at: number): number {
  let all = BINDINGS.get(c.toks);
  if (!all) {
    BINDINGS.set(c.toks, (all = new Map()));
    for (let k = 0; k + 2 < c.toks.length; k++) if (isId(c.toks[k]) && isP(c.toks[k + 1], '=') && lineStart(c, k)) push(all, c.toks[k].v, k + 2);
  }
  return lastBelow(all.get(name), at, (v) => v) ?? -1;
}
const BINDINGS = new WeakMap<object, Map<string, number[]>>();

function stringSignature(s: string, span: Span): Signature | string {
  const at = s.indexOf('->');
  const side = (part: string): SigField[] =>
    splitTop(part).map((f) => {
      const colon = f.indexOf(':');
      const name = (colon < 0 ? f : f.slice(0, colon)).trim();
      return { name, type: colon < 0 ? 'str' : typeName(f.slice(colon + 1)), desc: '' };
    }).filter((f) => /^[A-Za-z_]\w*$/.test(f.name));
  const inputs = side(s.slice(0, at));
  const outputs = side(s.slice(at + 2));
  if (!outputs.length) return `signature "${s}"`;
  return { name: s, inputs, outputs, instructions: defaultInstructions(inputs, outputs), span };
}

/** Commas outside brackets split a signature's side. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) out.push(s.slice(from, k)), (from = k + 1);
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim()).filter(Boolean);
}

const defaultInstructions = (inputs: SigField[], outputs: SigField[]) =>
  `Given the fields ${inputs.map((f) => `\`${f.name}\``).join(', ')}, produce the fields ${outputs.map((f) => `\`${f.name}\``).join(', ')}.`;

const CLASSES = new WeakMap<object, Map<string, Signature | undefined>>();

/** `class Name(dspy.Signature):` of this file, read once a file. */
function classSignature(c: Ctx, name: string): Signature | undefined {
  let memo = CLASSES.get(c.toks);
  if (!memo) CLASSES.set(c.toks, (memo = new Map()));
  if (!memo.has(name)) memo.set(name, readClass(c, name));
  return memo.get(name);
}

/** `class Name(dspy.Signature):`: its docstring and `x: T = dspy.InputField(desc=…)` fields. */
function readClass(c: Ctx, name: string): Signature | undefined {
  const { toks, match } = c;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'class' || !isP(toks[k + 1], '(')) continue;
    const close = match[k + 1];
    if (close < 0 || !toks.slice(k + 2, close).some((t) => t.v === 'Signature') || !isP(toks[close + 1], ':')) continue;
    const body = close + 2;
    const end = pyBlockEnd(c, body, close + 1);
    const inputs: SigField[] = [];
    const outputs: SigField[] = [];
    let doc: string | undefined = toks[body]?.t === T.Str ? toks[body].v : undefined;
    for (let j = body; j < end; j++) {
      if (!isId(toks[j]) || (j > body && !lineStart(c, j))) continue;
      // `name: T = dspy.InputField(…)` or `name = dspy.OutputField(…)`.
      let k2 = j + 1;
      let type = 'str';
      if (isP(toks[k2], ':')) {
        const eq = findEq(c, k2 + 1, end);
        if (eq < 0) continue;
        type = typeName(c.text.slice(toks[k2 + 1].start, toks[eq - 1].end));
        k2 = eq;
      }
      if (!isP(toks[k2], '=')) continue;
      const fieldAt = toks[k2 + 2]?.v === '.' ? k2 + 3 : k2 + 1;
      const kind = toks[fieldAt]?.v;
      if ((kind !== 'InputField' && kind !== 'OutputField') || !isP(toks[fieldAt + 1], '(')) continue;
      const fclose = match[fieldAt + 1];
      const field: SigField = { name: toks[j].v, type, desc: fieldDesc(c, fieldAt + 1, fclose) };
      const lit = literalValues(type);
      if (lit) field.literal = lit;
      (kind === 'InputField' ? inputs : outputs).push(field);
      if (fclose > j) j = fclose;
    }
    if (!outputs.length) return undefined;
    if (doc !== undefined) doc = dedent(doc);
    return { name, inputs, outputs, instructions: doc?.trim() ? doc : defaultInstructions(inputs, outputs), span: { start: toks[k - 1].start, end: toks[end - 1].end } };
  }
  return undefined;
}

const lineStart = (c: Ctx, j: number) => {
  for (let p = c.toks[j].start - 1; p >= 0; p--) {
    const ch = c.text.charCodeAt(p);
    if (ch === 10) return true;
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
};

function findEq(c: Ctx, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    if (isP(c.toks[k], '=')) return k;
    if (c.toks[k].t === T.Punct && (c.toks[k].v === '[' || c.toks[k].v === '(') && c.match[k] > k) k = c.match[k];
    else if (k > from && lineStart(c, k)) return -1;
  }
  return -1;
}

/** `desc="…"` (or pydantic's `description=`) of a field, when a literal. */
function fieldDesc(c: Ctx, open: number, close: number): string {
  for (let k = open + 1; k < close; k++) {
    const t = c.toks[k];
    if ((t.v === 'desc' || t.v === 'description') && isP(c.toks[k + 1], '=') && c.toks[k + 2]?.t === T.Str) {
      let s = '';
      for (let m = k + 2; m < close && c.toks[m].t === T.Str; m++) s += c.toks[m].v;
      return s;
    }
  }
  return '';
}

/** A written annotation as Python prints it: no line breaks, no trailing comma, single-quoted literals. */
function typeName(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim().replace(/,\s*\]/g, ']').replace(/"([^"'\\]*)"/g, "'$1'");
  return flat.replace(/^typing\./, '') || 'str';
}

function literalValues(type: string): string[] | undefined {
  if (!type.startsWith('Literal[') || !type.endsWith(']')) return undefined;
  return splitTop(type.slice(8, -1)).map((v) => v.replace(/^'(.*)'$/, '$1'));
}

function dedent(s: string): string {
  const lines = s.split('\n');
  const rest = lines.slice(1).filter((l) => l.trim());
  const cut = rest.length ? Math.min(...rest.map((l) => l.length - l.trimStart().length)) : 0;
  return [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(cut))].join('\n').trim();
}

/** The output note of translate_field_type (utils.py:131-156); unknown: a JSON schema, known at run time. */
function note(f: SigField): { text: string; unknown?: string } {
  const t = f.type;
  let d = '';
  if (t === 'str' || t === 'dspy.Reasoning') return { text: '' };
  if (t === 'bool') d = 'must be True or False';
  else if (t === 'int' || t === 'float') d = `must be a single ${t} value`;
  else if (f.literal) d = `must exactly match (no extra characters) one of: ${f.literal.join('; ')}`;
  // pydantic's schema of dict[str, Any] (ReAct's next_tool_args).
  else if (t === 'dict[str, Any]') d = 'must adhere to the JSON schema: {"type": "object", "additionalProperties": true}';
  else return { text: ' '.repeat(8) + '# note: the value you produce must adhere to the JSON schema: ', unknown: `JSON schema of ${t} (output field ${f.name})` };
  return { text: ' '.repeat(8) + `# note: the value you produce ${d}` };
}

export interface AdapterText {
  system: string;
  /** The user message's static text: each input's header, then the output reminder; values go between. */
  userHeaders: string[];
  userTail: string;
  /** What the text leaves out (an output type's JSON schema). */
  unknown: string[];
}

/** The ChatAdapter's messages for this signature, field values left out. */
export function adapterText(sig: Signature): AdapterText {
  const unknown: string[] = [];
  const describe = (fs: SigField[]) => fs.map((f, k) => `${k + 1}. \`${f.name}\` (${f.type}): ${f.desc}`).join('\n').trim();
  const structure = (fs: SigField[], input: boolean) =>
    fs.map((f) => {
      const n = input ? { text: '' } : note(f);
      if (n.unknown) unknown.push(n.unknown);
      return `[[ ## ${f.name} ## ]]\n{${f.name}}${n.text}`;
    }).join('\n\n').trim();
  const objective = ['', ...sig.instructions.split('\n')].join('\n' + ' '.repeat(8));
  const system = `Your input fields are:\n${describe(sig.inputs)}\nYour output fields are:\n${describe(sig.outputs)}\n` +
    ['All interactions will be structured in the following way, with the appropriate values filled in.', structure(sig.inputs, true), structure(sig.outputs, false), '[[ ## completed ## ]]\n'].join('\n\n').trim() +
    `\nIn adhering to this structure, your objective is: ${objective}`;
  const typeInfo = (f: SigField) => (f.type === 'str' ? '' : ` (must be formatted as a valid Python ${f.type})`);
  const userTail = 'Respond with the corresponding output fields, starting with the field ' +
    sig.outputs.map((f) => `\`[[ ## ${f.name} ## ]]\`${typeInfo(f)}`).join(', then ') + ', and then ending with the marker for `[[ ## completed ## ]]`.';
  return { system, userHeaders: sig.inputs.map((f) => `[[ ## ${f.name} ## ]]\n`), userTail, unknown };
}

/** ChainOfThought prepends a `reasoning` output field, its desc `${reasoning}` shown as none (chain_of_thought.py:45-48). */
export function withReasoning(sig: Signature): Signature {
  return { ...sig, outputs: [{ name: 'reasoning', type: 'str', desc: '' }, ...sig.outputs] };
}
