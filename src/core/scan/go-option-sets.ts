// Go options that set a field of the type a method reads: `type WithMaxToken struct{ MaxToken int }` with
// `func (o WithMaxToken) injectOption(client *ChatGPTClient) { client.maxToken = o.MaxToken }`, passed as
// `chatgpt.NewChatGPTClient(client, chatgpt.WithMaxToken{MaxToken: config.maxToken})` (omegaatt36/chatgpt-telegram
// appmodule/chatgpt/repository/option.go, main.go:50). The constructor's `maxToken: 1000` is then only the default:
// what the option's literals give is the value (main.go's `config.maxToken`, a urfave/cli flag's `Value: 3000`,
// go-urfave-flags.ts); an option whose value is not known leaves the constructor's as a fallback.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { exprEnd, tables } from './scope';
import { evaluate } from './evaluate';
import { receiverOf } from './go-fields';
import { importerLiterals } from './go-importers';
import type { EvalScope, Value } from './value';

/** Package files looked through, option literals read, at most. */
const MAX_FILES = 64;
const MAX_LITERALS = 16;

/** An option's type and field whose value a method of it copies into field `field` of a `*type` parameter. */
function optionSetters(s: EvalScope, type: string, field: string): { scope: EvalScope; type: string; field: string; at: number }[] {
  const idx = s.index;
  const out: { scope: EvalScope; type: string; field: string; at: number }[] = [];
  if (!idx) return out;
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, MAX_FILES)) {
    const text = f === s.file ? s.text : idx.text(f) ?? '';
    if (!text.includes(`.${field} =`) || !text.includes(type)) continue;
    const sc = f === s.file ? s : idx.scope(f);
    if (!sc) continue;
    const { toks } = sc;
    for (const fn of [...tables(sc).fns.values()].flat()) {
      const r = receiverOf(sc, fn);
      if (!r) continue;
      // `(p *T)` among the parameters: the name p.
      let p: string | undefined;
      for (let k = fn.name + 2; k < fn.body; k++) if (isId(toks[k]) && isP(toks[k + 1], '*') && toks[k + 2]?.v === type) p = toks[k].v;
      if (!p) continue;
      for (let k = fn.body; k + 5 < fn.bodyEnd; k++) {
        if (toks[k].v !== p || !isP(toks[k + 1], '.') || toks[k + 2].v !== field || !isP(toks[k + 3], '=')) continue;
        if (toks[k + 4].v !== r.name || !isP(toks[k + 5], '.') || !isId(toks[k + 6]) || exprEnd(sc, k + 4) !== k + 7) continue;
        if (sc === s) s.read?.push({ start: toks[fn.name - 1].start, end: toks[k + 6].end });
        out.push({ scope: sc, type: r.type, field: toks[k + 6].v, at: k });
      }
    }
  }
  return out;
}

/** `Opt{Field: v}` / `pkg.Opt{Field: v}` at the `{` `open`: v evaluated, or undefined when not written. */
function literalField(sc: EvalScope, open: number, field: string, depth: number): Value | null {
  const { toks, match } = sc;
  const close = match[open];
  for (let m = open + 1; m < close; m++) {
    if (match[m] > m) { m = match[m]; continue; }
    if (toks[m].t !== T.Id || toks[m].v !== field || !isP(toks[m + 1], ':') || !(isP(toks[m - 1], '{') || isP(toks[m - 1], ','))) continue;
    const e = Math.min(exprEnd(sc, m + 2), close);
    return evaluate(sc, m + 2, e, depth + 1) ?? { runtime: field };
  }
  return null;
}

/**
 * The value field `field` of `type` holds when options set it: the one value their literals give, a fallback named
 * after the option; the constructor's `ctor` as a fallback when they give one known only at run time; undefined when
 * no option sets the field.
 */
export function goOptionValue(s: EvalScope, type: string, field: string, ctor: Value, depth: number): Value | undefined {
  if (s.syn.id !== 'go' || depth > 6 || !s.index) return undefined;
  const setters = optionSetters(s, type, field);
  if (!setters.length) return undefined;
  const values: { v: Value; sc: EvalScope; at: number }[] = [];
  for (const o of setters) {
    const dir = dirname(o.scope.file);
    const opens: { scope: EvalScope; open: number }[] = importerLiterals(s, dir, o.type);
    for (const f of goPackageFiles(s.index.files, dir).slice(0, MAX_FILES)) {
      const sc = f === s.file ? s : s.index.scope(f);
      if (!sc) continue;
      for (let k = 0; k + 1 < sc.toks.length; k++) if (sc.toks[k].v === o.type && isP(sc.toks[k + 1], '{') && !isP(sc.toks[k - 1], '.') && sc.toks[k - 1]?.v !== 'type' && sc.match[k + 1] > k) opens.push({ scope: sc, open: k + 1 });
    }
    for (const { scope, open } of opens.slice(0, MAX_LITERALS)) {
      const v = literalField(scope, open, o.field, depth);
      if (v && scope === s) s.read?.push({ start: s.toks[open - 1].start, end: s.toks[s.match[open]].end });
      if (v) values.push({ v, sc: scope, at: open });
    }
  }
  const known = values.filter(({ v }) => v.runtime === undefined && !v.holes?.length && (v.str !== undefined || v.num !== undefined));
  const what = `${setters[0].type}{${setters[0].field}: …}`;
  if (known.length && known.length === values.length && new Set(known.map(({ v }) => v.str ?? v.num)).size === 1) {
    const d = known[0];
    const src = d.v.source ?? { file: d.sc.file, offset: d.sc.toks[d.at].start, what: '' };
    return { ...d.v, source: { ...src, what: `${src.what ? src.what + ', ' : ''}given as ${what}`, fallback: true } };
  }
  // Set at run time by the option: the constructor's value is the default.
  const c = ctor.source ?? { file: s.file, offset: 0, what: '' };
  return ctor.runtime === undefined ? { ...ctor, source: { ...c, what: `default until ${what} sets it${c.what ? ` (${c.what})` : ''}`, fallback: true } } : undefined;
}
