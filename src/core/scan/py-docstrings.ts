// A Python tool function's docstring read as the agent SDKs read it before sending it: the description (the first text
// block) and each parameter's description, in the Google, Sphinx or NumPy style, as griffe parses them (openai-agents
// function_schema.py generate_func_documentation and _detect_docstring_style; pydantic-ai _griffe.py doc_descriptions,
// which also sends a Returns section). Line scans only, no pattern built from the text.

export type DocStyle = 'google' | 'sphinx' | 'numpy';

export interface DocParts {
  /** The first text block, as griffe's text section (undefined: none). */
  description?: string;
  params: Map<string, string>;
  /** A Returns section's first item: its type as written, its description. */
  returns?: { type?: string; description: string };
}

/** Python's inspect.cleandoc: first line stripped, the rest dedented by their common indent, blank ends dropped. */
export function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  let margin = Infinity;
  for (const l of lines.slice(1)) if (l.trim()) margin = Math.min(margin, l.length - l.trimStart().length);
  const out = [lines[0].trimStart(), ...lines.slice(1).map((l) => (margin === Infinity ? l : l.slice(margin)))].map((l) => l.trimEnd());
  while (out.length && !out[0]) out.shift();
  while (out.length && !out[out.length - 1]) out.pop();
  return out.join('\n');
}

const indent = (l: string) => l.length - l.trimStart().length;
const PARAM_SECTIONS = new Set(['args', 'arguments', 'params', 'parameters', 'keyword args', 'keyword arguments', 'other args', 'other arguments', 'other params', 'other parameters']);

/** openai-agents' detection (sphinx > numpy > google on a tie, google when none): a score per style. */
export function docStyle(doc: string): DocStyle {
  const lines = doc.split('\n');
  const sphinx = [':param ', ':type ', ':return:', ':rtype:'].filter((p) => lines.some((l) => l.startsWith(p))).length;
  const numpy = ['Parameters', 'Returns', 'Yields'].filter((h) => lines.some((l, i) => l.trimEnd() === h && (lines[i + 1] ?? '').trim().startsWith('---'))).length;
  const google = [['Args:', 'Arguments:'], ['Returns:'], ['Raises:']].filter((hs) => lines.some((l) => hs.some((h) => l.startsWith(h)))).length;
  const max = Math.max(sphinx, numpy, google);
  return max === 0 ? 'google' : sphinx === max ? 'sphinx' : numpy === max ? 'numpy' : 'google';
}

/**
 * `blankBefore`: a Google section needs a blank line above it (griffe); openai-agents inserts one before a parameter
 * header (_ensure_blank_line_before_google_sections), pydantic-ai does not (its header then stays text).
 */
export function readDocstring(raw: string, style: DocStyle = docStyle(cleandoc(raw)), normalizeParamHeader = true): DocParts {
  const lines = cleandoc(raw).split('\n');
  if (style === 'sphinx') return sphinx(lines);
  if (style === 'numpy') return numpy(lines);
  return google(lines, normalizeParamHeader);
}

/** `Title:` alone on its line (griffe's admonition form, sections included), lower-cased; undefined when not one. */
function googleHeader(line: string): string | undefined {
  if (indent(line) > 0 || !line.trimEnd().endsWith(':')) return undefined;
  const t = line.trimEnd().slice(0, -1);
  for (const ch of t) if (!(ch === ' ' || ch === '-' || ch === '_' || (ch >= '0' && ch <= '9') || ch.toLowerCase() !== ch.toUpperCase())) return undefined;
  return t ? t.toLowerCase() : undefined;
}

