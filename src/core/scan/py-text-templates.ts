// Python's own text templates made from a prompt's text: `string.Template(t).safe_substitute(**kw)` and
// `jinja2.Template(t).render(**ctx)` (lumen-style `render_template` helpers, issue #11's loaders that read
// prompts/<name>.txt). The result is the template's static text; its placeholders are filled at run time, so they are
// holes. string.Template: `$name` / `${name}` placeholders, `$$` a literal `$` (docs.python.org/3/library/string.html
// #template-strings); Jinja: `{{ … }}`, `{% … %}`, `{# … #}` (file-reads.ts templateText).
import { importsOf } from './imported';
import { templateText } from './file-reads';
import type { EvalScope, Value } from './value';

type Arg = { key?: string; from: number; to: number };

/** Placeholders listed at most as holes. */
const MAX_HOLES = 32;

/** Which template class `names` calls: `Template` imported from string or jinja2, `string.Template`, `jinja2.Template`. */
function templateKind(s: EvalScope, names: string[]): 'string' | 'jinja2' | undefined {
  const fn = names[names.length - 1];
  if (fn !== 'Template') return undefined;
  if (names.length === 2) return names[0] === 'string' ? 'string' : names[0] === 'jinja2' ? 'jinja2' : undefined;
  if (names.length !== 1) return undefined;
  s.readNames?.add(fn);
  const from = importsOf(s).names.get(fn)?.from;
  return from === 'string' ? 'string' : from === 'jinja2' ? 'jinja2' : undefined;
}

/** `$name` / `${name}` cut out and named, `$$` made `$`; one pass. */
function dollarText(text: string, holes: string[]): string {
  return text.replace(/\$(\$|\{[ \t]*([_A-Za-z][_A-Za-z0-9]{0,59})[ \t]*\}|([_A-Za-z][_A-Za-z0-9]{0,59}))/g, (m, _all: string, braced?: string, bare?: string) => {
    if (m === '$$') return '$';
    const name = braced ?? bare;
    if (name && !holes.includes(name) && holes.length < MAX_HOLES) holes.push(name);
    return '';
  });
}

/** `Template(text)` of string / jinja2: the text as a template value; its fill methods keep it. Else undefined. */
export function pyTextTemplate(s: EvalScope, base: Value | undefined, names: string[], a: Arg[], arg: (n: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  if (base?.pyTemplate && base.str !== undefined) {
    const keeps = base.pyTemplate === 'string' ? fn === 'substitute' || fn === 'safe_substitute' : fn === 'render';
    return keeps ? { ...base, pyTemplate: undefined } : undefined;
  }
  const kind = templateKind(s, names);
  if (!kind || a.length < 1 || a[0].key) return undefined;
  const text = arg(0);
  if (text?.str === undefined || text.runtime !== undefined) return undefined;
  const holes = [...(text.holes ?? [])];
  let str = text.str;
  if (kind === 'string') str = dollarText(str, holes);
  else {
    const t = templateText(str, true);
    str = t.str ?? str;
    for (const h of t.holes ?? []) if (!holes.includes(h as string) && holes.length < MAX_HOLES) holes.push(h as string);
  }
  return { str, pyTemplate: kind, ...(holes.length ? { holes } : {}), ...(text.source ? { source: text.source } : {}) };
}
