// What a Koog call sends as its output limit, by the Koog release the build pins (JetBrains/koog):
// - LLMParams has no maxTokens before 0.4.0: prompt-model params/LLMParams.kt at the tags 0.1.0, 0.2.0, 0.2.1 and at
//   dfae0388 (temperature, speculation, schema, toolChoice; numberOfChoices); CHANGELOG.md 0.4.0 "Add `maxTokens` as
//   prompt parameters for finer control over generation length (#579)". So "Add LLMParams(maxTokens = n)" is advice
//   the release cannot take; OpenAILLMClient sends no max_tokens at those tags (no output limit at all).
// - AnthropicLLMClient sends max_tokens 2,048 when the prompt sets none: `maxTokens = 2048, // This is required by
//   the API` at 0.1.0, 0.2.1 and dfae0388; later `prompt.params.maxTokens ?: AnthropicMessageRequest.MAX_TOKENS_DEFAULT`,
//   MAX_TOKENS_DEFAULT = 2048 (prompt-executor-anthropic-client …/anthropic/models/AnthropicChatMessages.kt at ce51e385:
//   AnthropicMessageRequest `@EncodeDefault val maxTokens: Int = MAX_TOKENS_DEFAULT`, companion `MAX_TOKENS_DEFAULT: Int = 2048`).
// - GoogleLLMClient sends maxOutputTokens 2,048 whatever the prompt says (`maxOutputTokens = 2048` at 0.1.0, 0.2.1,
//   dfae0388) until 0.5.0: CHANGELOG.md 0.5.0 "Use `maxTokens` from params in Google models (#734)". From 0.5.0
//   (15f7543b, its CHANGELOG commit) to 1.0.0 (050087d5) it sends `maxOutputTokens = prompt.params.maxTokens` (later
//   `googleParams.maxTokens`), an `Int? = null` that its Json (`explicitNulls = false`) leaves out when unset: the
//   API's own default, so a call with no LLMParams.maxTokens is priced at the model's maximum.
// The release is read from the build: `ai.koog:koog-agents:0.3.0` (Gradle, any ai.koog artifact), a version catalog's
// `koog = "0.5.2"` (gradle/libs.versions.toml), a Maven `<koog.version>` or an ai.koog artifact's `<version>`, or
// Koog's own root build for its examples.
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { buildFilesAbove, gradleRoot, jvmModule } from '../resolve/jvm-modules';
import { firstVersionIn } from './build-version';

