// A getter called through a field of the application's own interface type (held-out 13, lmquang/code-review
// pkg/gpt/openai.go: `Model: c.client.GetModel()` where `client gptopenai.IOpenAI` and the package's one
// implementation is `func (c *openAI) GetModel() string { return c.model }`): the interface names no field, so the
// getter is read on the one struct of the interface's package that has it, and the chain ends at that struct's field
// (go-config.ts goTypeField: its literals `&openAI{model: model}` and setters, the constructor's callers).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { typeRef } from './go-tags';
import type { EvalScope } from './value';

/** Files of a package looked through. */
const MAX_FILES = 200;

/**
 * The type at token `at` of `s` (`gptopenai.IOpenAI`, `Completer`) when it is an interface of the workspace whose
 * package has exactly one struct with a getter `getter()` that only returns one of its fields: that struct, its
 * package folder and the field.
 */
export function interfaceGetter(s: EvalScope, at: number, getter: string): { dir: string; type: string; field: string } | undefined {
  const ref = typeRef(s, at);
  const idx = s.index;
  if (!ref || !idx) return undefined;
  const files = goPackageFiles(idx.files, ref.dir).slice(0, MAX_FILES);
  let iface = false;
  const found = new Map<string, string>();
  for (const f of files) {
    const text = f === s.file ? s.text : idx.text(f) ?? '';
    if (!text.includes(getter)) continue;
    const sc = f === s.file ? s : idx.scope(f);
    if (!sc) continue;
    iface ||= declaresInterface(sc, ref.name, getter);
    for (const [type, field] of getters(sc, getter)) {
      if (found.has(type) && found.get(type) !== field) return undefined;
      found.set(type, field);
    }
  }
  if (!iface || found.size !== 1) return undefined;
  const [[type, field]] = [...found];
  return { dir: ref.dir, type, field };
}

/** `type NAME interface { … getter(…) … }` in this file. */
function declaresInterface(s: EvalScope, name: string, getter: string): boolean {
  const { toks, match } = s;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || toks[k].t !== T.Id || toks[k + 1]?.v !== 'interface' || !isP(toks[k + 2], '{')) continue;
    if (toks[k - 1]?.v !== 'type' && !(isP(toks[k - 1], ';') || toks[k - 1]?.t === T.Id || isP(toks[k - 1], '}') || isP(toks[k - 1], '('))) continue;
    const end = match[k + 2];
    for (let m = k + 3; m < end; m++) if (toks[m].v === getter && isP(toks[m + 1], '(')) return true;
  }
  return false;
}

/** Every `func (r *X) getter() R { return r.field }` of this file: X and the field. */
function getters(s: EvalScope, getter: string): [string, string][] {
  const { toks, match } = s;
  const out: [string, string][] = [];
  for (let k = 0; k + 12 < toks.length; k++) {
    if (toks[k].v !== 'func' || !isP(toks[k + 1], '(') || !isId(toks[k + 2])) continue;
    const recv = toks[k + 2].v;
    const t = isP(toks[k + 3], '*') ? k + 4 : k + 3;
    const close = match[k + 1];
    if (!isId(toks[t]) || close !== t + 1 || toks[close + 1]?.v !== getter || !isP(toks[close + 2], '(') || match[close + 2] !== close + 3) continue;
    let b = close + 4;
    while (b < toks.length && b < close + 12 && !isP(toks[b], '{')) b++;
    const r = b + 1;
    if (!isP(toks[b], '{') || toks[r]?.v !== 'return' || toks[r + 1]?.v !== recv || !isP(toks[r + 2], '.') || !isId(toks[r + 3]) || match[b] !== r + 4) continue;
    s.read?.push({ start: toks[k].start, end: toks[match[b]].end });
    out.push([toks[t].v, toks[r + 3].v]);
  }
  return out;
}
