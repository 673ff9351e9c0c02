// The model an openai-agents `Agent(…)` with no `model=` runs on: the SDK's default, which changed across releases.
// Priced only when the project pins the release (requirements*.txt `openai-agents==0.0.4`, a pyproject range inside
// one band, or the lock file's version); otherwise the installed release is unknown and so is the model. Read from
// github.com/openai/openai-agents-python at each tag: v0.0.1…v0.2.8 src/agents/models/openai_provider.py
// `DEFAULT_MODEL: str = "gpt-4o"`, used when the agent names none; from v0.2.9 models/default_models.py
// get_default_model() `os.getenv("OPENAI_DEFAULT_MODEL", "gpt-4.1")`, "gpt-5.4-mini" from v0.16.0 and
// "gpt-5.6-luna" from v0.20.0 (checked at v0.22.0).
import { ancestors, dirname, join } from '../resolve/files';
import type { ModelRef } from '../types';
import type { Ctx } from './values';

/** From each release on (inclusive), the default model; the env variable overrides it from v0.2.9. */
const BANDS: { from: number[]; model: string; env: boolean }[] = [
  { from: [0, 0, 0], model: 'gpt-4o', env: false },
  { from: [0, 2, 9], model: 'gpt-4.1', env: true },
  { from: [0, 16, 0], model: 'gpt-5.4-mini', env: true },
  { from: [0, 20, 0], model: 'gpt-5.6-luna', env: true },
];

/** The call shapes' word for it (call-shapes-forms.ts): what the report says when no release is pinned. */
export const AGENTS_DEFAULT = "the Agent's default model (agents/models/default_models.py: OPENAI_DEFAULT_MODEL or the SDK's default)";

const MANIFESTS = ['requirements.txt', 'requirements.in', 'pyproject.toml', 'uv.lock', 'poetry.lock'];

/** The default model of the pinned openai-agents release, placed at the construction (token `at` of `m`). */
export function agentsDefaultModel(c: Ctx, m: Ctx, at: number): ModelRef | undefined {
  const index = c.index;
  if (!index || !m.file || m.syn.id !== 'python') return undefined;
  for (const dir of ancestors(dirname(m.file))) {
    const names = index.files.list(dir)?.filter((n) => MANIFESTS.includes(n) || /^requirements[\w.-]*\.txt$/.test(n));
    if (!names?.length) continue;
    // Read once per folder until a file under it changes.
    const pin = index.memo(dir, 'openai-agents pin', () => {
      for (const n of names) {
        const v = pinned(index.files.read(join(dir, n)) ?? '', n);
        if (v) return { ...v, file: join(dir, n) };
      }
      return undefined;
    });
    if (!pin) continue;
    const t = m.toks[at];
    const env = pin.band.env ? ' unless OPENAI_DEFAULT_MODEL is set' : '';
    return {
      id: pin.band.model, span: { start: t.start, end: t.end }, kind: 'constant', unwritten: true, ...(m !== c ? { file: m.file } : {}),
      source: { offset: t.start, what: `default model of openai-agents ${pin.written} (pinned in ${pin.file.split('/').pop()})${env}` },
    };
  }
  return undefined;
}

/** The band the manifest's openai-agents version or range falls in, if one. */
function pinned(text: string, name: string): { band: (typeof BANDS)[number]; written: string } | undefined {
  if (!text.includes('openai-agents')) return undefined;
  let lo: number[] | undefined;
  let hi: number[] | undefined;
  let written = '';
  if (name.endsWith('.lock')) {
    // `name = "openai-agents"` then `version = "0.0.4"` in its [[package]] table.
    const m = /name = "openai-agents"\r?\nversion = "([\d.]+)"/.exec(text);
    if (m) [lo, hi, written] = [nums(m[1]), nums(m[1]), m[1]];
  } else {
    // `openai-agents==0.0.4`, `openai-agents[voice]==0.0.4`, `"openai-agents (>=0.17.5,<0.18.0)"`.
    const spec = specAfter(text);
    for (const part of spec.split(',')) {
      const p = /^(==|>=|<)([\d.]+)$/.exec(part);
      if (!p) return undefined;
      if (p[1] === '==') [lo, hi] = [nums(p[2]), nums(p[2])];
      else if (p[1] === '>=') lo = nums(p[2]);
      else hi = below(nums(p[2]));
    }
    written = spec;
  }
  if (!lo || !hi) return undefined;
  const a = bandOf(lo);
  return a === bandOf(hi) ? { band: a, written: /^[\d.]+$/.test(written) ? written : written.replace(/^==/, '') } : undefined;
}

/** The version spec after the package's name on its line (`==0.0.4`, `>=0.17.5,<0.18.0`), spaces and brackets dropped. */
function specAfter(text: string): string {
  for (let at = text.indexOf('openai-agents'); at >= 0; at = text.indexOf('openai-agents', at + 1)) {
    if (at > 0 && !/["'\s]/.test(text[at - 1])) continue;
    let k = at + 'openai-agents'.length;
    // `openai-agents[voice]`: the extras.
    if (text[k] === '[') k = text.indexOf(']', k) + 1;
    if (k <= 0) return '';
    const end = text.indexOf('\n', k);
    const rest = text.slice(k, end < 0 ? text.length : end).replace(/[\s()"']/g, '');
    if (!/^[<>=]/.test(rest)) continue;
    let spec = rest.replace(/[;#].*$/, '');
    while (spec.endsWith(',')) spec = spec.slice(0, -1);
    return spec;
  }
  return '';
}

function bandOf(v: number[]): (typeof BANDS)[number] {
  let out = BANDS[0];
  for (const b of BANDS) if (!older(v, b.from)) out = b;
  return out;
}

/** The last release before `v` for banding: `<0.18.0` reaches up to 0.17.x. */
function below(v: number[]): number[] {
  if (v[2] > 0) return [v[0], v[1], v[2] - 1];
  if (v[1] > 0) return [v[0], v[1] - 1, 999];
  return [v[0] - 1, 999, 999];
}

function nums(s: string): number[] {
  const p = s.split('.').map(Number);
  return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];
}

function older(v: number[], than: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== than[i]) return v[i] < than[i];
  return false;
}