/** A release's forms in build texts (each checked for backtracking by the hostile-data test). */
const VERSION_FORMS = [
  /["']ai\.koog:[a-z0-9-]{1,80}:(\d{1,3}\.\d{1,3}\.\d{1,3})/,
  /<koog\.version>\s*(\d{1,3}\.\d{1,3}\.\d{1,3})/,
  /<groupId>ai\.koog<\/groupId>\s*<artifactId>[a-z0-9-]{1,80}<\/artifactId>\s*<version>\s*(\d{1,3}\.\d{1,3}\.\d{1,3})/,
  /^[ \t]*koog(?:-agents)?[ \t]*=[ \t]*["'](\d{1,3}\.\d{1,3}\.\d{1,3})["']/m,
  /^[ \t]*(?:val[ \t]+)?koog_?[Vv]ersion[ \t]*=[ \t]*["']?(\d{1,3}\.\d{1,3}\.\d{1,3})/m,
  // Koog's own build (its examples depend on its projects): `group = "ai.koog"` then `val main = "0.2.1"` (dfae0388).
  /^group = "ai\.koog"\s*\nversion = run \{[^}]{0,200}?\bval main = "(\d{1,3}\.\d{1,3}\.\d{1,3})"/m,
];

/** The Koog release a build text states. */
export function koogVersionIn(texts: string[]): string | undefined {
  return firstVersionIn(texts, VERSION_FORMS);
}

/** The Koog release the module's build pins, with the file it is read from ('' when none; once per module). */
function pinned(c: Ctx): { version: string; file: string } | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  const root = jvmModule(index.files, c.file);
  if (!root) return undefined;
  const got = index.memo(root, 'koog.version', () => {
    const files = buildFilesAbove(index.files, c.file!).map((b) => b.file);
    const top = gradleRoot(index.files, root) ?? root;
    for (const d of new Set([root, top])) {
      for (const f of ['gradle/libs.versions.toml', 'gradle.properties']) {
        const [sub, name] = f.includes('/') ? [d + '/gradle', 'libs.versions.toml'] : [d, f];
        if (index.files.list(sub)?.includes(name)) files.push(`${sub}/${name}`);
      }
    }
    for (const f of files) {
      const v = koogVersionIn([index.files.read(f) ?? '']);
      if (v) return `${v} ${f.endsWith('libs.versions.toml') ? 'gradle/libs.versions.toml' : f.split('/').pop()}`;
    }
    return '';
  });
  if (!got) return undefined;
  const [version, file] = got.split(' ');
  return { version, file };
}

const before = (v: string, major: number, minor: number) => {
  const [a, b] = v.split('.').map(Number);
  return a < major || (a === major && b < minor);
};

// AnthropicModels.Sonnet_4 / Opus_4 came in 0.2.0 with each other's id in DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP
// (`Sonnet_4 to "claude-opus-4-20250514"`, `Opus_4 to "claude-sonnet-4-20250514"`, anthropic-client AnthropicModels.kt
// at e0e1e415 (0.2.0) and d6b6a0f0 (0.2.1)); 0.3.0 (e99a6268) sends each its own (CHANGELOG 0.3.0 #327).
const SWAPPED_BEFORE_0_3: Readonly<Record<string, string>> = {
  'AnthropicModels.Sonnet_4': 'claude-opus-4-20250514', 'AnthropicModels.Opus_4': 'claude-sonnet-4-20250514',
};

/** The id a Koog model constant sends in the pinned release, where it is not the table's (0.3.0 and later). */
function koogReleaseModel(site: CallSite, pin: { version: string; file: string } | undefined): void {
  const m = site.model;
  const swapped = m?.written !== undefined && Object.hasOwn(SWAPPED_BEFORE_0_3, m.written) ? SWAPPED_BEFORE_0_3[m.written] : undefined;
  if (!m || !swapped || !pin || !before(pin.version, 0, 3)) return;
  site.model = { ...m, id: swapped, source: { ...(m.source ?? { offset: m.span.start }), what: `Koog ${pin.version} (${pin.file}) sends ${swapped} for ${m.written} (DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP swaps Sonnet_4 and Opus_4 before 0.3.0, #327)` } };
}

/** Sets what a Koog call with no maxTokens in code sends, and says when the pinned release has no field to set it. */
export function koogReleaseLimit(c: Ctx, site: CallSite): void {
  if (site.sdk !== 'Koog') return;
  const pin0 = pinned(c);
  if (pin0) site.koogRelease = pin0.version;
  koogReleaseModel(site, pin0);
  if (site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit) return;
  const pin = pinned(c);
  const id = site.model?.id ?? '';
  const at = pin ? `Koog ${pin.version} (${pin.file})` : 'Koog';
  if (/^claude-/.test(id)) {
    site.sdkDefaultLimit = { value: 2048, label: 'Koog AnthropicLLMClient default', what: `${at} AnthropicLLMClient sends max_tokens 2,048 when LLMParams sets none` };
  } else if (/^gemini-/.test(id) && pin && before(pin.version, 0, 5)) {
    site.sdkDefaultLimit = { value: 2048, label: 'Koog GoogleLLMClient default', what: `${at} GoogleLLMClient sends maxOutputTokens 2,048 (releases before 0.5.0 send it whatever LLMParams says)` };
  }
  // No release stated: the advice names the first one that has the field.
  if (!pin && site.limitParam.startsWith('LLMParams(')) site.limitParam = `${site.limitParam} (Koog 0.4.0 or later)`;
  if (!pin || !before(pin.version, 0, 4)) return;
  const own = site.sdkDefaultLimit ? ` (the client sends its own ${site.sdkDefaultLimit.value.toLocaleString('en-US')})` : '';
  site.limitAbsent = `${at}: LLMParams has no maxTokens before Koog 0.4.0 (JetBrains/koog CHANGELOG 0.4.0, #579), so the code cannot cap the output${own}; from 0.4.0 on, LLMParams(maxTokens = n) does`;
}
