// PHP SDKs whose calls are method chains (php-chains.ts reads them): Prism and the Laravel AI SDK; SDK objects kept in
// a property or a local before they are called (php-held.ts). openai-php/client's chained rows stay in call-shapes.ts.
import type { CallShape } from './call-shape-types';

const PRISM = 'https://github.com/prism-php/prism';
const LARAVEL_AI = 'https://github.com/laravel/ai';
const OPENAI_PHP = 'https://github.com/openai-php/client';
const GEMINI_PHP = 'https://github.com/gemini-api-php/laravel';
const ANTHROPIC_PHP = 'https://github.com/anthropics/anthropic-sdk-php';
/** gemini-api-php/laravel's facade runs one model: src/Gemini.php generateText / startChat use ModelName::GeminiPro,
 * 'models/gemini-pro' (gemini-api-php/client src/Enums/ModelName.php), from v0.1.0 to v0.3.0 and after. */
const GEMINI_PHP_MODEL = { id: 'gemini-pro', what: `model of gemini-api-php/laravel's Gemini facade (${GEMINI_PHP} src/Gemini.php: generativeModel(ModelName::GeminiPro))` };
/** The facade takes no generation config: the limit is set on the client's model instead. */
const GEMINI_PHP_LIMIT = "the client's generativeModel(…)->withGenerationConfig((new GenerationConfig())->withMaxOutputTokens({n})) (the Gemini facade takes no limit)";