function google(lines: string[], normalizeParamHeader: boolean): DocParts {
  const out: DocParts = { params: new Map() };
  const text: string[] = [];
  let i = 0;
  let textDone = false;
  while (i < lines.length) {
    const h = googleHeader(lines[i]);
    const below = lines[i + 1] ?? '';
    const blankAbove = i === 0 || !lines[i - 1].trim() || (normalizeParamHeader && h !== undefined && PARAM_SECTIONS.has(h));
    if (h === undefined || !below.trim() || indent(below) === 0 || !blankAbove) {
      if (!textDone) text.push(lines[i]);
      i++;
      continue;
    }
    textDone = text.some((l) => l.trim()) || textDone;
    const block: string[] = [];
    for (i++; i < lines.length && (!lines[i].trim() || indent(lines[i]) > 0); i++) block.push(lines[i]);
    while (block.length && !block[block.length - 1].trim()) block.pop();
    if (PARAM_SECTIONS.has(h)) for (const [k, v] of googleItems(block)) out.params.set(k.replace(/^\*+/, ''), v);
    else if ((h === 'returns' || h === 'return') && !out.returns) {
      const body = block.map((l) => l.trim()).join('\n');
      const colon = body.indexOf(':');
      out.returns = colon > 0 && !body.slice(0, colon).includes('\n') ? { type: body.slice(0, colon).trim(), description: body.slice(colon + 1).trim() } : { description: body };
    }
  }
  const desc = text.join('\n').trim();
  if (desc) out.description = desc;
  return out;
}

/** `name (type): description` items at the block's own indent, continuation lines deeper. */
function googleItems(block: string[]): [string, string][] {
  const base = Math.min(...block.filter((l) => l.trim()).map(indent));
  const items: [string, string[]][] = [];
  for (const l of block) {
    if (l.trim() && indent(l) === base) {
      const colon = l.indexOf(':');
      if (colon < 0) continue;
      let name = l.slice(0, colon).trim();
      const paren = name.indexOf(' (');
      if (paren > 0) name = name.slice(0, paren);
      items.push([name, [l.slice(colon + 1).trim()]]);
    } else if (items.length) items[items.length - 1][1].push(l.trim());
  }
  return items.map(([n, d]) => [n, d.join('\n').trim()]);
}

function sphinx(lines: string[]): DocParts {
  const out: DocParts = { params: new Map() };
  const text: string[] = [];
  let rtype: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.startsWith(':')) {
      if (!out.params.size && !out.returns) text.push(l);
      continue;
    }
    const close = l.indexOf(':', 1);
    if (close < 0) continue;
    const field = l.slice(1, close).trim().split(/\s+/);
    const body = [l.slice(close + 1).trim()];
    while (i + 1 < lines.length && lines[i + 1].trim() && indent(lines[i + 1]) > 0) body.push(lines[++i].trim());
    const value = body.join('\n').trim();
    if (['param', 'parameter', 'arg', 'argument', 'key', 'keyword'].includes(field[0]) && field.length > 1) out.params.set(field[field.length - 1].replace(/^\*+/, ''), value);
    else if (field[0] === 'return' || field[0] === 'returns') out.returns = { description: value };
    else if (field[0] === 'rtype') rtype = value;
  }
  if (out.returns && rtype) out.returns.type = rtype;
  const desc = text.join('\n').trim();
  if (desc) out.description = desc;
  return out;
}

function numpy(lines: string[]): DocParts {
  const out: DocParts = { params: new Map() };
  const text: string[] = [];
  let section: string | undefined;
  let item: { name: string; type?: string; desc: string[] } | undefined;
  const flush = () => {
    if (!item) return;
    if (section === 'parameters' || section === 'other parameters') out.params.set(item.name.replace(/^\*+/, ''), item.desc.join('\n').trim());
    else if (section === 'returns' && !out.returns) out.returns = item.type !== undefined ? { type: item.type, description: item.desc.join('\n').trim() } : { type: item.name, description: item.desc.join('\n').trim() };
    item = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (indent(l) === 0 && l.trim() && (lines[i + 1] ?? '').trim().startsWith('---')) {
      flush();
      section = l.trim().toLowerCase();
      i++;
      continue;
    }
    if (section === undefined) text.push(l);
    else if (l.trim() && indent(l) === 0) {
      flush();
      const colon = l.indexOf(' : ');
      item = colon > 0 ? { name: l.slice(0, colon).trim(), type: l.slice(colon + 3).trim(), desc: [] } : { name: l.trim(), desc: [] };
    } else if (item && l.trim()) item.desc.push(l.trim());
  }
  flush();
  const desc = text.join('\n').trim();
  if (desc) out.description = desc;
  return out;
}
