// A Go text/template executed by a function or method the code calls with the buffer: `prompt.Write(&content)` then
// `Content: content.String()`, with `func (p *Prompt) Write(w io.Writer) error { … p.Template.Execute(w, inst) … }` in
// another file of the package (gohandson/genai-ja solution/section02/step04/genaichat bot.go and prompt.go; the template
// a `//go:embed prompt_template.txt` string parsed by `template.Must(template.New("prompt").Parse(promptTmplFile))`).
// `&content` is a *bytes.Buffer, an io.Writer, and the callee's Execute writes the template's output into it
// (text/template: func (t *Template) Execute(wr io.Writer, data any) error, https://pkg.go.dev/text/template#Template.Execute).
// The template is read in the callee's scope as go-text-template.ts reads one in the caller's.
import { isId, isP } from '../lex/brackets';
import { tables, type Fn } from './scope';
import { goPackageName } from './go-decls';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import type { EvalScope } from './value';

/** Files of the package looked through for the callee, at most. */
const MAX_FILES = 200;

/** The callee's `X.Execute(w, …)` for the buffer `name` handed to it as `&name` in the function before token `at`: the
 * callee's scope and the token before `.Execute` (the template's name), or undefined when none or several callees fit. */
export function goTemplateWriter(s: EvalScope, name: string, at: number, back: number): { scope: EvalScope; r: number } | undefined {
  const { toks, match } = s;
  for (let k = at - 1; k > 2 && k > at - back && toks[k].v !== 'func'; k--) {
    if (toks[k].v !== name || !isP(toks[k - 1], '&') || !(isP(toks[k - 2], '(') || isP(toks[k - 2], ','))) continue;
    const open = openOf(s, k - 1);
    if (open < 1 || !isId(toks[open - 1]) || !(match[open] > k)) continue;
    let arg = 0;
    for (let j = open + 1; j < k - 1; j++) {
      if (match[j] > j) j = match[j];
      else if (isP(toks[j], ',')) arg++;
    }
    const method = isP(toks[open - 2], '.');
    s.read?.push({ start: toks[open - 1].start, end: toks[match[open]].end });
    return callee(s, toks[open - 1].v, method, arg);
  }
  return undefined;
}

/** The `(` of the call whose argument list holds token k. */
function openOf(s: EvalScope, k: number): number {
  for (let j = k - 1; j >= 0 && j > k - 64; j--) if (isP(s.toks[j], '(') && s.match[j] > k) return j;
  return -1;
}

/** The one function (or method) `fn` of the package whose parameter `arg` is executed into; undefined unless exactly one. */
function callee(s: EvalScope, fn: string, method: boolean, arg: number): { scope: EvalScope; r: number } | undefined {
  const files = s.index ? goPackageFiles(s.index.files, dirname(s.file)).slice(0, MAX_FILES) : [s.file];
  const pkg = goPackageName(s.text);
  const want = method ? `) ${fn}(` : `func ${fn}(`;
  let found: { scope: EvalScope; r: number } | undefined;
  for (const f of files.includes(s.file) ? files : [s.file, ...files]) {
    const o = f === s.file ? s : (s.index!.text(f) ?? '').includes(want) ? s.index!.scope(f) : undefined;
    if (!o || goPackageName(o.text) !== pkg) continue;
    for (const d of tables(o).fns.get(fn) ?? []) {
      const r = executed(o, d, method, arg);
      if (r < 0) continue;
      if (found) return undefined;
      found = { scope: o, r };
      if (o === s) s.read?.push({ start: o.toks[d.name].start, end: o.toks[d.bodyEnd - 1]?.end ?? o.text.length });
    }
  }
  return found;
}

/** In function d, the token before `.Execute(w, …)` where w is its parameter number `arg`; -1 when none. */
function executed(o: EvalScope, d: Fn, method: boolean, arg: number): number {
  const { toks, match } = o;
  const open = d.name + 1;
  // `func (p *Prompt) Write(`: a method has a receiver list before its name, a function has `func` there.
  if (!isP(toks[open], '(') || !(match[open] > open) || d.body <= d.name || isP(toks[d.name - 1], ')') !== method) return -1;
  let n = 0;
  let param: string | undefined;
  for (let j = open + 1; j < match[open]; j++) {
    if (match[j] > j) j = match[j];
    else if (isP(toks[j], ',')) n++;
    else if (n === arg && isId(toks[j]) && (isP(toks[j - 1], '(') || isP(toks[j - 1], ','))) param = toks[j].v;
  }
  if (!param) return -1;
  for (let k = d.body; k + 3 < d.bodyEnd; k++) {
    if (toks[k].v === 'Execute' && isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && toks[k + 2].v === param && isP(toks[k + 3], ',')) return k - 2;
  }
  return -1;
}
