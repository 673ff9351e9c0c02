// PHP SDKs whose calls are method chains (php-chains.ts reads them): Prism and the Laravel AI SDK. openai-php/client's
// rows stay in call-shapes.ts.
import type { CallShape } from './call-shape-types';

const PRISM = 'https://github.com/prism-php/prism';
const LARAVEL_AI = 'https://github.com/laravel/ai';

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
];
