// Where a call's values come from: the hover's "From" section and its one-line summary under the title.
import { lookupModel } from '../price/sheets';
import type { AnalyzedCall, PriceTable, ValueSource } from '../types';
import { formatTokens } from './format';

/** One line per resolved value with a source: what it is and where, linked when the front gives links. */
export function sourcesOf(call: AnalyzedCall, table: PriceTable, link?: (src: ValueSource) => string | undefined): string[] {
  const s = call.site;
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (role: string, src: ValueSource | undefined) => {
    if (!src) return;
    const where = sourceText(src);
    const what = sourceWhat(call, table, role, src);
    const key = role + where + what;
    if (seen.has(key) || out.length >= 8) return;
    seen.add(key);
    const uri = link?.(src);
    out.push(`- ${role}: ${what} — ${uri ? `[${where}](${uri})` : where}`);
  };
  add('model', s.model?.source);
  add('output limit', s.maxOutput?.source);
  const varies = call.estimate.byCaller;
  s.parts.forEach((p, i) => {
    if (!p.resolved) return;
    const n = out.length;
    add('prompt', p.source);
    // A text the callers pass, not all the same: each caller's place and count under its line.
    if (i !== varies?.part || out.length === n) return;
    const each = p.source!.callers!.slice(0, varies.tokens.length).map((c, k) => {
      const where = sourceText({ ...c, what: 'caller' });
      const uri = link?.({ ...c, what: 'caller' });
      const own = [varies.models?.[k], varies.limits?.[k] !== undefined && `limit ${formatTokens(varies.limits[k]!)}`].filter(Boolean).join(', ');
      return `${uri ? `[${where}](${uri})` : where} (${c.runtime ? 'run time' : `${formatTokens(varies.tokens[k])} tokens`}${own ? `; ${own}` : ''})`;
    });
    out.push(`  - callers: ${each.join(', ')}`);
  });
  return out;
}

/**
 * A source's description in its slot: of a helper's several returns, the model priced is the dearest of those in a
 * price sheet (analyze.ts), the others named; the prompt counted is the longest text.
 */
function sourceWhat(call: AnalyzedCall, table: PriceTable, role: string, src: ValueSource): string {
  const notes: string[] = [];
  const m = call.site.model;
  if (src.of && role === 'model') {
    if (m?.others?.length) {
      const code = (id: string) => '`' + id + '`';
      const unpriced = [m.id, ...m.others].filter((id) => !lookupModel(table, id, m.provider ?? call.site.provider));
      const which = !unpriced.length ? `${code(m.id)} priced, the dearest of ${1 + m.others.length}` : unpriced.includes(m.id) ? `${code(m.id)} shown, none in a price sheet` : `${code(m.id)} priced (${unpriced.map(code).join(', ')} in no price sheet)`;
      notes.push(`${which}; it can also be ${m.others.map(code).join(', ')}`);
    }
  } else if (src.of) notes.push(`the longest of ${src.of} texts`);
  else if (role === 'prompt' && src.callers && call.estimate.byCaller && call.site.parts[call.estimate.byCaller.part]?.source === src) {
    const n = call.estimate.byCaller.tokens.filter((_, k) => !src.callers![k]?.runtime);
    const late = src.callers.filter((c) => c.runtime).length;
    const also = call.estimate.byCaller.also?.length;
    notes.push(`the largest of ${src.callers.length} callers' texts${also ? ` (each caller's ${also + 1} prompt texts together)` : ''}: ${n.length ? `${formatTokens(Math.min(...n))}–${formatTokens(Math.max(...n))} tokens` : ''}${late ? `${n.length ? ', ' : ''}${late} known only at run time` : ''}`);
  }
  if (src.late?.length) notes.push(`${src.late.join(', ')} only at run time`);
  // The code's default for a value read at run time (`x || 4096`): the JSON row's `fallback: true`.
  if (src.fallback) notes.push('a fallback: sent only when that value is not set');
  return notes.length ? `${src.what} (${notes.join('; ')})` : src.what;
}

/** `prompts.py:12` for a source in another file, `line 12` in the call's own, `cell 2, line 3` in its notebook. */
export function sourceText(src: ValueSource): string {
  if (src.file === undefined) return src.cell !== undefined ? `cell ${src.cell}, line ${src.line ?? '?'}` : `line ${src.line ?? '?'}`;
  return `${src.file.slice(src.file.lastIndexOf('/') + 1)}${src.cell !== undefined ? ` cell ${src.cell}` : ''}${src.line ? `:${src.line}` : ''}`;
}

/**
 * The files other than the call's own that its values come from, one line: `From [prompts.py:3](…) prompt ·
 * [settings.py:5](…) model, output limit`. Undefined when every value is the call's own file's.
 */
export function fromLine(call: AnalyzedCall, link?: (src: ValueSource) => string | undefined): string | undefined {
  const s = call.site;
  const places = new Map<string, { src: ValueSource; roles: string[] }>();
  const add = (role: string, src: ValueSource | undefined) => {
    if (src?.file === undefined) return;
    const where = sourceText(src);
    const place = places.get(where) ?? places.set(where, { src, roles: [] }).get(where)!;
    if (!place.roles.includes(role)) place.roles.push(role);
  };
  add('model', s.model?.source);
  add('output limit', s.maxOutput?.source);
  for (const p of s.parts) if (p.resolved) add('prompt', p.source);
  if (!places.size) return undefined;
  const each = [...places].slice(0, 4).map(([where, { src, roles }]) => {
    const uri = link?.(src);
    return `${uri ? `[${where}](${uri})` : where} ${roles.join(', ')}`;
  });
  return `From ${each.join(' · ')}${places.size > 4 ? ` · ${places.size - 4} more below` : ''}`;
}
