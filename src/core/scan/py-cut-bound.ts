// A Python loop over the first rows of a data set, the form of evaluation notebooks and scripts: `for _, row in
// df.head(3).iterrows()`, `for i, chunk in enumerate(chunks[:6])`, or a name bound once to such a cut
// (`selected = anomalies.head(3)` then `for _, a in selected.iterrows()`, secnec/LLM-Log-Explainer-project
// notebooks/gemini_prompting.ipynb). The cut bounds the iterations from above (fewer when the data is shorter):
// pandas DataFrame.head(n=5) / tail(n=5) / sample(n) (pandas.pydata.org/docs/reference/api/pandas.DataFrame.head.html,
// …sample.html; `sample()` with no n is one row), a slice `[:N]` / `[a:b]` of a sequence or `.iloc[:N]`.
import { isId, isP } from '../lex/brackets';
import { readNumber, type Ctx } from './values';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';

/** Calls around the iterable that keep its length (`enumerate(x)`, `tqdm(x, desc=…)`). */
const WRAPPERS = new Set(['enumerate', 'tqdm', 'list', 'tuple', 'reversed', 'sorted']);
/** DataFrame methods iterating its rows. */
const ROWS = new Set(['iterrows', 'itertuples']);
/** Row cuts: pandas' default n (DataFrame.head/tail n=5; sample n=1 when neither n nor frac is given). */
const CUTS = new Map([['head', 5], ['tail', 5], ['sample', 1]]);

/** The loop's bound read from its iterable toks[from, to): a cut's size, or undefined. */
export function cutBound(c: Ctx, from: number, to: number, depth = 0): number | undefined {
  const { toks, match } = c;
  if (from >= to || depth > 4) return undefined;
  // A name bound once to a cut (`selected = df.head(3)`).
  if (to === from + 1 && isId(toks[from])) {
    const v = assignmentBefore(c, toks[from].v, from);
    if (v < 0 || c.assigns?.get(toks[from].v)?.at.length !== 1) return undefined;
    return cutBound(c, v, exprEnd(c, v), depth + 1);
  }
  // `enumerate(x)`, `tqdm(x, total=…)`: its first argument.
  if (isId(toks[from]) && WRAPPERS.has(toks[from].v) && isP(toks[from + 1], '(') && match[from + 1] === to - 1) {
    let e = from + 2;
    while (e < to - 1 && !isP(toks[e], ',')) e = isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') ? match[e] + 1 : e + 1;
    return cutBound(c, from + 2, e, depth + 1);
  }
  const last = to - 1;
  // `x.iterrows()`: the rows of x.
  if (isP(toks[last], ')') && match[last] === last - 1 && isId(toks[last - 2]) && ROWS.has(toks[last - 2].v) && isP(toks[last - 3], '.')) {
    return cutBound(c, from, last - 3, depth + 1);
  }
  // `x.head(3)`, `x.head()`, `x.sample(n=20)`.
  if (isP(toks[last], ')') && match[last] < last) {
    const open = match[last];
    const m = toks[open - 1];
    if (!isId(m) || !CUTS.has(m.v) || !isP(toks[open - 2], '.') || open - 2 <= from) return undefined;
    if (open + 1 === last) return CUTS.get(m.v);
    const key = isId(toks[open + 1]) && isP(toks[open + 2], '=') ? toks[open + 1].v : undefined;
    if (key !== undefined && key !== 'n') return undefined;
    const n = readNumber(c, key ? open + 3 : open + 1, last);
    return n && n.value >= 0 ? n.value : undefined;
  }
  // `x[:6]`, `x[2:8]`, `df.iloc[:10]`.
  if (isP(toks[last], ']') && match[last] < last && match[last] > from) {
    const open = match[last];
    let colon = open + 1;
    while (colon < last && !isP(toks[colon], ':')) colon++;
    if (colon >= last || colon + 1 >= last) return undefined;
    const b = readNumber(c, colon + 1, last);
    const a = colon === open + 1 ? { value: 0 } : readNumber(c, open + 1, colon);
    return a && b && b.value >= a.value && a.value >= 0 ? b.value - a.value : undefined;
  }
  return undefined;
}

