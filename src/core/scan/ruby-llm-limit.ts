// The name RubyLLM's output limit takes in `with_params`, by the vendor the model goes to. RubyLLM merges with_params
// into the provider's own request body (lib/ruby_llm/provider.rb complete: `Utils.deep_merge(render_payload(…),
// params)`), so the key is the vendor API's own:
// - Gemini: its body keeps the options in `generationConfig` (lib/ruby_llm/providers/gemini/chat.rb render_payload),
//   where the limit is `maxOutputTokens` (Gemini API reference, GenerationConfig); a top-level max_tokens is refused.
// - OpenAI: RubyLLM sends Chat Completions (providers/openai/chat.rb completion_url 'chat/completions'), where
//   max_tokens "is not compatible with o-series models" and max_completion_tokens is taken by every model (OpenAI API
//   reference, Create chat completion); the gem's own default model is gpt-5-nano from 1.10 (ruby-llm.ts).
// Other vendors (Anthropic's max_tokens, OpenAI-compatible hosts) keep the shape's `max_tokens`. A model id with a
// vendor prefix (`google/gemini-2.5-flash`) goes through a gateway that takes OpenAI's body: unchanged too.
// Before 1.4.0 a Chat has no with_params at all (crmne/ruby_llm 9aa7b7c3 "Add RubyLLM::Chat#with_params", #265, first
// in the 1.4.0 tag; lib/ruby_llm/chat.rb of 1.3.1 has with_model, with_temperature, with_tool(s), with_instructions
// and no output limit): when Gemfile.lock pins such a release the advice says the upgrade it needs (held80:
// seano-zipline/test-triage pins 1.3.1 and was told `.with_params(…)`, a NoMethodError there).
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { ancestors, dirname, join } from '../resolve/files';
import { isId, isP } from '../lex/brackets';

const GEMINI = '.with_params(generationConfig: { maxOutputTokens: {n} })';
const OPENAI = '.with_params(max_completion_tokens: {n})';
const WITH_PARAMS_FROM = [1, 4];
/** RubyLLM 2.0 (crmne/ruby_llm main after 1.16.0, unreleased at fb5a49bf): b44bb93c "Polish the 2.0 public API"
 * removed `with_params` ("provider_options replaces with_params"), and fc724a4e added `with_max_output_tokens(n)`, which
 * each protocol maps to its own field (lib/ruby_llm/chat.rb: "mapping to each provider's request field"). */
const TWO_LIMIT = '.with_max_output_tokens({n})';
/** Chat methods only the 2.0 API has (none in lib/ of the 1.16.0 tag, each in lib/ruby_llm/chat.rb at fb5a49bf): a file
 * that calls one is written against 2.0. */
export const RUBY_LLM_TWO_WORDS = ['with_max_output_tokens', 'with_provider_options', 'ask_later', 'with_tool_options', 'with_end_user', 'with_compaction', 'with_caching', 'with_server_tools', 'with_citations'];
const TWO = new Set(RUBY_LLM_TWO_WORDS);

export function rubyLlmLimitParam(c: Ctx, site: CallSite): void {
  const id = site.model?.id;
  if (id && !id.includes('/')) {
    if (/^gemini-/i.test(id)) site.limitParam = GEMINI;
    else if (/^(gpt-|chatgpt-|o\d)/i.test(id)) site.limitParam = OPENAI;
  }
  const v = lockedRubyLlm(c);
  if ((v && v[0] >= 2) || callsTwo(c)) {
    site.limitParam = TWO_LIMIT;
    return;
  }
  if (v && (v[0] < WITH_PARAMS_FROM[0] || (v[0] === WITH_PARAMS_FROM[0] && v[1] < WITH_PARAMS_FROM[1])) && site.limitParam) {
    site.limitParam = `${site.limitParam} after upgrading ruby_llm to 1.4.0 or later: ${v.join('.')} (Gemfile.lock) has no with_params`;
  }
}

/** The ruby_llm release the nearest Gemfile.lock above the file pins, or undefined. */
function lockedRubyLlm(c: Ctx): number[] | undefined {
  const idx = c.index;
  if (!idx || !c.file) return undefined;
  for (const dir of ancestors(dirname(c.file), 12)) {
    if (!idx.files.list(dir)?.includes('Gemfile.lock')) continue;
    // Read once per folder until a file under it changes, not at each call's every analysis.
    return idx.memo(dir, 'ruby_llm pin', () => {
      const m = /^ {4}ruby_llm \((\d+)\.(\d+)\.(\d+)/m.exec(idx.text(join(dir, 'Gemfile.lock')) ?? '');
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
    });
  }
  return undefined;
}

/** Whether the file calls a chat method of the 2.0 API (`.ask_later(`, `.with_provider_options(`, …); the one found is
 * recorded as read (an edit elsewhere that adds one is a significant word: RUBY_LLM_WORDS). */
function callsTwo(c: Ctx): boolean {
  const { toks } = c;
  for (let k = 1; k < toks.length; k++) {
    if (!TWO.has(toks[k].v) || !isId(toks[k]) || !isP(toks[k - 1], '.')) continue;
    c.read?.push({ start: toks[k].start, end: toks[k].end });
    return true;
  }
  return false;
}
