// The output limit named as the project's pinned SDK version spells it: advice to set a field the installed SDK does
// not have does not compile. The nearest go.mod / package.json (Python: a lock file, requirements*.txt or an exact
// pin in pyproject.toml, python-pins.ts) above the file states the version; with none, or a version not written as a
// number, the current SDK's name stays.
import { ancestors, dirname, join } from '../resolve/files';
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { chatgptRsVersion, limitParamFor } from './chatgpt-rs-version';
import { PY_MANIFEST, pythonPin } from './python-pins';

interface Pin {
  shape: RegExp;
  manifest: 'go.mod' | 'package.json' | typeof PY_MANIFEST;
  /** Python: the distribution and the others that carry the same code (`pydantic-ai`, `pydantic-ai-slim`). */
  dep: string | string[];
  /** Versions below this one name the limit `param`, where `{v}` is the version as the manifest writes it. */
  below: number[];
  param: string;
}

const PINS: Pin[] = [
  // go-openai: ChatCompletionRequest.MaxCompletionTokens is in chat.go from v1.32.0 (v1.31.0 spelt it
  // MaxCompletionsTokens; commit bac7d59 fixed the name); every version has MaxTokens.
  { shape: /^goopenai\./, manifest: 'go.mod', dep: 'github.com/sashabaranov/go-openai', below: [1, 32, 0], param: 'MaxTokens' },
  // AI SDK 5 renamed generateText/streamText's maxTokens to maxOutputTokens (ai-sdk.dev, "Migrate AI SDK 4.x to 5.0").
  { shape: /^vercel\./, manifest: 'package.json', dep: 'ai', below: [5, 0, 0], param: 'maxTokens' },
  // Mastra before 0.20 (mastra-ai/mastra packages/core/src/agent/types.ts of 0.1x: AgentConfig{defaultGenerateOptions,
  // defaultStreamOptions, defaultVNextStreamOptions}, MastraLanguageModel = LanguageModelV1): an agent's defaults are
  // AI SDK 4's generateText / streamText options (maxTokens), one set for generate() and one for stream(), both of
  // which the Mastra server calls; generate()/stream() themselves take maxTokens. `defaultOptions: { modelSettings }`
  // is 1.0's; 0.20 made the VNext methods generate/stream (mastra.ai/guides/migrations/vnext-to-standard-apis).
  { shape: /^mastra\.Agent$/, manifest: 'package.json', dep: '@mastra/core', below: [0, 20, 0], param: 'defaultGenerateOptions: { maxTokens: {n} }, defaultStreamOptions: { maxTokens: {n} }' },
  { shape: /^mastra\.(?:generate|stream)$/, manifest: 'package.json', dep: '@mastra/core', below: [0, 20, 0], param: 'maxTokens' },
  // Mastra 0.20 (the published @mastra/core 0.20.2, dist/agent/types.d.ts and agent.d.ts): generate()/stream() are
  // the renamed generateVNext/streamVNext, taking AgentExecutionOptions{modelSettings}; AgentConfig still has no
  // defaultOptions, and the agent's defaults for those methods are defaultVNextStreamOptions
  // (getDefaultVNextStreamOptions: "used as defaults when calling streamVNext() or generateVNext()"). So through 0.24:
  // the published 0.21.0, 0.22.0, 0.23.1, 0.24.0 and 0.24.9 (the last 0.x) have the same AgentConfig (no
  // defaultOptions) and their Agent.stream() merges getDefaultVNextStreamOptions(), generate() calling stream()
  // (dist/agent/types.d.ts, dist/chunk-*.js). defaultOptions first appears in 1.0.0-beta.2's AgentConfig.
  { shape: /^mastra\.Agent$/, manifest: 'package.json', dep: '@mastra/core', below: [1, 0, 0], param: 'defaultVNextStreamOptions: { modelSettings: { maxOutputTokens: {n} } }' },
  // Pydantic AI before 0.0.13 has no output limit at all: Agent(…) and run/run_sync/run_stream took no model_settings
  // (pydantic/pydantic-ai v0.0.7 pydantic_ai_slim/pydantic_ai/agent.py Agent.__init__(model, *, result_type,
  // system_prompt, deps_type, retries, …)); ModelSettings came with 7d27c42e "Basic ModelSettings logic" (#227), first
  // in v0.0.13. The advice says the upgrade the limit needs (held78 P1/P2: fastapi-reflect's uv.lock pins 0.0.7).
  { shape: /^pydantic-ai\./, manifest: PY_MANIFEST, dep: ['pydantic-ai', 'pydantic-ai-slim'], below: [0, 0, 13], param: "model_settings={'max_tokens': {n}} after upgrading pydantic-ai to 0.0.13 or later: {v} takes no model_settings" },
];

/** Renames `site.limitParam` when the project pins an SDK version older than the name's. */
export function pinnedLimitParam(c: Ctx, site: CallSite): void {
  // A shape's pins share one manifest and dependency, oldest range first: the first range the version is below names it.
  // chatgpt_rs before 1.1.14 has no max_tokens (chatgpt-rs-version.ts; its Cargo.lock decides).
  if (site.shape.startsWith('chatgpt_rs.')) return void (site.limitParam = limitParamFor(chatgptRsVersion(c)) ?? site.limitParam);
  const pins = PINS.filter((p) => p.shape.test(site.shape));
  const index = c.index;
  if (!pins.length || !index || !c.file) return;
  const first = pins[0];
  for (const dir of ancestors(dirname(c.file))) {
    const names = index.files.list(dir);
    if (first.manifest === PY_MANIFEST) {
      // Read once per folder until a file under it changes, not at each call's every analysis.
      const py = names && index.memo(dir, `sdk-pin ${String(first.dep)}`, () => pythonPin(index.files, dir, names, [first.dep].flat()));
      if (!py) continue;
      const pin = pins.find((p) => older(py.version, p.below));
      if (pin) site.limitParam = pin.param.split('{v}').join(`${py.written} (${py.file})`);
      return;
    }
    if (!names?.includes(first.manifest)) continue;
    // Read once per manifest until a file under its folder changes, not at each call's every analysis.
    const v = index.memo(dir, `sdk-pin ${String(first.dep)}`, () => versionIn(index.files.read(join(dir, first.manifest)) ?? '', first));
    const pin = v && pins.find((p) => older(v, p.below));
    if (pin) site.limitParam = pin.param;
    return;
  }
}

/** `github.com/x/y v1.24.1` in go.mod; `"ai": "^4.3.16"` in package.json's dependencies: the numbers, if any. */
function versionIn(text: string, pin: Pin): number[] | undefined {
  let raw: string | undefined;
  if (pin.manifest === 'go.mod') {
    for (const line of text.split('\n')) {
      const words = line.trim().split(/\s+/);
      const at = words.indexOf(String(pin.dep));
      if (at >= 0 && words[at + 1]?.startsWith('v')) raw = words[at + 1].slice(1);
    }
  } else {
    try {
      const pkg = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
      const dep = String(pin.dep);
      const v = pkg.dependencies?.[dep] ?? pkg.devDependencies?.[dep];
      if (typeof v === 'string') raw = v.replace(/^[\^~=v\s]+/, '');
    } catch {
      return undefined;
    }
  }
  // `0.0.0-ai-v5-20250729181825`: a snapshot of a branch, no release whose names are known.
  if (raw?.startsWith('0.0.0-')) return undefined;
  const m = raw ? /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(raw) : null;
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function older(v: number[], than: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== than[i]) return v[i] < than[i];
  return false;
}
