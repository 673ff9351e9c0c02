#!/usr/bin/env node
// Regenerates pricing/*.yaml from the data bundled in the installed @pydantic/genai-prices (MIT) and
// prints what changed. Prices, cached/cache-write prices, long-context tiers, every conditional rate (time-of-day
// windows, scheduled start dates) and context windows always come from that data; with --litellm, service-tier
// prices (flex, priority), deprecation dates and supports_* come from LiteLLM's model map. Hand-kept fields
// (tokenizer, token_factor, tier, batch_discount, max_output, reasoning, added aliases, context_opt_in, a
// successor) survive a sync, and new models get them from the stated rules below.
//
//   node scripts/pricing-sync.mjs            write the sheets, print the changes
//   node scripts/pricing-sync.mjs --check    exit 1 if anything would change (writes nothing)
//   options: --date YYYY-MM-DD (price date, default today UTC), --dir DIR (default pricing/),
//            --litellm FILE (LiteLLM model_prices_and_context_window.json: fills max_output where missing)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const YAML = require('yaml');
const genai = require('@pydantic/genai-prices');
const GENAI_VERSION = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules', '@pydantic', 'genai-prices', 'package.json'), 'utf8'),
).version;
const { getEncodingNameForModel } = require('js-tiktoken');

/** Loads a TypeScript module of ours (pure, no imports but types) through esbuild. */
function loadTs(rel) {
  const esbuild = require('esbuild');
  const res = esbuild.buildSync({
    entryPoints: [path.join(ROOT, rel)],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', res.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}
const { convertGenaiProvider, dedupeNames, undated, openrouterSkip } = loadTs('src/core/price/genai-import.ts');
const { importLiteLLM } = loadTs('src/core/price/litellm-import.ts');

/**
 * Replacements the providers name for deprecated models (LiteLLM gives only the date). Each row cites where the
 * replacement is stated; a deprecated model without a row says the data names none.
 */
const SUCCESSORS = {
  'anthropic:claude-sonnet-4-0': ['claude-sonnet-4-6', 'Anthropic release notes (https://platform.claude.com/docs/en/release-notes/overview): Sonnet 4 and Opus 4 retired 2026-06-15, upgrade to Sonnet 4.6 / Opus 4.8'],
  'anthropic:claude-3-opus': ['claude-opus-4-5', 'Anthropic release notes (https://platform.claude.com/docs/en/release-notes/overview): claude-3-opus-20240229 retired, upgrade to Claude Opus 4.5'],
  'anthropic:claude-opus-4-0': ['claude-opus-4-8', 'Anthropic release notes (https://platform.claude.com/docs/en/release-notes/overview): Sonnet 4 and Opus 4 retired 2026-06-15, upgrade to Sonnet 4.6 / Opus 4.8'],
  'anthropic:claude-opus-4-5': ['claude-opus-5-5', 'Anthropic model deprecations page (https://platform.claude.com/docs/en/about-claude/model-deprecations), as of 2026-11-26: retires 2027-01-22, replacement claude-opus-5-5'],
  'anthropic:claude-3-7-sonnet': ['claude-sonnet-4-5', 'Anthropic model deprecations page (https://platform.claude.com/docs/en/about-claude/model-deprecations): 3.7 Sonnet retires 2026-02-19; migrate to Claude Sonnet 4.5'],
  'openai:chatgpt-4o-latest': ['gpt-5.1-chat-latest', 'OpenAI deprecations page (https://platform.openai.com/docs/deprecations): shutdown 2026-02-17, replacement gpt-5.1-chat-latest'],
  'openai:codex-mini-latest': ['gpt-5-codex-mini', 'OpenAI deprecations page (https://platform.openai.com/docs/deprecations): shutdown 2026-01-16, replacement gpt-5-codex-mini'],
};
/** Retirement dates stated by the provider where LiteLLM has none (same sources as SUCCESSORS). */
const RETIRES = { 'anthropic:claude-sonnet-4-0': '2026-06-15', 'anthropic:claude-opus-4-0': '2026-06-15', 'anthropic:claude-opus-4-5': '2027-01-22', 'anthropic:claude-3-7-sonnet': '2026-02-19', 'openai:chatgpt-4o-latest': '2026-02-17', 'openai:codex-mini-latest': '2026-01-16' };

/**
 * Retirements the sheets' sources leave out, by exact sheet id: [retires or '' (no shutdown date announced), successor
 * or '', source]. Each row cites where the date (and the replacement, when one is named) is stated; a date read from
 * LiteLLM names the snapshot.
 */
const LITELLM_2601 = 'LiteLLM model map deprecation_date (snapshot RoCry/llm-api-price@90e1893, 2026-01-29)';
const GEMINI_1_5 = `${LITELLM_2601}: gemini/gemini-1.5-pro, gemini/gemini-1.5-flash, gemini/gemini-1.5-flash-8b 2025-09-29 (their -002 versions 2025-09-24); Vertex AI (https://cloud.google.com/vertex-ai/generative-ai/docs/migrate-to-v2): Gemini 1.5 closed to new projects from 2025-04-29, migrate to Gemini 2`;
const GEMINI_1_0 = 'Vertex AI Gemini 1.0 Pro deprecation (https://cloud.google.com/vertex-ai/generative-ai/docs/deprecations/gemini-1.0-pro): Gemini 1.0 Pro 001 and 1.0 Pro Vision 001 end on 2025-04-09, migrate to Gemini 1.5 Pro; LiteLLM deprecation_date 2025-04-09';
const GEMINI_2_0 = 'Firebase AI Logic docs banner (https://firebase.google.com/docs/ai-logic, updated 2026-06-18): Gemini 2.0 Flash and Flash-Lite shut down on 2026-06-01, update to a newer model like gemini-3.1-flash-lite';
const CLAUDE = 'Anthropic model deprecations page (https://docs.anthropic.com/en/docs/about-claude/model-deprecations)';
const OPENAI_2610 = "OpenAI deprecations page (https://developers.openai.com/api/docs/deprecations) as of 2026-10-15, quoted in https://dev.to/importstatic/every-openai-model-shutdown-date-until-january-2027-and-what-replaces-it-1dfk: shut down 2026-10-23";
// OpenAI's deprecations page (https://developers.openai.com/api/docs/deprecations), read in OpenAI's own copy of it
// (openai/openai-cookbook examples/data/oai_docs/deprecations.txt, d2bb606) and in a copy of the page's Markdown from
// late 2026, whose "Past deprecations" keep the same entries and add 2025-04-28 (o1-preview).
const OPENAI_PAGE = 'OpenAI deprecations page (https://developers.openai.com/api/docs/deprecations; copy in openai/openai-cookbook examples/data/oai_docs/deprecations.txt@d2bb606)';
const AZURE_LEGACY = 'Azure OpenAI legacy models page (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/legacy-models), Retired models';
// The page's "Deprecation history" section, one entry per announcement (read in a copy of the page from 2026-02).
const CLAUDE_HISTORY = 'Anthropic model deprecations page (https://platform.claude.com/docs/en/about-claude/model-deprecations) "Deprecation history"';
// Anthropic's page on Claude in Bedrock marks deprecated models with a warning sign in its model-id table (the Japanese
// copy's tooltip: "deprecated as of 2025-12-19" for Haiku 3.5). Bedrock's own end-of-life dates differ from
// Anthropic's and are on AWS's model lifecycle page, not read here: these rows carry no date.
const CLAUDE_BEDROCK = (name) => `Anthropic "Claude on Amazon Bedrock" page (https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock), copy of 2026-02-07: "${name}" marked deprecated in its model-id table; Bedrock end-of-life date (AWS model lifecycle page) not read`;
// xAI's retirement notice (https://docs.x.ai/docs/migration/may-15-retirement, read 2026-12-02): these ids stop working
// 2026-05-15 12:00 PT; replacement grok-4.3 (for the non-reasoning ones "grok-4.3 with \"none\" reasoning effort").
const XAI_MAY15 = 'xAI model retirement notice (https://docs.x.ai/docs/migration/may-15-retirement): retired 2026-05-15, recommended replacement grok-4.3';
// Groq's deprecations page (https://console.groq.com/docs/deprecations) is not in the search corpora beyond its
// opening; its shutdown dates and replacements are read in the copies below, each quoting it. The 400 Groq answers a
// retired id with ("The model `…` has been decommissioned", code model_decommissioned) is quoted in mem0ai/mem0#4694
// (llama3-70b-8192), continuedev/continue#12741 (gemma2-9b-it), RightNow-AI/openfang#834 (llama-3.2-1b/3b-preview).
const GROQ_PAGE = 'Groq deprecations page (https://console.groq.com/docs/deprecations)';
const GROQ_GSD = `${GROQ_PAGE}, table quoted in gsd-build/gsd-2#4273 (2026-04-15, "EOL Date | Recommended Replacement")`;
const GROQ_AUG16 = `Groq's notice of 2026-07-14 (quoted in karthink/gptel#1478): Llama 3.3 70B Versatile decommissioned 2026-08-16, replacement GPT OSS 120B / Qwen3.6 27B (free and developer tiers; committed-spend contracts unaffected); Llama 3.1 8B Instant the same day (${GROQ_PAGE}, quoted in papi-ai/groq v0.15.2, karthink/gptel#1480)`;
const LITELLM_GROQ = 'LiteLLM model map deprecation_date (snapshot RoCry/llm-api-price@fc601cc, 2026-01-06, the last that keeps these groq/ rows)';
// OpenAI's deprecations page, read in the docs corpus (source strings are kept under the sheet's 500 characters):
// - 2026-06-11 "GPT-5 and o3 model deprecations": the table of its newest copy there
//   (https://developers.openai.com/api/docs/deprecations?translationFallback=zh-Hans) is cut after the gpt-5-nano row;
//   the date of the rows past it as quoted in https://dev.to/aideprecations/what-to-do-before-openai-gpt-5-and-o3-shut-down-on-december-11-2026-fap
//   and https://dev.to/max_bob/openai-api-deprecations-2026-2027-every-shutdown-date-and-recommended-replacement-gpt-4o-2ffm
//   (checked there against GET /v1/models shutdown_date on 2026-10-27; OpenAI's notice e-mail said December 10, quoted
//   in agentjido/llmdb#232). The page later changed the replacements (gpt-5.6-sol/-terra/-luna before): its copy names
//   gpt-6.1-sol for gpt-5 and gpt-6.1-terra for gpt-5-mini; the rest as samarthputhraya/Modelpin v0.5.4 read the page
//   on 2026-11-22: "gpt-5, gpt-5-pro, o3 and o3-pro … OpenAI now names gpt-6.1-sol as the replacement (for gpt-5-pro
//   and o3-pro, with reasoning.mode: pro …). … gpt-5-nano to gpt-6-luna".
// - 2026-10-14 "GPT-4 family model deprecations", in a translation of the page made after its 2026-11-05 entry
//   (https://www.w3cschool.cn/openai_api/openai_api-docs-deprecations.html), the same in dev.to/importstatic (the page
//   as of 2026-10-15) and dev.to/max_bob: each model is listed by its dated snapshots, the aliases of these rows; the
//   undated id serves one of them. A reseller's notice (cometapi-dev discussion #151) names gpt-6.1-sol for gpt-4o and
//   gpt-4.1; the copies of the page name gpt-6-luna for all four.
// - 2026-04-22 "Legacy GPT model snapshots", in the copy of the page's Markdown diff at
//   https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/ ("Shutdown date | Model snapshot |
//   Substitute model"); the 2026-07-23 removals also in anomalyco/models.dev#3707, citing the page.
const OPENAI_DEP = 'OpenAI deprecations page (https://developers.openai.com/api/docs/deprecations)';
const GPT5_ROW = `${OPENAI_DEP}, copy ?translationFallback=zh-Hans, notice of 2026-06-11`;
const GPT5_O3 = (what, to) => `${OPENAI_DEP}, 2026-06-11 "GPT-5 and o3 model deprecations" (quoted in dev.to/aideprecations and dev.to/max_bob): ${what} shut down 2026-12-11; replacement ${to} as the page names it since its update (read 2026-11-22 by samarthputhraya/Modelpin v0.5.4; gpt-5.6-sol before)`;
const GPT4_2701 = (name, snaps) => `${OPENAI_DEP}, 2026-10-14 "GPT-4 family model deprecations" (copies: w3cschool.cn/openai_api/openai_api-docs-deprecations.html, dev.to/importstatic, dev.to/max_bob): ${name} (${snaps}) shut down 2027-01-14, replacement gpt-6-luna; the page names the dated snapshots (this row's aliases), the undated id serves one of them`;
const OPENAI_2604 = `${OPENAI_DEP}, 2026-04-22 "Legacy GPT model snapshots" (copies: spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556, anomalyco/models.dev#3707)`;
// DeepSeek retired the V3-era names when V4 shipped: the API docs' model table marked them "将于 2026/07/24 弃用"
// (quoted in anomalyco/opencode#24155); the cut-off hour and the replacements as FlowiseAI/Flowise#6667,
// smkrv/ha-text-ai v2.5.1 ("retires deepseek-chat and deepseek-reasoner on 2026-07-24 with no fallback") and
// cloud.tencent.com/developer/article/2715785 (15:59 UTC; chat -> deepseek-v4-flash, reasoner -> deepseek-v4-flash with thinking) state them.
const DEEPSEEK_V3_NAMES = 'DeepSeek API docs model table (https://api-docs.deepseek.com, quoted in anomalyco/opencode#24155): deepseek-chat and deepseek-reasoner retired 2026-07-24 (15:59 UTC, FlowiseAI/Flowise#6667, smkrv/ha-text-ai v2.5.1), use deepseek-v4-flash (the reasoner with thinking enabled)';
// Gemini 2.5 Pro and 2.5 Flash: Google's Gemini API deprecations page (https://ai.google.dev/gemini-api/docs/deprecations)
// gave both an earliest shutdown of June 2026, then 2026-06-17 (its copies in the docs corpus, replacements
// gemini-3-flash-preview / gemini-3-pro-preview); read on 2026-11-10 (quoted in dev.to/aideprecations "What to Do
// Before Gemini 2.5 Pro and 2.5 Flash Are Retired on December 1, 2026") it says shutdown 2026-12-01, replacements
// gemini-3.5-flash-lite (for 2.5 Flash) and gemini-3.8-flash (for 2.5 Pro); docs.laozhang.ai (2026-11-12) and
// docs.retellai.com (2026-11-29) name the same replacements. The latest reading is the date kept; every reading is
// before 2026-12-06. What a request gets afterwards differs by source (aideprecations: routed to the replacement at its
// rates; laozhang: HTTP 503): the source string says both. gemini-2.5-flash-lite is "not deprecated" in that reading.
const GEMINI_2_5 = (id, to) => `Gemini API deprecations page (https://ai.google.dev/gemini-api/docs/deprecations), read 2026-11-10 as quoted in dev.to/aideprecations: ${id} shut down 2026-12-01 (earlier copies: 2026-06-17), recommended replacement ${to}; afterwards requests are routed to ${to} at its rates (aideprecations) or fail with 503 (docs.laozhang.ai, 2026-11-12)`;
// Google's deprecations page lists preview models too; its copy ?authuser=2&hl=it (read 2026-12-06) names, for the
// Gemini 3 previews: gemini-3-flash-preview (released 2025-12-17) no shutdown date announced, recommended replacement
// gemini-3.5-flash; gemini-3-pro-preview shut down 2026-03-09, replacement gemini-3.1-pro-preview (also in Google's
// Gemini 3 developer guide, https://ai.google.dev/gemini-api/docs/gemini-3, as copied 2026-03-22 by jixiaxue-kb).
const GEMINI_3_PREVIEWS = (id, what) => `Gemini API deprecations page (https://ai.google.dev/gemini-api/docs/deprecations, copy ?authuser=2&hl=it), Gemini 3 preview models: ${id} ${what}`;
// The gpt-4o realtime previews: OpenAI's model page marks gpt-4o-realtime-preview "Shut down"
// (https://developers.openai.com/api/docs/models/gpt-4o-realtime-preview); the date and the replacements as
// modelcostwatch.com/openai/deprecations/shutdown-schedule reads the deprecations page ("gpt-4o preview audio and
// realtime models", May 7, 2026; gpt-realtime-1.5, gpt-realtime-mini).
const GPT4O_REALTIME = (to) => `OpenAI model page (https://developers.openai.com/api/docs/models/gpt-4o-realtime-preview): "Shut down"; the gpt-4o preview realtime models shut down 2026-05-07, replacement ${to} (OpenAI deprecations page as read by https://www.modelcostwatch.com/openai/deprecations/shutdown-schedule)`;
const RETIRED = {
  'openai:gpt-4o-realtime-preview': ['2026-05-07', 'gpt-realtime-1.5', GPT4O_REALTIME('gpt-realtime-1.5')],
  'openai:gpt-4o-mini-realtime-preview': ['2026-05-07', 'gpt-realtime-mini', GPT4O_REALTIME('gpt-realtime-mini')],
  'google:gemini-3-flash-preview': ['', 'gemini-3.5-flash', GEMINI_3_PREVIEWS('gemini-3-flash-preview', 'deprecated, no shutdown date announced, recommended replacement gemini-3.5-flash')],
  'google:gemini-3-pro-preview': ['2026-03-09', 'gemini-3.1-pro-preview', GEMINI_3_PREVIEWS('gemini-3-pro-preview', 'shut down 2026-03-09, recommended replacement gemini-3.1-pro-preview')],
  'google:gemini-2.5-pro': ['2026-12-01', 'gemini-3.8-flash', GEMINI_2_5('gemini-2.5-pro', 'gemini-3.8-flash')],
  'google:gemini-2.5-flash': ['2026-12-01', 'gemini-3.5-flash-lite', GEMINI_2_5('gemini-2.5-flash', 'gemini-3.5-flash-lite')],
  'deepseek:deepseek-chat': ['2026-07-24', 'deepseek-v4-flash', DEEPSEEK_V3_NAMES],
  'deepseek:deepseek-reasoner': ['2026-07-24', 'deepseek-v4-flash', DEEPSEEK_V3_NAMES],
  'google:gemini-pro': ['2025-04-09', 'gemini-1.5-pro', GEMINI_1_0],
  'google:gemini-1.0-pro-vision-001': ['2025-04-09', 'gemini-1.5-pro', GEMINI_1_0],
  'google:gemini-1.5-pro': ['2025-09-29', '', GEMINI_1_5],
  'google:gemini-pro-1.5': ['2025-09-29', '', GEMINI_1_5],
  'google:gemini-1.5-flash': ['2025-09-29', '', GEMINI_1_5],
  'google:gemini-flash-1.5': ['2025-09-29', '', GEMINI_1_5],
  'google:gemini-flash-1.5-8b': ['2025-09-29', '', GEMINI_1_5],
  'google:gemini-2.0-flash': ['2026-06-01', 'gemini-3.1-flash-lite', GEMINI_2_0],
  'google:gemini-2.0-flash-lite': ['2026-06-01', 'gemini-3.1-flash-lite', GEMINI_2_0],
  'anthropic:claude-v1': ['2024-11-06', '', `${CLAUDE}: claude-1.x and claude-instant-1.x retired 2024-11-06`],
  'anthropic:claude-2': ['2025-07-21', '', `${CLAUDE}: claude-2.0, claude-2.1 retired 2025-07-21`],
  'anthropic:claude-3-sonnet': ['2025-07-21', '', `${CLAUDE}: claude-3-sonnet-20240229 retired 2025-07-21`],
  'anthropic:claude-3-5-sonnet': ['2025-10-28', '', `${CLAUDE_HISTORY}, 2025-08-13 "Claude Sonnet 3.5 models": claude-3-5-sonnet-20240620 and -20241022 retired 2025-10-28 (the date planned earlier, 2025-10-22, is quoted in https://gitlab.com/gitlab-org/gitlab/-/issues/572012)`],
  'anthropic:claude-3-5-haiku': ['2026-02-19', 'claude-haiku-4-5', `${CLAUDE_HISTORY}, 2025-12-19 "Claude Haiku 3.5 model": claude-3-5-haiku-20241022 retired 2026-02-19, recommended replacement claude-haiku-4-5-20251001`],
  'anthropic:claude-3-opus': ['2026-01-05', 'claude-opus-4-5', `${CLAUDE_HISTORY}, 2025-06-30 "Claude Opus 3 model": claude-3-opus-20240229 retired 2026-01-05; successor: Anthropic release notes (https://platform.claude.com/docs/en/release-notes/overview): claude-3-opus-20240229 retired, upgrade to Claude Opus 4.5`],
  'openai:gpt-4-vision-preview': ['2024-12-06', '', `${LITELLM_2601}: gpt-4-vision-preview 2024-12-06`],
  'openai:gpt-4.5-preview': ['2025-07-14', '', `${LITELLM_2601}: gpt-4.5-preview-2025-02-27 2025-07-14`],
  'openai:o1-mini': ['2025-10-27', '', `${LITELLM_2601}: o1-mini-2024-09-12 2025-10-27`],
  'openai:gpt-3.5-turbo': ['2026-10-23', 'gpt-5.6-terra', `${OPENAI_2610}, replacement gpt-5.6-terra`],
  'openai:gpt-4': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol`],
  'openai:gpt-4-turbo': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol`],
  'openai:gpt-4o-2024-05-13': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol`],
  'openai:o1': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol`],
  'openai:o1-pro': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol (reasoning.mode: pro)`],
  'openai:o3-mini': ['2026-10-23', 'gpt-5.6-sol', `${OPENAI_2610}, replacement gpt-5.6-sol`],
  'openai:o4-mini': ['2026-10-23', 'gpt-5.6-terra', `${OPENAI_2610}, replacement gpt-5.6-terra`],
  'openai:gpt-4.1-nano': ['2026-10-23', 'gpt-5.6-luna', `${OPENAI_2610}; replacement gpt-5.6-luna: dev.to/leighefford and dev.to/bigcircle, each quoting the page`],
  'openai:gpt-5': ['2026-12-11', 'gpt-6.1-sol', `${GPT5_ROW}: "Dec 11, 2026 | gpt-5, gpt-5-2025-08-07 | Deprecated | gpt-6.1-sol"`],
  'openai:gpt-5-mini': ['2026-12-11', 'gpt-6.1-terra', `${GPT5_ROW}: "Dec 11, 2026 | gpt-5-mini, gpt-5-mini-2025-08-07 | Deprecated | gpt-6.1-terra"`],
  'openai:gpt-5-nano': ['2026-12-11', 'gpt-6-luna', `${GPT5_ROW}: "Dec 11, 2026 | gpt-5-nano, gpt-5-nano-2025-08-07 | Deprecated | gpt-6…" (the copy is cut there); gpt-6-luna as samarthputhraya/Modelpin v0.5.4 read the page on 2026-11-22`],
  'openai:gpt-5-pro': ['2026-12-11', 'gpt-6.1-sol', GPT5_O3('gpt-5-pro, gpt-5-pro-2025-10-06', 'gpt-6.1-sol with reasoning.mode: pro')],
  'openai:o3': ['2026-12-11', 'gpt-6.1-sol', GPT5_O3('o3, o3-2025-04-16', 'gpt-6.1-sol')],
  'openai:o3-pro': ['2026-12-11', 'gpt-6.1-sol', GPT5_O3('o3-pro, o3-pro-2025-06-10', 'gpt-6.1-sol with reasoning.mode: pro')],
  'openai:gpt-4o': ['2027-01-14', 'gpt-6-luna', GPT4_2701('GPT-4o', 'gpt-4o-2024-08-06, gpt-4o-2024-11-20')],
  'openai:gpt-4o-mini': ['2027-01-14', 'gpt-6-luna', GPT4_2701('GPT-4o mini', 'gpt-4o-mini-2024-07-18')],
  'openai:gpt-4.1': ['2027-01-14', 'gpt-6-luna', GPT4_2701('GPT-4.1', 'gpt-4.1-2025-04-14')],
  'openai:gpt-4.1-mini': ['2027-01-14', 'gpt-6-luna', GPT4_2701('GPT-4.1 mini', 'gpt-4.1-mini-2025-04-14')],
  // The date in two copies that each say they read the page; neither names a replacement in what can be read of it.
  'openai:gpt-5.1': ['2027-04-01', '', `${OPENAI_DEP}, as quoted in dev.to/max_bob ("GPT-5.1 (1 April 2027)") and dev.to/aidriftline ("OpenAI retires gpt-5.3-codex, gpt-5.1 and gpt-5.4-nano on 1 April 2027"); no replacement named there`],
  'openai:gpt-5.1-codex-mini': ['2026-07-23', 'gpt-5.4-mini', `${OPENAI_2604}: gpt-5.1-codex-mini shut down 2026-07-23, substitute gpt-5.4-mini`],
  'openai:o3-deep-research': ['2026-07-23', '', `${OPENAI_2604}: o3-deep-research(-2025-06-26) shut down 2026-07-23, substitute "5.4-Pro"`],
  'openai:o4-mini-deep-research': ['2026-07-23', '', `${OPENAI_2604}: o4-mini-deep-research(-2025-06-26) shut down 2026-07-23, substitute "5.4-Pro"`],
  'openai:gpt-4o-search-preview': ['2026-07-23', 'gpt-4.1-mini', `${OPENAI_2604}: gpt-4o-search-preview-2025-03-11 shut down 2026-07-23, substitute gpt-4.1-mini`],
  'openai:gpt-4-32k': ['2025-06-06', 'gpt-4o', `${OPENAI_PAGE}, 2024-06-06 "GPT-4-32K and Vision Preview models": gpt-4-32k, gpt-4-32k-0613, gpt-4-32k-0314 shut down 2025-06-06, recommended replacement gpt-4o`],
  'openai:gpt-3.5-turbo-16k': ['2024-09-13', 'gpt-3.5-turbo', `${OPENAI_PAGE}, 2023-11-06 "Chat model updates": gpt-3.5-turbo-16k-0613 (the snapshot gpt-3.5-turbo-16k named) shut down 2024-09-13, recommended replacement gpt-3.5-turbo`],
  'openai:gpt-3.5-0301': ['2024-09-13', 'gpt-3.5-turbo', `${OPENAI_PAGE}, 2023-06-13 "Updated chat models": gpt-3.5-turbo-0301 (this row's alias) shut down 2024-09-13, recommended replacement gpt-3.5-turbo`],
  'openai:gpt-3.5-turbo-0613': ['2024-09-13', 'gpt-3.5-turbo', `${OPENAI_PAGE}, 2023-11-06 "Chat model updates": gpt-3.5-turbo-0613 shut down 2024-09-13, recommended replacement gpt-3.5-turbo`],
  'openai:o1-preview': ['2025-07-28', 'o3', 'OpenAI deprecations page (https://developers.openai.com/api/docs/deprecations), 2025-04-28 "o1-preview and o1-mini": o1-preview shut down 2025-07-28, recommended replacement o3'],
  'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0': ['', 'anthropic.claude-haiku-4-5-20251001-v1:0', `${CLAUDE_BEDROCK('Claude Haiku 3.5')}; replacement as at Anthropic: model deprecations page, 2025-12-19 "Claude Haiku 3.5 model"`],
  'bedrock:anthropic.claude-3-7-sonnet-20250219-v1:0': ['', 'anthropic.claude-sonnet-4-5-20250929-v1:0', `${CLAUDE_BEDROCK('Claude Sonnet 3.7')}; replacement as at Anthropic: model deprecations page, 3.7 Sonnet "migrate to Claude Sonnet 4.5"`],
  'anthropic:claude-3-haiku': ['2026-04-20', 'claude-haiku-4-5', `Anthropic model deprecations page (https://platform.claude.com/docs/en/about-claude/model-deprecations), 2026-02-19 "Claude Haiku 3 model": claude-3-haiku-20240307 retires 2026-04-20, recommended replacement claude-haiku-4-5-20251001; release notes (https://platform.claude.com/docs/en/release-notes/overview) April 20, 2026: "We've retired the Claude Haiku 3 model (claude-3-haiku-20240307)"`],
  // xAI: the notice names grok-4-0709 too; the grok-4 row (alias grok-4-0709) is left as the data has it (what the
  // bare id grok-4 serves after the date is not stated).
  'xai:grok-3': ['2026-05-15', 'grok-4.3', XAI_MAY15],
  'xai:grok-4-1-fast-reasoning': ['2026-05-15', 'grok-4.3', XAI_MAY15],
  'xai:grok-4-1-fast-non-reasoning': ['2026-05-15', 'grok-4.3', `${XAI_MAY15} (reasoning effort none)`],
  'xai:grok-4-fast-reasoning': ['2026-05-15', 'grok-4.3', XAI_MAY15],
  'xai:grok-4-fast-non-reasoning': ['2026-05-15', 'grok-4.3', `${XAI_MAY15} (reasoning effort none)`],
  'xai:grok-code-fast-1': ['2026-05-15', 'grok-4.3', XAI_MAY15],
  // SUCCESSORS/RETIRES key these by an id no sheet row has (undated() strips "-latest"; the row is codex-mini, alias
  // codex-mini-latest), so their dates never reached openai.yaml and both stayed route targets; the rows by sheet id:
  'openai:chatgpt-4o-latest': ['2026-02-17', 'gpt-5.1-chat-latest', SUCCESSORS['openai:chatgpt-4o-latest'][1]],
  'openai:codex-mini': ['2026-01-16', 'gpt-5-codex-mini', `${SUCCESSORS['openai:codex-mini-latest'][1]} (codex-mini-latest, this row's alias)`],
  // Groq. A successor that is itself retired is followed by the warning to the one that replaces it.
  'groq:llama3-70b-8192': ['2025-08-30', 'llama-3.3-70b-versatile', `${GROQ_GSD}: llama3-70b-8192 2025-08-30, llama-3.3-70b-versatile`],
  'groq:llama3-8b-8192': ['2025-08-30', 'llama-3.1-8b-instant', `${GROQ_GSD}: llama3-8b-8192 2025-08-30, llama-3.1-8b-instant`],
  'groq:mistral-saba-24b': ['2025-07-30', 'qwen/qwen3-32b', `${GROQ_GSD}: mistral-saba-24b 2025-07-30, qwen/qwen3-32b`],
  'groq:deepseek-r1-distill-llama-70b': ['2025-10-02', 'llama-3.3-70b-versatile', `${GROQ_GSD}: deepseek-r1-distill-llama-70b 2025-10-02, llama-3.3-70b-versatile (the page's anchor #october-2-2025-deepseekr1distillllama70b, linked in benman1/generative_ai_with_langchain#103)`],
  'groq:gemma2-9b-it': ['2025-10-08', 'llama-3.1-8b-instant', `${GROQ_GSD}: gemma2-9b-it 2025-10-08, llama-3.1-8b-instant`],
  'groq:moonshotai/kimi-k2-instruct': ['2025-10-10', 'openai/gpt-oss-120b', `${GROQ_GSD}: moonshotai/kimi-k2-instruct 2025-10-10, moonshotai/kimi-k2-instruct-0905 (this row's alias) 2026-04-15, both openai/gpt-oss-120b`],
  'groq:meta-llama/llama-4-maverick-17b-128e-instruct': ['2026-03-09', 'openai/gpt-oss-120b', `${GROQ_GSD}: meta-llama/llama-4-maverick-17b-128e-instruct 2026-03-09, openai/gpt-oss-120b`],
  'groq:meta-llama/llama-4-scout-17b-16e-instruct': ['2026-07-17', '', `${GROQ_PAGE}: Llama 4 Scout 17B decommissioned 2026-07-17 (quoted in ShaikhWarsi/free-ai-tools#50; no replacement named there)`],
  'groq:llama-3.3-70b-versatile': ['2026-08-16', 'openai/gpt-oss-120b', `${GROQ_AUG16}; replacement openai/gpt-oss-120b (the notice's GPT OSS 120B)`],
  'groq:llama-3.1-8b-instant': ['2026-08-16', 'openai/gpt-oss-20b', `${GROQ_AUG16}; replacement openai/gpt-oss-20b (the page, quoted in karthink/gptel#1481)`],
  'groq:gemma-7b-it': ['2024-12-18', '', `${LITELLM_GROQ}: groq/gemma-7b-it 2024-12-18`],
  'groq:llama-3.1-70b-versatile': ['2025-01-24', '', `${LITELLM_GROQ}: groq/llama-3.1-70b-versatile 2025-01-24`],
  'groq:llama-3.2-11b-text-preview': ['2024-10-28', '', `${LITELLM_GROQ}: groq/llama-3.2-11b-text-preview 2024-10-28`],
  'groq:llama-3.2-11b-vision-preview': ['2025-04-14', '', `${LITELLM_GROQ}: groq/llama-3.2-11b-vision-preview 2025-04-14`],
  'groq:llama-3.2-1b-preview': ['2025-04-14', '', `${LITELLM_GROQ}: groq/llama-3.2-1b-preview 2025-04-14`],
  'groq:llama-3.2-3b-preview': ['2025-04-14', '', `${LITELLM_GROQ}: groq/llama-3.2-3b-preview 2025-04-14`],
  'groq:llama-3.2-90b-text-preview': ['2024-11-25', '', `${LITELLM_GROQ}: groq/llama-3.2-90b-text-preview 2024-11-25`],
  'groq:llama-3.2-90b-vision-preview': ['2025-04-14', '', `${LITELLM_GROQ}: groq/llama-3.2-90b-vision-preview 2025-04-14`],
  'groq:llama-3.3-70b-specdec': ['2025-04-14', '', `${LITELLM_GROQ}: groq/llama-3.3-70b-specdec 2025-04-14`],
  'groq:llama3-groq-70b-8192-tool-use-preview': ['2025-01-06', '', `${LITELLM_GROQ}: groq/llama3-groq-70b-8192-tool-use-preview 2025-01-06`],
  'groq:llama3-groq-8b-8192-tool-use-preview': ['2025-01-06', '', `${LITELLM_GROQ}: groq/llama3-groq-8b-8192-tool-use-preview 2025-01-06`],
  'groq:mixtral-8x7b-32768': ['2025-03-20', '', `${LITELLM_GROQ}: groq/mixtral-8x7b-32768 2025-03-20`],
  // Azure retires on its own schedule: these rows are the Azure sheet's models, with Azure's dates.
  'azure:o1-preview': ['2025-07-28', 'o1', `${AZURE_LEGACY}: o1-preview retired July 28, 2025, suggested replacement o1`],
};

/**
 * Models real applications call that the genai-prices data does not price, each with the price its host publishes
 * and where and when it was read. A model the data comes to price is taken from the data (this row is then unused).
 */
const QWEN_MT_TURBO_PAGE =
  'Alibaba Cloud Model Studio, qwen-mt-turbo (https://www.alibabacloud.com/help/en/model-studio/qwen-mt-turbo, China (Beijing) only in the copy read 2026-12-01; both regions in https://www.alibabacloud.com/help/ja/model-studio/qwen-mt-turbo, read 2026-12-01)';

const EXTRA_MODELS = {
  // genai-prices 0.1.8 folds gpt-5-chat-latest into gpt-5 (an alias: a reasoning model, 400K context, 128K output).
  // It is the non-reasoning GPT-5 of ChatGPT: developer.puter.com/ai/openai/gpt-5-chat ("the non-reasoning version of
  // GPT-5 used in ChatGPT … available as gpt-5-chat-latest in the API … without extended thinking", context 128K);
  // labring/fastgpt-plugin PR 297 (gpt-5-chat: maxContext 128000, maxTokens 16000, reasoning false); max output 16,384
  // as docs.oxen.ai gives for its successor gpt-5.2-chat-latest. Price as gpt-5's in the data ($1.25 / $10, cached $0.125),
  // which OpenAI's pricing page gives the chat model too (as quoted in the apps' own price tables, e.g. openai-pricing
  // copies with "gpt-5-chat-latest": input 1.25, cached 0.125, output 10).
  openai: [
    {
      id: 'gpt-5-chat-latest',
      input: 1.25,
      output: 10,
      cachedInput: 0.125,
      context: 128000,
      maxOutput: 16384,
      source: 'gpt-5-chat-latest priced as gpt-5 ($1.25 input, $0.125 cached, $10 output per 1M: genai-prices 0.1.8, which aliases it to gpt-5, and the OpenAI pricing page as apps copy it); non-reasoning, 128K context: developer.puter.com/ai/openai/gpt-5-chat, labring/fastgpt-plugin PR 297; 16,384 max output as docs.oxen.ai gives for gpt-5.2-chat-latest',
    },
  ],
  // xAI's first API models, still called by real code (grok-beta in 10+ files find_string shows). Their price and the
  // deprecation are the xAI models page of 2024-12 (https://docs.x.ai/docs/models, read in the copy at
  // https://grok.cadn.net.cn/docs/models.html); when they stopped being served is not stated there.
  xai: [
    {
      id: 'grok-beta',
      input: 5,
      output: 15,
      context: 131072,
      deprecated: { source: 'xAI models page (https://docs.x.ai/docs/models, 2024-12): "The grok-beta models are early models that are now deprecated"; use the grok-2-1212 family (itself deprecated since); shutdown date not stated' },
      source: 'xAI models page (https://docs.x.ai/docs/models, 2024-12, copy at https://grok.cadn.net.cn/docs/models.html): grok-beta, 131072 context, text input $5.00, completion $15.00 per 1M tokens',
    },
    {
      id: 'grok-vision-beta',
      input: 5,
      output: 15,
      context: 8192,
      deprecated: { source: 'xAI models page (https://docs.x.ai/docs/models, 2024-12): "The grok-beta models are early models that are now deprecated"; shutdown date not stated' },
      source: 'xAI models page (https://docs.x.ai/docs/models, 2024-12, copy at https://grok.cadn.net.cn/docs/models.html): grok-vision-beta, 8192 context, text and image input $5.00, completion $15.00 per 1M tokens',
    },
  ],
  together: [
    {
      id: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
      input: 0.3,
      output: 0.3,
      context: 32768,
      source: 'Together AI model page (https://www.together.ai/models/qwen2-5-7b-instruct-turbo, copy read 2026-12-01): $0.30 per 1M input and output tokens, 32K context; not in genai-prices 0.1.8',
    },
  ],
  // Alibaba Cloud Model Studio (DashScope) prices each region apart; genai-prices 0.1.8 has no Alibaba provider.
  // Only models whose own page gives prices are here; qwen-turbo / -plus / -max / -flash are left out until read.
  alibaba: [
    {
      id: 'qwen-mt-turbo',
      input: 0.16,
      output: 0.49,
      context: 16384,
      maxOutput: 8192,
      source: `${QWEN_MT_TURBO_PAGE}: Singapore (scope: international) input $0.16, output $0.49 per 1M tokens; max input 8192, max output 8192, context window 16384`,
    },
  ],
  'alibaba-cn': [
    {
      id: 'qwen-mt-turbo',
      input: 0.101,
      output: 0.28,
      context: 16384,
      maxOutput: 8192,
      source: `${QWEN_MT_TURBO_PAGE}: China (Beijing) input $0.101, output $0.28 per 1M tokens; max input 8192, max output 8192, context window 16384`,
    },
  ],
};

/**
 * max_output where LiteLLM's is the model's context copied (its max_output_tokens equals its max_input_tokens), by
 * exact sheet id: [the vendor's stated maximum output, or null where no vendor page read states one, source]. A null
 * row claims no maximum: a call without a limit then says its output is unbounded instead of pricing the whole window.
 */
const ANTHROPIC_MAX_OUT = (model, copied) => `Anthropic's model page (https://platform.claude.com/docs/en/models/${model}/overview): "Max output: 64K tokens" (LiteLLM's ${copied} is the context window)`;
const NO_MAX_OUT = {
  mistral: "Mistral's docs (https://docs.mistral.ai/getting-started/models/) give each model a context length and no maximum output",
  xai: "xAI's models page (https://docs.x.ai/docs/models) gives a context window and no maximum output",
  other: 'no maximum output found in the vendor\'s own docs',
};
const noMax = (why) => [null, `no max_output: LiteLLM's max_output_tokens is the context (the same as its max_input_tokens); ${why}`];
const MAX_OUTPUT = {
  'openrouter:anthropic/claude-sonnet-4.5': [64000, ANTHROPIC_MAX_OUT('sonnet-4-5', 1000000)],
  'openrouter:anthropic/claude-haiku-4.5': [64000, ANTHROPIC_MAX_OUT('haiku-4-5', 200000)],
  ...Object.fromEntries(
    [
      ...['codestral-2508', 'devstral-2512', 'devstral-small', 'ministral-8b-2512', 'ministral-8b-latest', 'mistral-large', 'mistral-large-2512', 'mistral-medium-3-5', 'mistral-medium-latest', 'mistral-nemo', 'mistral-small-latest', 'pixtral-large'].map((id) => [`mistral:${id}`, NO_MAX_OUT.mistral]),
      ...['ministral-14b-2512', 'ministral-3b-2512', 'ministral-8b-2512', 'mistral-large-2512', 'mistral-small-3.2-24b-instruct', 'mixtral-8x22b-instruct'].map((id) => [`openrouter:mistralai/${id}`, NO_MAX_OUT.mistral]),
      ...['grok-2-vision', 'grok-3', 'grok-3-fast', 'grok-3-mini', 'grok-3-mini-fast', 'grok-4', 'grok-4-1-fast-non-reasoning', 'grok-4-1-fast-reasoning', 'grok-4-fast-non-reasoning', 'grok-4-fast-reasoning', 'grok-4.3', 'grok-4.5', 'grok-code-fast-1'].map((id) => [`xai:${id}`, NO_MAX_OUT.xai]),
      ...['deepseek/deepseek-chat-v3.1', 'deepseek/deepseek-v3.2', 'deepseek/deepseek-v3.2-exp', 'minimax/minimax-m2', 'moonshotai/kimi-k2.5', 'qwen/qwen3-235b-a22b-2507', 'qwen/qwen3-235b-a22b-thinking-2507', 'qwen/qwen3-coder', 'switchpoint/router'].map((id) => [`openrouter:${id}`, NO_MAX_OUT.other]),
      ...['meta.llama3-70b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 'openai.gpt-oss-120b-1:0', 'openai.gpt-oss-20b-1:0'].map((id) => [`bedrock:${id}`, NO_MAX_OUT.other]),
      ['cohere:command-light', NO_MAX_OUT.other],
      ['groq:gemma-7b-it', NO_MAX_OUT.other],
      ['groq:qwen/qwen3-32b', NO_MAX_OUT.other],
    ].map(([k, why]) => [k, noMax(why)]),
  ),  // Realtime models: no LiteLLM value is read for them (the sheet had none); OpenAI's model pages state each maximum.
  // A row prices all its names (the data's match), so its maximum is the largest of theirs: gpt-realtime-mini's names
  // include gpt-realtime-2.1-mini.
  'openai:gpt-realtime': [4096, "OpenAI's model page (https://developers.openai.com/api/docs/models/gpt-realtime-1.5): 4,096 max output tokens, 32,000 context (gpt-realtime-1.5, a name of this row)"],
  'openai:gpt-realtime-2': [32000, "OpenAI's model pages (https://developers.openai.com/api/docs/models/gpt-realtime-2, /gpt-realtime-2.1): 32,000 max output tokens, 128,000 context"],
  'openai:gpt-realtime-mini': [32000, "OpenAI's model page (https://developers.openai.com/api/docs/models/gpt-realtime-2.1-mini): 32,000 max output tokens for gpt-realtime-2.1-mini, a name of this row (the largest of its names)"],
  'openai:gpt-4o-realtime-preview': [4096, "OpenAI's model page (https://developers.openai.com/api/docs/models/gpt-4o-realtime-preview): 4,096 max output tokens, 32,000 context"],
  'openai:gpt-4o-mini-realtime-preview': [4096, "OpenAI's model page (https://developers.openai.com/api/docs/models/gpt-4o-mini-realtime-preview): 4,096 max output tokens, 16,000 context"],
};

/** The LiteLLM snapshot the shipped max_output values were taken from (named in every sheet header). */
const LITELLM_SNAPSHOT =
  'https://github.com/RoCry/llm-api-price/blob/8442b939a6ead479f7995b5d74d8dce488bd0966/model_prices_and_context_window.json';

// ------------------------------------------------------------------------------------------------
// Rules for hand-kept fields of new models. Each names its source; the sheet header repeats them.

const SHEETS = [
  { sheet: 'openai', gp: 'openai' },
  { sheet: 'anthropic', gp: 'anthropic' },
  // Google's data also lists Claude on Vertex AI; those stay Anthropic's models (priced by anthropic.yaml).
  { sheet: 'google', gp: 'google', skipId: (id) => id.includes('claude') },
  { sheet: 'mistral', gp: 'mistral' },
  { sheet: 'deepseek', gp: 'deepseek' },
  { sheet: 'xai', gp: 'x-ai' },
  { sheet: 'cohere', gp: 'cohere' },
  // genai-prices prefixes on-demand (in-region) Bedrock ids with `regional.`; the API id has no prefix.
  { sheet: 'bedrock', gp: 'aws', renameId: (id) => id.replace(/^regional\./, '') },
  { sheet: 'groq', gp: 'groq' },
  { sheet: 'together', gp: 'together' },
  { sheet: 'azure', gp: 'azure' },
  // OpenRouter's API ids are vendor/model[:variant]; the data's bare duplicates are left out (genai-import.ts).
  { sheet: 'openrouter', gp: 'openrouter', skipId: openrouterSkip },
  // No genai-prices provider: every model is an EXTRA_MODELS row with its page. One sheet a region, the region named
  // in the sheet; the host of a base URL picks it (src/core/price/hosts.ts).
  { sheet: 'alibaba', source: 'https://www.alibabacloud.com/help/ja/model-studio/qwen-mt-turbo', region: 'Singapore (international)' },
  { sheet: 'alibaba-cn', source: 'https://www.alibabacloud.com/help/en/model-studio/qwen-mt-turbo', region: 'China (Beijing)' },
];

const SRC = {
  tiktoken: 'https://github.com/openai/tiktoken/blob/main/tiktoken/model.py',
  // Issue 16: fitted on input counts that recorded API calls reported (VCR cassettes in the tests of
  // pydantic/pydantic-ai@4fda3898, crewAIInc/crewAI@f4731f50, Mirascope/mirascope@41d43357), checked on eleven
  // other repositories' cassettes; rule and errors in src/core/tokenize/chat-format.ts.
  measured: [
    'the input counts billed in recorded API calls (VCR cassettes in public repositories\' tests): fitted on',
    '  pydantic/pydantic-ai@4fda3898, crewAIInc/crewAI@f4731f50 and Mirascope/mirascope@41d43357, checked on',
    '  eleven other repositories; the per-message terms and the errors are in src/core/tokenize/chat-format.ts.',
  ],
  batchOpenai: 'https://platform.openai.com/docs/guides/batch',
  batchAnthropic: 'https://platform.claude.com/docs/en/build-with-claude/batch-processing',
  batchGoogle: 'https://developers.googleblog.com/scale-your-ai-workloads-batch-mode-gemini-api',
  batchAzure: 'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/batch',
};

/** tiktoken's MODEL_PREFIX_TO_ENCODING (openai/tiktoken tiktoken/model.py), in its order. */
const TIKTOKEN_PREFIXES = [
  ['o1-', 'o200k_base'],
  ['o3-', 'o200k_base'],
  ['o4-mini-', 'o200k_base'],
  ['gpt-5', 'o200k_base'],
  ['gpt-4.5-', 'o200k_base'],
  ['gpt-4.1-', 'o200k_base'],
  ['chatgpt-4o-', 'o200k_base'],
  ['gpt-4o-', 'o200k_base'],
  ['gpt-4-', 'cl100k_base'],
  ['gpt-3.5-turbo-', 'cl100k_base'],
  ['gpt-35-turbo-', 'cl100k_base'],
  ['gpt-oss-', 'o200k_harmony'],
];

const bareId = (id) =>
  id
    .toLowerCase()
    .replace(/^(global|us|eu|apac|jp|au|in)\./, '')
    .replace(/^~?[a-z0-9-]+\//, '')
    .replace(/^(openai|anthropic|meta|mistral|amazon|deepseek|qwen|google|cohere|nvidia|writer)\./, '');

const isOpenAiFamily = (bare) => /^(gpt-|o\d|chatgpt-|codex-|computer-use)/.test(bare);

/** @returns {{ tokenizer: string, tokenFactor: number, note?: string }} */
function tiktokenEncoding(bare) {
  try {
    return getEncodingNameForModel(bare);
  } catch {
    return TIKTOKEN_PREFIXES.find(([p]) => bare.startsWith(p))?.[1];
  }
}

/** @param {string} id @param {string[]} aliases (tried after the id for tiktoken's map) */
function tokenizerRule(id, aliases = []) {
  const bare = bareId(id);
  // OpenAI's embedding models are in tiktoken's model map too (text-embedding-3-*, ada-002: cl100k_base).
  if (isOpenAiFamily(bare) || /^text-embedding-(3|ada)/.test(bare)) {
    const enc = [id, ...aliases].map((n) => tiktokenEncoding(bareId(n))).find(Boolean);
    // o200k_harmony is o200k_base's ranks and pattern plus chat special tokens (tiktoken_ext/openai_public.py),
    // so plain text counts the same; js-tiktoken ships no harmony table.
    if (enc === 'o200k_harmony') return { tokenizer: 'o200k_base', tokenFactor: 1, note: 'gpt-oss uses o200k_harmony = o200k_base ranks + special tokens' };
    if (enc) return { tokenizer: enc, tokenFactor: 1 };
    return { tokenizer: 'o200k_base', tokenFactor: 1, note: 'tokenizer assumed o200k_base: not in tiktoken’s model map' };
  }
  const claude = /claude-(?:(opus|sonnet|haiku)-(\d+)(?:[-.](\d)(?!\d))?|(fable))/.exec(bare);
  if (claude) {
    const major = Number(claude[2] ?? 5);
    const minor = Number(claude[3] ?? 0);
    const newTokenizer = claude[4] !== undefined || major > 4 || (major === 4 && minor >= 7);
    return newTokenizer ? { tokenizer: 'claude-4.7', tokenFactor: 1.396 } : { tokenizer: 'claude', tokenFactor: 1.138 };
  }
  if (/^claude/.test(bare)) return { tokenizer: 'claude', tokenFactor: 1.138 };
  // Gemini is counted with the Gemma 3 vocabulary itself (src/core/tokenize/sentencepiece.ts): no factor.
  if (/gemini-\d/.test(bare)) return { tokenizer: 'gemini', tokenFactor: 1 };
  const families = [
    [/gemini/, 'gemini'],
    [/gemma/, 'gemma'],
    [/llama/, 'llama'],
    [/mistral|mixtral|ministral|codestral|devstral|magistral|pixtral|voxtral/, 'mistral'],
    [/deepseek/, 'deepseek'],
    [/grok/, 'grok'],
    [/command|aya/, 'cohere'],
    [/nova|titan/, 'amazon'],
    [/qwen/, 'qwen'],
    [/phi-/, 'phi'],
    [/kimi/, 'kimi'],
    [/nemotron/, 'nemotron'],
    [/palmyra/, 'palmyra'],
  ];
  const fam = families.find(([re]) => re.test(bare))?.[1] ?? 'other';
  return { tokenizer: fam, tokenFactor: 1 };
}

/** Tier by price band on the output price (USD per 1M): >= 10 frontier, >= 2 balanced, else fast. */
const tierRule = (output) => (output >= 10 ? 'frontier' : output >= 2 ? 'balanced' : 'fast');

/** Models that always spend hidden reasoning tokens (billed as output). Claude thinks only when asked. */
function reasoningRule(id) {
  const b = bareId(id);
  if (/^(o\d|gpt-[5-9]|gpt-oss|codex-)/.test(b)) return !/chat/.test(b);
  // GPT-Realtime-2 (and -2.1): "Reasoning token support" (https://developers.openai.com/api/docs/models/gpt-realtime-2).
  if (/^gpt-realtime-2(?!\d)/.test(b)) return true;
  if (/gemini-(2\.5-(pro|flash)(?!-lite)|3)/.test(b)) return true;
  if (/deepseek-(reasoner|r1)|deepseek\.r1/.test(b)) return true;
  if (/grok-3-mini|grok-code|grok-4(?!.*non-reasoning)/.test(b)) return true;
  if (/magistral/.test(b)) return true;
  return false;
}

function batchRule(sheet, id) {
  // The Batch API takes no realtime session (its endpoints: /v1/responses, /v1/chat/completions, /v1/embeddings, …).
  if (/realtime/i.test(id)) return undefined;
  if (sheet === 'openai' || sheet === 'anthropic') return 0.5;
  if (sheet === 'google' && /gemini/.test(id)) return 0.5;
  if (sheet === 'azure' && isOpenAiFamily(bareId(id))) return 0.5;
  return undefined;
}

const HEADERS = {
  common: (sheet, source) => [
    `Price sheet: ${sheet}. Generated by scripts/pricing-sync.mjs (npm run pricing:sync); prices are not typed by hand.`,
    `Prices (input, output, cached_input, cache_write, tiers; USD per 1M tokens) and context: the data bundled in`,
    `@pydantic/genai-prices@${GENAI_VERSION} (MIT, https://github.com/pydantic/genai-prices), which cites ${source}.`,
    `Conditional prices: input/output are the rate in force on as_of outside any window; \`rates\` keeps every other`,
    `rate of the data in its order (time-of-day windows as hours in UTC, later start dates as from); the last rate whose`,
    `condition holds wins (genai-prices' rule). days: weekdays on DeepSeek V4 peak windows: genai-prices price_comments`,
    `("off-peak all day at weekends", https://github.com/pydantic/genai-prices/issues/582).`,
    `service_tiers (flex, priority), supports and deprecated.retires: LiteLLM's model map (--litellm FILE, snapshot below);`,
    `deprecated: true in genai-prices is kept as deprecated; successors cite the provider's page (SUCCESSORS in the script);`,
    `retirements the data leaves out are kept in RETIRED in the script, each row with its source.`,
    `Hand-kept fields survive a sync: tokenizer, token_factor, tier, batch_discount, max_output, reasoning, aliases.`,
    `Comments are regenerated. Rules used for new models:`,
    `- max_output: max_output_tokens from LiteLLM's model_prices_and_context_window.json (MIT), read with`,
    `  --litellm FILE; the shipped values come from the verbatim copy of LiteLLM main (2026-07-24) at`,
    `  ${LITELLM_SNAPSHOT}`,
    `  except where LiteLLM's value is the context window copied (equal to its max_input_tokens): MAX_OUTPUT in the`,
    `  script gives those rows the vendor's stated maximum, or none where no vendor page read states one.`,
    `- tier: price band on the output price: >= $10/M frontier, >= $2/M balanced, below fast.`,
    `- tokenizer of OpenAI models: tiktoken's model map (js-tiktoken getEncodingNameForModel, then`,
    `  MODEL_PREFIX_TO_ENCODING in ${SRC.tiktoken}); ids in neither are marked as assumed o200k_base.`,
    `  Other models: their family name (claude, gemini, llama, …), counted as o200k x token_factor.`,
    `- token_factor: multiplier on the o200k_base count; 1.0 where no measurement is cited (an assumption).`,
    `- reasoning: reasoning models, whose hidden reasoning tokens bill as output: OpenAI o-series, GPT-5 and later`,
    `  (not -chat) and gpt-oss (https://developers.openai.com/api/docs/guides/reasoning); Gemini 2.5 Pro/Flash`,
    `  and Gemini 3+ (https://firebase.google.com/docs/ai-logic/thinking); Grok 4 except -non-reasoning, Grok 3`,
    `  mini, grok-code (https://docs.x.ai/models: "Grok 4 is a reasoning model"); by name: deepseek-reasoner/R1,`,
    `  Magistral. Claude is not flagged: it thinks only when a thinking budget is set.`,
    `- kind: embedding: the data's embedding models (ids with "embed"), kept with their input price; output as the data`,
    `  gives it, else 0 (an embedding call returns vectors, no output tokens); no tier (never a route target, nor routed).`,
    `- kind: realtime: the data's realtime (speech-to-speech) models, kept with their text prices; audio_input and`,
    `  audio_output are the data's input_audio_mtok / output_audio_mtok, shown beside a session's price, not counted`,
    `  (the audio is known at run time); no tier, no batch_discount (the Batch API takes no realtime session).`,
  ],
  openai: [
    `- batch_discount 0.5: Batch API, "50% cost discount compared to synchronous APIs", ${SRC.batchOpenai}`,
  ],
  anthropic: [
    `- token_factor 1.138 (tokenizer claude, models up to 4.6 and Haiku 4.5: on the cl100k_base count; 115 calls)`,
    `  and 1.396 (tokenizer claude-4.7: Opus 4.7 and every later model, assumed to share that tokenizer; on the`,
    `  o200k_base count less one token per indented line; 8 calls), from`,
    ...SRC.measured.map((l) => `  ${l}`),
    `  Held-out error (fourteen repositories for 3.x-4.6): 3.3% (3.x-4.6, 80 calls) and 7.1% (Sonnet 5, 17 calls) on`,
    `  average; the factors of 1.18 and 1.53 used before (press measurements of prose) were off by 11% and 22%.`,
    `- batch_discount 0.5: Message Batches API, ${SRC.batchAnthropic}`,
  ],
  google: [
    `- tokenizer gemini: counted with the Gemma 3 SentencePiece vocabulary (Google's genai SDKs count Gemini`,
    `  2.x/3 offline with it), token_factor 1, + 1 per content (none on 1.x/2.0); checked against`,
    ...SRC.measured.map((l) => `  ${l}`),
    `  Held-out error 3.3% (0.8 tokens) on average over 54 calls (o200k x 1.04 before: 6.3%). Gemma: 1.0, not measured.`,
    `- batch_discount 0.5 (Gemini models): Gemini API Batch Mode, ${SRC.batchGoogle}`,
    `- Claude on Vertex AI is priced by anthropic.yaml (genai-prices' google data repeats it).`,
  ],
  // No batch_discount where the provider's discount is per model or unstated: Bedrock (select models),
  // Together ("up to 50%", selected models), xAI (20-50%), Mistral and Groq (no primary source found).
  bedrock: [
    `- ids are Bedrock model ids; us./eu./apac. inference-profile prefixes map to these; global.* ids are`,
    `  priced separately (genai-prices lists them apart).`,
    `- Claude token factors as in anthropic.yaml (1.138 up to 4.6, 1.396 from Opus 4.7, measured); others 1.0`,
    `  (assumption).`,
  ],
  openrouter: [
    `- ids are OpenRouter's API ids, vendor/model[:variant] (https://openrouter.ai/docs/quickstart); the data's bare`,
    `  ids without a vendor are left out. A :free variant the data gives no prices is priced 0 (genai-prices' calcPrice`,
    `  bills it $0); a :free id the data does not list stays unknown.`,
    `- Prices are OpenRouter's listing (the data's price_comments: "OpenRouter reports the cheapest active endpoint"),`,
    `  not the vendor's own sheet.`,
    `- No batch_discount: OpenRouter states no batch API discount (the data prices two :batch routes apart), and no`,
    `  time-of-day rates: the data has none for OpenRouter.`,
  ],
  azure: [
    `- batch_discount 0.5 (Azure OpenAI models): global batch "at 50% less cost than global standard",`,
    `  ${SRC.batchAzure}`,
    `- Only models genai-prices prices for Azure itself; other Azure OpenAI deployments are priced as OpenAI`,
    `  (genai-prices' azure provider falls back to openai), which is what lookup does without an azure entry.`,
    `  Their prices only: OpenAI's retirement dates are not Azure's (retired per deployment version, region by region), so a`,
    `  call through Azure says its Azure date is unknown; a retirement of a model here is in RETIRED as azure:<id>.`,
  ],
};

/** A sheet the genai-prices data has no provider for: every row is an EXTRA_MODELS row citing its own page. */
function handKeptHeader(sheet) {
  const lines = [
    `Price sheet: ${sheet}. Generated by scripts/pricing-sync.mjs (npm run pricing:sync) from its EXTRA_MODELS rows:`,
    `the genai-prices data (@pydantic/genai-prices@${GENAI_VERSION}) has no provider for it. Each model's price, read`,
    `from the provider's own page, is in the comment above it with the page and the date it was read.`,
    `region: the provider prices each region apart; this sheet is that region's. A call whose base URL names another`,
    `region is priced from that region's sheet (src/core/price/hosts.ts); with no base URL known, this region is assumed`,
    `and the hover says so.`,
    `Hand-kept fields survive a sync: tokenizer, token_factor, tier, batch_discount, max_output, reasoning, aliases.`,
    `- tier: price band on the output price: >= $10/M frontier, >= $2/M balanced, below fast.`,
    `- tokenizer: the model's family name (qwen), counted as o200k x token_factor; token_factor 1.0 is an assumption:`,
    `  no published ratio to o200k was found.`,
    `- No batch_discount: none read from the provider's pages.`,
  ];
  return lines.map((l) => `# ${l}`.trimEnd()).join('\n');
}

function headerFor(sheet, source) {
  const lines = [...HEADERS.common(sheet, source), ...(HEADERS[sheet] ?? [`- token_factor 1.0 for every model here is an assumption: no published ratio to o200k was found.`])];
  return lines.map((l) => `# ${l}`.trimEnd()).join('\n');
}

// ------------------------------------------------------------------------------------------------
// YAML output

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
const q = (s) => (PLAIN.test(s) && !/^(true|false|null|yes|no|on|off|[-+.\d][\d._eE+-]*)$/i.test(s) ? s : JSON.stringify(s));
const num = (n) => String(n);

function modelYaml(m, notes) {
  const lines = [];
  for (const n of notes) lines.push(`  # ${n}`);
  lines.push(`  ${q(m.id)}:`);
  const f = (k, v) => lines.push(`    ${k}: ${v}`);
  f('input', num(m.input));
  f('output', num(m.output));
  if (m.cachedInput !== undefined) f('cached_input', num(m.cachedInput));
  if (m.cacheWrite !== undefined) f('cache_write', num(m.cacheWrite));
  if (m.tiers?.length) {
    lines.push('    tiers:');
    for (const t of m.tiers) {
      const parts = [`above: ${t.above}`, `input: ${num(t.input)}`, `output: ${num(t.output)}`];
      if (t.cachedInput !== undefined) parts.push(`cached_input: ${num(t.cachedInput)}`);
      lines.push(`      - { ${parts.join(', ')} }`);
    }
  }
  if (m.batchDiscount !== undefined) f('batch_discount', num(m.batchDiscount));
  if (m.context !== undefined) f('context', num(m.context));
  if (m.maxOutput !== undefined) f('max_output', num(m.maxOutput));
  if (m.tokenizer !== undefined) f('tokenizer', q(m.tokenizer));
  if (m.tokenFactor !== undefined) f('token_factor', num(m.tokenFactor));
  if (m.tier !== undefined) f('tier', m.tier);
  if (m.reasoning) f('reasoning', 'true');
  if (m.kind) f('kind', m.kind);
  if (m.audioInput !== undefined) f('audio_input', num(m.audioInput));
  if (m.audioOutput !== undefined) f('audio_output', num(m.audioOutput));
  if (m.aliases?.length) f('aliases', `[${m.aliases.map(q).join(', ')}]`);
  if (m.rates?.length) {
    lines.push('    rates:');
    for (const r of m.rates) {
      const parts = [];
      if (r.hours) parts.push(`hours: "${r.hours}"`);
      if (r.days) parts.push(`days: ${r.days}`);
      if (r.from) parts.push(`from: "${r.from}"`);
      if (r.until) parts.push(`until: "${r.until}"`);
      parts.push(`input: ${num(r.input)}`, `output: ${num(r.output)}`);
      if (r.cachedInput !== undefined) parts.push(`cached_input: ${num(r.cachedInput)}`);
      lines.push(`      - { ${parts.join(', ')} }`);
    }
  }
  if (m.serviceTiers && Object.keys(m.serviceTiers).length) {
    lines.push('    service_tiers:');
    for (const [name, t] of Object.entries(m.serviceTiers)) {
      const parts = [`input: ${num(t.input)}`, `output: ${num(t.output)}`];
      if (t.cachedInput !== undefined) parts.push(`cached_input: ${num(t.cachedInput)}`);
      lines.push(`      ${name}: { ${parts.join(', ')} }`);
    }
  }
  if (m.supports?.length) f('supports', `[${m.supports.join(', ')}]`);
  if (m.contextOptIn) f('context_opt_in', `{ context: ${m.contextOptIn.context}, how: ${JSON.stringify(m.contextOptIn.how)} }`);
  if (m.deprecated) {
    const d = m.deprecated;
    const parts = [];
    if (d.retires) parts.push(`retires: "${d.retires}"`);
    if (d.successor) parts.push(`successor: ${q(d.successor)}`);
    parts.push(`source: ${JSON.stringify(d.source)}`);
    f('deprecated', `{ ${parts.join(', ')} }`);
  }
  return lines.join('\n');
}

function sheetYaml(sheet, info, models, notes) {
  const head = info.data ? headerFor(sheet, info.source) : handKeptHeader(sheet);
  const body = models.map((m) => modelYaml(m, notes.get(m.id) ?? [])).join('\n');
  const region = info.region ? `region: ${JSON.stringify(info.region)}\n` : '';
  return `${head}\nprovider: ${sheet}\n${region}as_of: ${JSON.stringify(info.asOf)}\nsource: ${info.source}\nmodels:\n${body}\n`;
}

// ------------------------------------------------------------------------------------------------
// Reading the existing sheet (hand-kept fields)

const SNAKE = {
  service_tiers: 'serviceTiers',
  context_opt_in: 'contextOptIn',
  cached_input: 'cachedInput',
  cache_write: 'cacheWrite',
  batch_discount: 'batchDiscount',
  max_output: 'maxOutput',
  token_factor: 'tokenFactor',
  audio_input: 'audioInput',
  audio_output: 'audioOutput',
};

function readExisting(file) {
  if (!fs.existsSync(file)) return { text: undefined, asOf: undefined, models: new Map() };
  const text = fs.readFileSync(file, 'utf8');
  const doc = YAML.parse(text) ?? {};
  const models = new Map();
  for (const [id, raw] of Object.entries(doc.models ?? {})) {
    const m = { id };
    for (const [k, v] of Object.entries(raw ?? {})) {
      if (k === 'tiers' && Array.isArray(v)) {
        m.tiers = v.map((t) => {
          const o = { above: t.above, input: t.input, output: t.output };
          if (t.cached_input !== undefined) o.cachedInput = t.cached_input;
          return o;
        });
      } else if (k === 'rates' && Array.isArray(v)) {
        m.rates = v.map((r) => {
          const o = {};
          for (const [rk, rv] of Object.entries(r)) o[rk === 'cached_input' ? 'cachedInput' : rk] = rv instanceof Date ? rv.toISOString().slice(0, 10) : rv;
          return o;
        });
      } else if (k === 'service_tiers' && v && typeof v === 'object') {
        m.serviceTiers = Object.fromEntries(Object.entries(v).map(([n, t]) => [n, { input: t.input, output: t.output, ...(t.cached_input !== undefined ? { cachedInput: t.cached_input } : {}) }]));
      } else m[SNAKE[k] ?? k] = v;
    }
    models.set(id.toLowerCase(), m);
  }
  return { text, asOf: doc.as_of === undefined ? undefined : String(doc.as_of), models };
}

// ------------------------------------------------------------------------------------------------

const PRICE_KEYS = ['input', 'output', 'cachedInput', 'cacheWrite'];
const priceText = (m) => PRICE_KEYS.filter((k) => m[k] !== undefined).map((k) => `${k} ${m[k]}`).join(', ');
const tiersText = (t) => JSON.stringify(t ?? []);
const ratesText = (m) => JSON.stringify((m.rates ?? []).map((r) => [r.hours, r.days, r.from, r.until, r.input, r.output, r.cachedInput]));

/** provider → (lower-case name → LiteLLM entry), with undated names as a second choice. */
function litellmIndex(file, asOf) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { sheets } = importLiteLLM(data, { asOf, origin: file });
  const out = new Map();
  for (const sh of sheets) {
    const exact = out.get(sh.info.provider)?.exact ?? new Map();
    const loose = out.get(sh.info.provider)?.loose ?? new Map();
    for (const m of sh.models) {
      for (const n of [m.id, ...(m.aliases ?? [])]) {
        const k = n.toLowerCase();
        if (!exact.has(k)) exact.set(k, m);
        const u = undated(k);
        if (!loose.has(u)) loose.set(u, m);
      }
    }
    out.set(sh.info.provider, { exact, loose });
  }
  return out;
}

/** The LiteLLM entry for a sheet model: its id or an alias, else its undated id. */
function litellmFor(litellm, sheet, m) {
  const ix = litellm?.get(sheet);
  if (!ix) return undefined;
  const names = [m.id, ...(m.aliases ?? [])].map((n) => n.toLowerCase());
  if (sheet === 'bedrock') names.push(...names.map((n) => n.replace(/^(us|eu|apac|global)\./, '')));
  return names.map((n) => ix.exact.get(n)).find((x) => x !== undefined) ?? ix.loose.get(undated(m.id.toLowerCase()));
}

/** LiteLLM's max_output, unless it is the context window copied (equal to its own max_input or the row's context). */
function maxOutputFor(litellm, sheet, m) {
  const e = litellmFor(litellm, sheet, m);
  const v = e?.maxOutput;
  return v !== undefined && v !== e.context && (m.context === undefined || v < m.context) ? v : undefined;
}

function merge(sheet, fresh, old, litellm) {
  const m = { ...fresh };
  const rule = tokenizerRule(m.id, fresh.aliases);
  const oldTierWasRule = old && old.tier !== undefined && old.output !== undefined && old.tier === tierRule(old.output);
  // An embedding model has no tier: tiers rank chat models for routing, and an embedding call moves nowhere.
  // Nor a realtime model: a session's model is chosen for its voice, never a route's target or source.
  if (m.kind !== 'embedding' && m.kind !== 'realtime') m.tier = old?.tier !== undefined && !oldTierWasRule ? old.tier : tierRule(m.output);
  m.tokenizer = old?.tokenizer ?? rule.tokenizer;
  m.tokenFactor = old?.tokenFactor ?? rule.tokenFactor;
  const batch = old?.batchDiscount ?? batchRule(sheet, m.id);
  if (batch !== undefined) m.batchDiscount = batch;
  if (m.context === undefined && old?.context !== undefined) m.context = old.context;
  const fixedMax = MAX_OUTPUT[`${sheet}:${m.id.toLowerCase()}`];
  const maxOutput = fixedMax ? fixedMax[0] ?? undefined : old?.maxOutput ?? maxOutputFor(litellm, sheet, m);
  if (maxOutput !== undefined) m.maxOutput = maxOutput;
  else if (fixedMax) delete m.maxOutput;
  const reasoning = old?.reasoning ?? reasoningRule(m.id);
  if (reasoning) m.reasoning = true;
  else delete m.reasoning;
  const aliases = [...(fresh.aliases ?? []), ...(old?.aliases ?? [])];
  if (aliases.length) m.aliases = [...new Set(aliases)];
  // From LiteLLM when it is given (data), else what the sheet had.
  const ll = litellm ? litellmFor(litellm, sheet, m) : undefined;
  const serviceTiers = litellm ? ll?.serviceTiers : old?.serviceTiers;
  if (serviceTiers) m.serviceTiers = serviceTiers;
  const supports = litellm ? ll?.supports : old?.supports;
  if (supports) m.supports = supports;
  if (old?.contextOptIn) m.contextOptIn = old.contextOptIn;
  const key = `${sheet}:${undated(m.id.toLowerCase())}`;
  const hand = RETIRED[`${sheet}:${m.id.toLowerCase()}`];
  const deprecated = m.deprecated ?? (litellm ? ll?.deprecated : old?.deprecated?.source?.startsWith('LiteLLM') ? old.deprecated : undefined);
  if (hand) {
    // The provider's date and replacement stand over the data's bare flag or LiteLLM's date.
    // No date: deprecated with no shutdown announced (a preview the provider has replaced).
    const d = { ...(hand[0] ? { retires: hand[0] } : {}), source: deprecated && !deprecated.source.startsWith('LiteLLM') ? `${deprecated.source}; ${hand[2]}` : hand[2] };
    if (hand[1]) d.successor = hand[1];
    m.deprecated = d;
  } else if (deprecated || SUCCESSORS[key]) {
    const d = { ...(deprecated ?? { source: SUCCESSORS[key][1] }) };
    if (!d.retires && RETIRES[key]) d.retires = RETIRES[key];
    if (SUCCESSORS[key]) {
      d.successor = SUCCESSORS[key][0];
      if (!d.source.includes(SUCCESSORS[key][1])) d.source = d.source === SUCCESSORS[key][1] ? d.source : `${d.source}; successor: ${SUCCESSORS[key][1]}`;
    }
    m.deprecated = d;
  }
  return { model: m, note: rule.note && m.tokenizer === rule.tokenizer ? rule.note : undefined, maxNote: fixedMax?.[1] };
}

function parseArgs(argv) {
  const a = { check: false, date: new Date().toISOString().slice(0, 10), dir: path.join(ROOT, 'pricing'), litellm: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--check') a.check = true;
    else if (argv[i] === '--litellm') a.litellm = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--date') a.date = argv[++i];
    else if (argv[i] === '--dir') a.dir = path.resolve(argv[++i]);
    else {
      console.error(`pricing-sync: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date ?? '')) {
    console.error('pricing-sync: --date wants YYYY-MM-DD');
    process.exit(2);
  }
  return a;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const litellm = args.litellm ? litellmIndex(args.litellm, args.date) : undefined;
  let changedFiles = 0;
  const summary = [];
  for (const cfg of SHEETS) {
    const file = path.join(args.dir, `${cfg.sheet}.yaml`);
    const provider = cfg.gp === undefined ? undefined : genai.findProvider({ providerId: cfg.gp });
    if (cfg.gp !== undefined && !provider) {
      console.error(`pricing-sync: genai-prices has no provider ${cfg.gp}`);
      process.exit(2);
    }
    const conv = provider
      ? convertGenaiProvider(provider, args.date, { provider: cfg.sheet, skipId: cfg.skipId, renameId: cfg.renameId })
      : { models: [], source: cfg.source };
    const old = readExisting(file);
    const notes = new Map();
    const models = [];
    const known = new Set(conv.models.map((x) => x.model.id.toLowerCase()));
    const extras = (EXTRA_MODELS[cfg.sheet] ?? []).filter((e) => !known.has(e.id.toLowerCase()));
    const all = [
      ...conv.models,
      ...extras.map(({ source, ...e }) => ({ model: { ...e, provider: cfg.sheet }, scheduled: [], source })),
    ];
    for (const { model, scheduled, source, sourceId } of all) {
      const { model: m, note, maxNote } = merge(cfg.sheet, model, old.models.get(model.id.toLowerCase()), litellm);
      const n = [];
      if (source) n.push(`price: ${source}`);
      const comments = model.kind === 'realtime' ? provider?.models.find((x) => x.id === sourceId)?.price_comments : undefined;
      if (model.kind === 'realtime') n.push(`realtime: text prices counted; audio prices shown, not counted${comments ? ` (genai-prices: ${comments})` : ''}`);
      if (note) n.push(note);
      if (maxNote) n.push(maxNote.startsWith('no max_output') ? maxNote : `max_output: ${maxNote}`);
      for (const s of scheduled) n.push(`genai-prices: from ${s.from} input ${s.input}, output ${s.output}`);
      notes.set(m.id, n);
      models.push(m);
    }
    dedupeNames(models);
    models.sort((a, b) => a.id.localeCompare(b.id, 'en'));

    const lines = [];
    const freshIds = new Set(models.map((m) => m.id.toLowerCase()));
    for (const m of models) {
      const o = old.models.get(m.id.toLowerCase());
      if (!o) lines.push(`  + ${m.id}  ${priceText(m)}`);
      else if (priceText(o) !== priceText(m) || tiersText(o.tiers) !== tiersText(m.tiers) || ratesText(o) !== ratesText(m)) {
        const diffs = PRICE_KEYS.filter((k) => o[k] !== m[k]).map((k) => `${k} ${o[k] ?? '-'} → ${m[k] ?? '-'}`);
        if (tiersText(o.tiers) !== tiersText(m.tiers)) diffs.push('tiers changed');
        if (ratesText(o) !== ratesText(m)) diffs.push('rates changed');
        lines.push(`  ~ ${m.id}  ${diffs.join(', ')}`);
      }
    }
    for (const [k, o] of old.models) if (!freshIds.has(k)) lines.push(`  - ${o.id}`);

    const asOf = lines.length || !old.asOf ? args.date : old.asOf;
    const text = sheetYaml(cfg.sheet, { asOf, source: conv.source, region: cfg.region, data: cfg.gp !== undefined }, models, notes);
    const changed = text !== old.text;
    if (changed) changedFiles += 1;
    const added = lines.filter((l) => l.startsWith('  +')).length;
    const removed = lines.filter((l) => l.startsWith('  -')).length;
    const repriced = lines.filter((l) => l.startsWith('  ~')).length;
    summary.push(
      `${cfg.sheet}.yaml: ${models.length} models` +
        (changed ? `; ${added} added, ${removed} removed, ${repriced} repriced${lines.length ? '' : ' (text only)'}` : '; unchanged'),
    );
    summary.push(...lines);
    if (changed && !args.check) {
      fs.mkdirSync(args.dir, { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  console.log(`genai-prices ${GENAI_VERSION}, prices as of ${args.date}`);
  console.log(summary.join('\n'));
  if (args.check) {
    console.log(changedFiles ? `${changedFiles} sheet(s) out of date: run npm run pricing:sync` : 'all sheets up to date');
    process.exit(changedFiles ? 1 : 0);
  }
}

main();