export const PHP_SHAPES: CallShape[] = [
  // The methods that send a pending request (src/Text/PendingRequest.php asText / asStream / asDataStreamResponse /
  // asEventStreamResponse / asBroadcast, generate deprecated for asText; src/Structured/PendingRequest.php
  // asStructured). The limit is `->withMaxTokens(n)` (src/Concerns/ConfiguresModels.php). A file that sends a request
  // an app service returns (`$prism->withTools($s)->withPrompt($p)->asText()`, prism-services.ts) may name no Prism
  // at all: only the common `generate` asks for the word.
  ...['asText', 'asStructured', 'asStream', 'generate', 'asDataStreamResponse', 'asEventStreamResponse', 'asBroadcast'].map((m): CallShape => ({
    id: `prism.${m}`, sdk: 'Prism', anchor: ['->', m, '('], langs: ['php'], phpChain: 'prism', ...(m === 'generate' ? { needs: ['Prism', 'prism'] } : {}),
    limitParam: '->withMaxTokens({n})',
    source: `${PRISM} (src/Text/PendingRequest.php ${m === 'asStructured' ? '' : m}; src/Structured/PendingRequest.php asStructured; src/Concerns/ConfiguresProviders.php using(provider, model), ConfiguresModels.php withMaxTokens, HasPrompts.php withPrompt / withSystemPrompt, HasMessages.php withMessages)`,
  })),
  // An agent prompted (src/Promptable.php prompt / stream / queue($prompt, $attachments, $provider, $model)): the
  // anonymous `agent(…)` (functions.php) or a class using Promptable, read from its file when imported (`use App\Ai\…`).
  ...['prompt', 'stream', 'queue'].map((m): CallShape => ({
    id: `laravel-ai.${m}`, sdk: 'Laravel AI', anchor: ['->', m, '('], langs: ['php'], phpChain: 'laravel-ai', needs: ['Ai', 'AI'],
    limitParam: '#[MaxTokens({n})] on the agent class',
    source: `${LARAVEL_AI} (src/Promptable.php ${m}; functions.php agent(); src/Attributes/Model.php, Provider.php, MaxTokens.php; src/Gateway/TextGenerationOptions.php)`,
  })),
  // openai-php's resource kept before it is called: `$this->openAIChat = OpenAI::chat();` in the constructor (the
  // openai-php/laravel facade) or `$chat = $client->chat();`, then `->create([…])` (vccvn/m-ai ChatService.php). The
  // file names OpenAI (the facade's or the client's namespace).
  ...([['chat', 'create', 'max_tokens'], ['chat', 'createStreamed', 'max_tokens'], ['responses', 'create', 'max_output_tokens'], ['responses', 'createStreamed', 'max_output_tokens']] as const).map(([res, m, limit]): CallShape => ({
    id: `openai.php.held.${res}.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['->', m, '('], langs: ['php'], needs: ['OpenAI'], madeBy: [{ method: res }],
    limitParam: limit,
    source: `${OPENAI_PHP} (src/Client.php ${res}(): Resources\\${res === 'chat' ? 'Chat' : 'Responses'}, its ${m}(array $parameters)); https://github.com/openai-php/laravel (Facades/OpenAI.php: OpenAI::${res}())`,
  })),
  // openai-php's legacy text completions: `$client->completions()->create(['model' => 'gpt-3.5-turbo-instruct',
  // 'prompt' => …, 'max_tokens' => 6])` and `->createStreamed([…])` (README "Completions Resource").
  ...['create', 'createStreamed'].map((m): CallShape => ({
    id: `openai.php.completions.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['completions', '(', ')', '->', m, '('], langs: ['php'],
    textCompletion: true, limitParam: 'max_tokens', source: `${OPENAI_PHP} (README: $client->completions()->${m}([…]); src/Resources/Completions.php ${m}(array $parameters))`,
  })),
  // Anthropic's official PHP SDK: named arguments, `$client->messages->create(maxTokens: 1024, messages: […], model: …)`,
  // and the same on `$client->beta->messages`.
  ...['create', 'createStream'].map((m): CallShape => ({
    id: `anthropic.php.${m}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '->', m, '('], langs: ['php'], needs: ['Anthropic'],
    limitParam: 'maxTokens',
    source: `${ANTHROPIC_PHP} (475a134, README; src/Services/MessagesService.php ${m}(int $maxTokens, array $messages, string|Model $model, …, string|array $system = …))`,
  })),
  // mozex/anthropic-laravel's facade (`use Anthropic\Laravel\Facades\Anthropic;`): openai-php's array form,
  // `Anthropic::messages()->create(['model' => …, 'max_tokens' => …, 'system' => …, 'messages' => […]])`, the array
  // sent as the Messages API body (held54 hackur/laravel-horizon-agent-workers ClaudeQueryJob.php:56).
  ...['create', 'createStreamed'].map((m): CallShape => ({
    id: `anthropic.php.mozex.${m}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['Anthropic', '::', 'messages', '(', ')', '->', m, '('], langs: ['php'],
    limitParam: 'max_tokens',
    source: `https://github.com/mozex/anthropic-laravel (4617c02, src/Facades/Anthropic.php: @method static Messages messages()); https://github.com/mozex/anthropic-php (0526e01, src/Resources/Messages.php ${m}(array $parameters): Payload::create('messages', $parameters))`,
  })),
  // gemini-api-php/laravel (GeminiAPI\Laravel\Facades\Gemini): `Gemini::generateText($prompt)`, and a chat session
  // `Gemini::startChat($history)` whose `sendMessage($text)` sends the history too (src/ChatSession.php). vccvn/m-ai.
  {
    id: 'gemini-api-php.generateText', sdk: 'Google Gemini', provider: 'google', anchor: ['Gemini', '::', 'generateText', '('], langs: ['php'], needs: ['GeminiAPI'],
    promptArgs: true, fixedModel: GEMINI_PHP_MODEL, limitParam: GEMINI_PHP_LIMIT,
    source: `${GEMINI_PHP} (src/Gemini.php generateText(string $prompt))`,
  },
  {
    id: 'gemini-api-php.chat.sendMessage', sdk: 'Google Gemini', provider: 'google', anchor: ['->', 'sendMessage', '('], langs: ['php'], needs: ['GeminiAPI'],
    madeBy: [{ method: 'startChat', on: 'Gemini' }], promptArgs: true, fixedModel: GEMINI_PHP_MODEL, limitParam: GEMINI_PHP_LIMIT,
    source: `${GEMINI_PHP} (src/Gemini.php startChat(array $history = []): ChatSession; src/ChatSession.php sendMessage(string $text))`,
  },
];
