// The texts of function definitions that Gemini bills, as Google's own offline counter collects them (go-genai
// tokenizer/local_tokenizer.go addTool/addSchema, the same in google-genai's local_tokenizer.py): each
// declaration's name and description, and in its parameter schema every description, enum value, required name and
// property name, recursively through properties and items. Counted with the Gemma 3 vocabulary (cost/tool-tokens.ts).

export interface DeclarationTexts {
  texts: string[];
  /** Property names seen, at any depth: the API bills more per property than its name (its type, its wrapper). */
  properties: number;
}

type Value = string | number | null | Value[] | { [k: string]: Value };
const isObj = (v: unknown): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Definitions found anywhere in `v`: an object with a string `name` and parameters, an input schema or a description. */
export function declarationTexts(v: unknown): DeclarationTexts {
  const out: DeclarationTexts = { texts: [], properties: 0 };
  const walk = (x: unknown, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(x)) for (const e of x) walk(e, depth + 1);
    else if (isObj(x)) {
      const params = x.parameters ?? x.input_schema ?? x.parametersJsonSchema ?? x.parameters_json_schema;
      if (typeof x.name === 'string' && (params !== undefined || typeof x.description === 'string')) {
        out.texts.push(x.name);
        if (typeof x.description === 'string' && x.description) out.texts.push(x.description);
        schema(params, out, 0);
      } else for (const e of Object.values(x)) walk(e, depth + 1);
    }
  };
  walk(v, 0);
  return out;
}

function schema(s: unknown, out: DeclarationTexts, depth: number): void {
  if (!isObj(s) || depth > 32) return;
  if (typeof s.description === 'string' && s.description) out.texts.push(s.description);
  if (Array.isArray(s.enum)) for (const e of s.enum) if (typeof e === 'string' || typeof e === 'number') out.texts.push(String(e));
  if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') out.texts.push(r);
  if (isObj(s.properties))
    for (const [k, p] of Object.entries(s.properties)) {
      out.texts.push(k);
      out.properties++;
      schema(p, out, depth + 1);
    }
  if (s.items !== undefined) schema(s.items, out, depth + 1);
}

/**
 * Reads the scan's JSON-like tool text (tokens as written, strings JSON-quoted: `{"name": "f", …}`,
 * `FunctionDeclaration(name="f", …)`, PHP `['name' => 'f', …]` and `array(…)`) into plain values: objects from braces,
 * from calls with keyword arguments and from PHP arrays with keys, arrays from brackets, strings; anything else is
 * null. One pass, nesting bounded, never throws.
 */
export function readToolText(text: string): unknown {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, Math.min(i, n)));
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (depth: number): Value => {
    ws();
    const c = text[i];
    if (c === '"') return str();
    if (depth > 64) {
      i = n;
      return null;
    }
    if (c === '{' || c === '(') return members(c === '{' ? '}' : ')', depth);
    if (c === '[' && keyedList()) return members(']', depth);
    if (c === '[') return list(']', depth);
    // A word, a number, a dotted name: skipped; a call after it (`types.Tool(…)`) is read as its arguments.
    const at = i;
    while (i < n && /[\w.$-]/.test(text[i])) i++;
    if (i === at) i++;
    const word = text.slice(at, i);
    ws();
    if (text[i] !== '(') return null;
    // PHP `array(…)`: a list unless its first element is a key (`array('type' => 'object')`).
    if (word === 'array' && !keyedList()) return list(')', depth);
    return members(')', depth);
  };
  /** At `[` or `(`: whether its first element is a string key followed by PHP's `=>` (`['type' => 'json_object']`). */
  const keyedList = (): boolean => {
    const save = i;
    i++;
    ws();
    let keyed = false;
    if (text[i] === '"') {
      str();
      ws();
      keyed = text.startsWith('=>', i);
    }
    i = save;
    return keyed;
  };
  const list = (close: string, depth: number): Value => {
    i++;
    const a: Value[] = [];
    for (ws(); i < n && text[i] !== close; ws()) {
      const at = i;
      a.push(value(depth + 1));
      ws();
      if (text[i] === ',') i++;
      else if (i === at) i++;
    }
    i++;
    return a;
  };
  const members = (close: string, depth: number): Value => {
    i++;
    const o: Record<string, Value> = {};
    const args: Value[] = [];
    for (ws(); i < n && text[i] !== close; ws()) {
      const at = i;
      let key: string | undefined;
      if (text[i] === '"') {
        const save = i;
        const k = str();
        ws();
        if (text[i] === ':' || text[i] === '=') {
          key = k;
          // PHP's `=>`: a separator of two characters.
          if (text.startsWith('=>', i)) i++;
        } else i = save;
      } else {
        const m = /^([A-Za-z_$][\w$]*)\s*[:=](?!=)/.exec(text.slice(i, i + 80));
        if (m) {
          key = m[1];
          i += m[0].length - 1;
        }
      }
      if (key !== undefined) {
        i++;
        o[key] = value(depth + 1);
      } else args.push(value(depth + 1));
      ws();
      if (text[i] === ',') i++;
      else if (i === at) i++;
    }
    i++;
    if (args.length && !Object.keys(o).length) return args.length === 1 ? args[0] : args;
    if (args.length) o['_args'] = args;
    return o;
  };
  return value(0);
}
