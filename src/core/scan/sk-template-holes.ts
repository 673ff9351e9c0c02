// Semantic Kernel's prompt template syntax in a prompt written in the code: `{{$notes}}` is a variable the kernel fills
// from the call's arguments when it renders the template (python/semantic_kernel/prompt_template/kernel_prompt_template.py;
// dotnet/src/SemanticKernel.Core/PromptTemplate/KernelPromptTemplate.cs, "{{$variableName}}"). The text sent is the
// template's static text with each variable's value: the variable's own `{{$…}}` is not sent, its value is known at run
// time. A prompt read whole said "nothing unresolved" while the notes it summarises were the bulk of its input.
// `{{plugin.function}}` calls are left as written (a function's result, also run time, rarer).
import type { Found } from './keys';

/** Variables found in one text at most: a template is short, a text of many `{{$` is not one to split. */
const MAX_HOLES = 32;

/** Splits each resolved part's `{{$name}}` variables out of its text, named as run-time parts. */
export function skTemplateHoles(f: Found): void {
  if (!f.parts.some((p) => p.resolved && p.text.includes('{{$'))) return;
  const out: Found['parts'] = [];
  for (const p of f.parts) {
    if (!p.resolved || !p.text.includes('{{$')) {
      out.push(p);
      continue;
    }
    const holes: string[] = [];
    let text = '';
    let i = 0;
    for (let at = p.text.indexOf('{{$'); at >= 0 && holes.length < MAX_HOLES; at = p.text.indexOf('{{$', i)) {
      const close = p.text.indexOf('}}', at + 3);
      const name = close > 0 ? p.text.slice(at + 3, close).trim() : '';
      if (!name || !/^\w+$/.test(name)) break;
      text += p.text.slice(i, at);
      holes.push(name);
      i = close + 2;
    }
    text += p.text.slice(i);
    out.push({ ...p, text });
    for (const h of holes) out.push({ text: '', span: p.span, resolved: false, label: `{{$${h}}}` });
  }
  f.parts = out;
}
