// Go getters on a chain of struct fields (held-out sample 3, ekkinox/yai ai/engine.go: `Model:
// e.config.GetAiConfig().GetModel()`, where `func (c *Config) GetAiConfig() AiConfig { return c.ai }` and
// `func (c AiConfig) GetModel() string { return c.model }` in package config): a method whose body is only `return
// r.field` reads that field, so the chain is the field chain `e.config.ai.model`, whose last field gets what the
// literals and assignments of its type give it (go-config.ts goTypeField; `AiConfig{model: viper.GetString(…)}`).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { goTypeField } from './go-config';
import { typeBody, varBody, type Body } from './go-tags';
import { importsOf } from './imported';
import { tables } from './scope';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { interfaceGetter } from './go-interface-getters';
import { goFallbackGetter } from './go-fallback-getters';
import type { EvalScope, Value } from './value';

/** Names in a chain read at most. */
const MAX_CHAIN = 6;
/** Files of a package looked through for a method. */
const MAX_FILES = 200;

/** The chain of names and empty calls from token `i` to `end` (`e.config.GetAiConfig().GetModel()`), read as fields. */
export function goGetterChain(s: EvalScope, i: number, end: number, depth: number): Value | undefined {
  const { toks, match } = s;
  const segs: { name: string; call: boolean }[] = [];
  for (let k = i + 1; k < end; ) {
    if (!isP(toks[k], '.') || !isId(toks[k + 1]) || segs.length >= MAX_CHAIN) return undefined;
    const call = isP(toks[k + 2], '(') && match[k + 2] === k + 3;
    segs.push({ name: toks[k + 1].v, call });
    k += call ? 4 : 2;
  }
  if (!segs.some((x) => x.call) || !isId(toks[i])) return undefined;
  let body = varBody(s, toks[i].v, toks[i].start);
  // `config.GetLLM().ReplyPrompt`: a function of an imported package of the module, read by its result's struct type.
  const first = body ? 0 : 1;
  if (!body && segs[0].call) body = packageFuncResult(s, toks[i].v, segs[0].name);
  for (let n = first; body && n < segs.length; n++) {
    const type = structName(body);
    if (!type) return undefined;
    const dir = dirname(body.s.file);
    const field = segs[n].call ? getterField(body.s, dir, type, segs[n].name) : segs[n].name;
    const shown = s.text.slice(toks[i].start, toks[end - 1].end);
    // `if c.Model != "" { return c.Model }; return "gpt-4o-mini"`: the field, else its default (go-fallback-getters.ts).
    if (!field && n === segs.length - 1 && segs[n].call) return goFallbackGetter(s, dir, type, segs[n].name, shown, depth, (f) => goTypeField(s, dir, type, f, shown, depth));
    if (!field) return undefined;
    if (n === segs.length - 1) return goTypeField(s, dir, type, field, shown, depth);
    const at = fieldType(body, field);
    const next = at < 0 ? undefined : typeBody(body.s, at);
    // A field of the application's own interface type, its getter the chain's end (go-interface-getters.ts).
    if (!next && at >= 0 && n + 2 === segs.length && segs[n + 1].call) {
      const impl = interfaceGetter(body.s, at, segs[n + 1].name);
      if (impl) return goTypeField(s, impl.dir, impl.type, impl.field, s.text.slice(toks[i].start, toks[end - 1].end), depth);
    }
    body = next;
  }
  return undefined;
}

/** `Name struct {`: the struct's type name. */
function structName(body: Body): string | undefined {
  const { toks } = body.s;
  return toks[body.open - 1]?.v === 'struct' && isId(toks[body.open - 2]) ? toks[body.open - 2].v : undefined;
}

/** Where the type of the field `name` starts in a struct (past a `*`), -1 when it is not a plain field. */
function fieldType(body: Body, name: string): number {
  const { s, open } = body;
  const { toks, match, text } = s;
  for (let m = open + 1; m < match[open]; m++) {
    if ((isP(toks[m], '{') || isP(toks[m], '(') || isP(toks[m], '[')) && match[m] > m) m = match[m];
    else if (toks[m].t === T.Id && toks[m].v === name && text.lastIndexOf('\n', toks[m].start) >= toks[m - 1].end) {
      s.read?.push({ start: toks[m].start, end: toks[m + 1]?.end ?? toks[m].end });
      return isP(toks[m + 1], '*') ? m + 2 : m + 1;
    }
  }
  return -1;
}

/** `func (r *T) NAME() R { return r.field }` in the package in `dir`: the field it returns. */
function getterField(from: EvalScope, dir: string, type: string, name: string): string | undefined {
  const idx = from.index;
  const files = dirname(from.file) === dir ? [from.file] : [];
  if (idx) for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) if (f !== from.file) files.push(f);
  for (const f of files) {
    const sc: EvalScope | undefined = f === from.file ? from : idx?.scope(f);
    const text = sc?.text ?? '';
    if (!sc || !text.includes(name) || !text.includes(type)) continue;
    const { toks, match } = sc;
    for (let k = 0; k + 12 < toks.length; k++) {
      if (toks[k].v !== 'func' || !isP(toks[k + 1], '(') || !isId(toks[k + 2])) continue;
      const recv = toks[k + 2].v;
      const t = isP(toks[k + 3], '*') ? k + 4 : k + 3;
      const close = match[k + 1];
      if (toks[t]?.v !== type || close !== t + 1 || toks[close + 1]?.v !== name || !isP(toks[close + 2], '(') || match[close + 2] !== close + 3) continue;
      let b = close + 4;
      while (b < toks.length && b < close + 12 && !isP(toks[b], '{')) b++;
      const r = b + 1;
      if (!isP(toks[b], '{') || toks[r]?.v !== 'return' || toks[r + 1]?.v !== recv || !isP(toks[r + 2], '.') || !isId(toks[r + 3]) || match[b] !== r + 4) continue;
      sc.read?.push({ start: toks[k].start, end: toks[match[b]].end });
      return toks[r + 3].v;
    }
  }
  return undefined;
}

/** `func NAME() T {` of the imported package `pkg` (`config.GetLLM()`): the struct T it returns. */
function packageFuncResult(s: EvalScope, pkg: string, name: string): Body | undefined {
  const idx = s.index;
  const b = importsOf(s).names.get(pkg);
  const dir = idx && b?.name === '*' ? goImportDir(idx.files, s.file, b.from) : undefined;
  if (!idx || !dir) return undefined;
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    if (!(idx.text(f) ?? '').includes(`func ${name}(`)) continue;
    const sc = idx.scope(f);
    const fn = sc && tables(sc).fns.get(name)?.find((x) => sc.toks[x.name - 1]?.v === 'func');
    if (!sc || !fn || !isP(sc.toks[fn.name + 1], '(')) continue;
    const close = sc.match[fn.name + 1];
    if (!(close > fn.name) || close + 1 >= fn.body) continue;
    s.read?.push(b!.span);
    return typeBody(sc, close + 1);
  }
  return undefined;
}
