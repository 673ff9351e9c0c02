// src/core/scan/php-chains.ts: Prism pending requests and Laravel AI agents. The fixtures (php/prism_requests,
// php/laravel_ai, php/negative_chains) state the calls; here, what depends on the workspace (config/ai.php) and the
// limit advice, which must name what the SDK reads (Prism `->withMaxTokens(n)`, Laravel AI `#[MaxTokens(n)]`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { limitEdit, modelEdit } from '../src/core/editor/edits';
import { memFiles } from './helpers/mem-files';
import { testTable } from './helpers/table';

const table = testTable();
const limitAdvice = (text: string, lang = 'php', file = '/ws/app/Services/A.php', files: Record<string, string> = {}) => {
  const index = new ValueIndex(memFiles({ [file]: text, ...files }));
  return analyze(text, lang, file, table, {}, undefined, undefined, index).calls.map((c) => c.suggestions.find((s) => s.kind === 'limit-output')?.text);
};

const PRISM = `<?php
use Prism\\Prism\\Enums\\Provider;
use Prism\\Prism\\Facades\\Prism;

$a = Prism::text()->using(Provider::OpenAI, 'gpt-4o')->withPrompt('Tell me a story about a lighthouse.')->asText();
$b = Prism::text()->using(Provider::OpenAI, 'gpt-4o')->withPrompt('Tell me a story about a lighthouse.')->withMaxTokens(8000)->asText();
$c = Prism::text()->using(Provider::OpenAI, 'gpt-4o')->withPrompt('Tell me a story about a lighthouse.')->withMaxTokens($n)->asText();
`;

test('Prism: the advice is the method to add; a limit the code sets, known or run time, gets none', () => {
  const [none, high, runtime] = limitAdvice(PRISM);
  assert.match(none ?? '', /^Add ->withMaxTokens\(600\) — caps the worst case/);
  assert.equal(high, undefined);
  assert.equal(runtime, undefined);
});

test('Prism: a request without ->withMaxTokens() to Anthropic is priced at the 64000 Prism sends, and the advice adds the method', () => {
  const text = `<?php\nuse Prism\\Prism\\Facades\\Prism;\n$r = Prism::text()->using('anthropic', 'claude-sonnet-4-5')->withPrompt('Hi')->asText();\n`;
  const [s] = findSites(text, 'php', '/ws/a.php').sites;
  assert.equal(s.maxOutput?.value, 64000);
  assert.equal(s.maxOutput?.unwritten, true);
  assert.equal(limitEdit(s, 600), undefined);
  assert.match(limitAdvice(text)[0] ?? '', /^Add ->withMaxTokens\(600\)/);
});

const ANON = `<?php
use function Laravel\\Ai\\agent;

$r = agent('You write taglines.')->prompt('A tagline for a bakery');
`;

test('Laravel AI: agent() with no provider uses config/ai.php default, and the SDK default model of that provider', () => {
  const file = '/ws/app/Services/A.php';
  const config = (body: string) => ({ '/ws/config/ai.php': `<?php\nreturn [\n    'default' => ${body},\n    'providers' => [\n        'anthropic' => [\n            'driver' => 'anthropic',\n        ],\n    ],\n];\n` });
  const at = (files: Record<string, string>) => findSites(ANON, 'php', file, undefined, new ValueIndex(memFiles({ [file]: ANON, ...files }))).sites[0];
  // No config/ai.php: the package's own default, openai, whose default model is priced and named, never edited.
  const openai = at({});
  assert.equal(openai.model?.id, 'gpt-5.2');
  assert.equal(openai.model?.unwritten, true);
  assert.equal(modelEdit(openai, 'gpt-4.1-mini'), undefined);
  assert.equal(openai.maxOutput, undefined);
  // An env() default counts; Anthropic gets the 64000 laravel/ai sends.
  const anthropic = at(config("env('AI_PROVIDER', 'anthropic')"));
  assert.equal(anthropic.model?.id, 'claude-sonnet-4-6');
  assert.equal(anthropic.maxOutput?.value, 64000);
  // The provider's block names models of its own: the SDK default is not what runs.
  const own = at({ '/ws/config/ai.php': `<?php\nreturn [\n    'default' => 'anthropic',\n    'providers' => [\n        'anthropic' => [\n            'driver' => 'anthropic',\n            'models' => ['text' => ['default' => 'claude-opus-4-1']],\n        ],\n    ],\n];\n` });
  assert.equal(own.model, undefined);
  assert.match(own.modelUnresolved ?? '', /config\/ai\.php/);
});

test('Laravel AI: agent() takes no limit, so the advice names an agent class with #[MaxTokens]; an agent class, its own', () => {
  // The SDK's default model, gpt-5.2, is not in the test table: whether it reasons is not known, so the advice names
  // the attribute and no number (cost/advisor.ts).
  assert.match(limitAdvice(ANON)[0] ?? '', /^Add #\[MaxTokens\(n\)\] on an agent class \(agent\(\) takes no limit\) to cap the worst case — gpt-5\.2 is in no price sheet/);
  const agentFile = '/ws/app/Ai/Agents/Poet.php';
  const agent = `<?php\nnamespace App\\Ai\\Agents;\n\nuse Laravel\\Ai\\Promptable;\n\n#[Model('gpt-4o')]\nclass Poet\n{\n    use Promptable;\n}\n`;
  const call = `<?php\nnamespace App\\Http\\Controllers;\n\nuse App\\Ai\\Agents\\Poet;\n\n$r = (new Poet)->prompt('A poem about rain');\n`;
  const [advice] = limitAdvice(call, 'php', '/ws/app/Http/Controllers/PoemController.php', { [agentFile]: agent });
  assert.match(advice ?? '', /^Add #\[MaxTokens\(600\)\] on Poet/);
});

test('Laravel AI: a class named Promptable-less is no agent, even with a prompt() method', () => {
  const text = `<?php\nuse App\\Ai\\Thing;\nclass Quiz\n{\n    public function prompt($q) { return $q; }\n}\n$a = (new Quiz)->prompt('Ready?');\n`;
  assert.deepEqual(findSites(text, 'php', '/ws/a.php').sites, []);
});

test('Prism: a request a trait of the class returns (`use PromptFactory;`, `$this->factory()->withPrompt(…)->asText()`)', () => {
  // held70 trushalbrainvire/aichatbot: app/Helpers/PrismProvider.php `trait PrismProvider { function
  // prismTextGeneratorFactory() { return Prism::text()->using(Provider::OpenAI, 'gpt-4o')->…; } }`, used by the
  // response classes of app/Services/Chat/Response.
  const trait = `<?php
namespace App\\Support;

use Prism\\Prism\\Prism;
use Prism\\Prism\\Enums\\Provider;

trait DraftsWithPrism {
    public function draftRequest() {
        return Prism::text()
            ->using(Provider::OpenAI, 'gpt-4o-mini')
            ->withSystemPrompt('You draft short replies to hotel guests.')
            ->withMaxTokens(400);
    }
}
`;
  const user = `<?php
namespace App\\Services;

use App\\Support\\DraftsWithPrism;
use Prism\\Prism\\ValueObjects\\Messages\\UserMessage;

final class GuestReply {
    use DraftsWithPrism;

    public function reply(string $question): string {
        return $this->draftRequest()
            ->withMessages([new UserMessage($question)])
            ->asText()->text;
    }
}
`;
  const file = '/ws/app/Services/GuestReply.php';
  const index = new ValueIndex(memFiles({ [file]: user, '/ws/app/Support/DraftsWithPrism.php': trait, '/ws/composer.json': '{"autoload":{"psr-4":{"App\\\\":"app/"}}}' }));
  const [s] = findSites(user, 'php', file, undefined, index).sites;
  assert.equal(s?.model?.id, 'gpt-4o-mini');
  assert.equal(s?.maxOutput?.value, 400);
  assert.ok(s.parts.some((p) => p.resolved && p.text === 'You draft short replies to hotel guests.'));
  // Without the trait in the class, `$this->draftRequest()` is no Prism request.
  const plain = user.replace('    use DraftsWithPrism;\n', '');
  assert.equal(findSites(plain, 'php', file, undefined, new ValueIndex(memFiles({ [file]: plain, '/ws/app/Support/DraftsWithPrism.php': trait }))).sites.length, 0);
});

test('Prism: ->withSystemPrompt(view(\'prompts.x\')) is the Blade template resources/views/prompts/x.blade.php, its echoes holes', () => {
  // held70 trushalbrainvire/aichatbot app/Helpers/PrismProvider.php `->withSystemPrompt(view('prompts.leila'))`:
  // the lens counted 0 tokens of a 1087-token prompt, and said nothing was unknown.
  const text = `<?php\nuse Prism\\Prism\\Prism;\nuse Prism\\Prism\\Enums\\Provider;\n$r = Prism::text()->using(Provider::OpenAI, 'gpt-4o')->withSystemPrompt(view('prompts.concierge'))->withPrompt($q)->asText();\n`;
  const file = '/ws/app/Http/Controllers/DeskController.php';
  const blade = 'You are the concierge of {{ $hotel }}. Answer in two sentences, politely.\n';
  const [s] = findSites(text, 'php', file, undefined, new ValueIndex(memFiles({ [file]: text, '/ws/resources/views/prompts/concierge.blade.php': blade }))).sites;
  const system = s.parts.find((p) => p.resolved && p.text.includes('concierge of'));
  assert.ok(system, 'the view\'s text is a part');
  assert.ok(!system!.text.includes('$hotel'), 'the echo is a hole, not text');
  // No such view in the workspace: the part is named as known at run time, not dropped.
  const [missing] = findSites(text, 'php', file, undefined, new ValueIndex(memFiles({ [file]: text }))).sites;
  assert.ok(missing.parts.some((p) => !p.resolved));
});

test('a Blade view with @if / @else is one branch, the longest, without the directives and their conditions', () => {
  // held73 benjamincrozat/legacy-blog app/Jobs/GeneratePostDescription.php: `view('prompts.generate-post-description',
  // ['post' => $this->post])->render()` as the message, the view an `@if ($post->community_link) … @else … @endif`;
  // both branches and the condition were counted (176 tokens for 77).
  const text = `<?php\nuse Illuminate\\Support\\Facades\\Http;\n$summary = Http::withToken(config('services.openai.key'))->post('https://api.openai.com/v1/chat/completions', [\n    'model' => 'gpt-4o-mini',\n    'max_tokens' => 80,\n    'messages' => [['role' => 'user', 'content' => view('prompts.blurb', ['item' => $item])->render()]],\n])->json('choices.0.message.content');\n`;
  const file = '/ws/app/Jobs/WriteBlurb.php';
  const shared = 'Instructions:\n- Keep it under 20 words.\n';
  const blade = `@if ($item->is_link)\n{{ $item->title }}\n\nThis is a link someone shared. Say why it is worth a click.\n${shared}@else\n{{ $item->title }}\n\n{{ $item->body }}\n\nThis is my own article. Tease it in my voice, without giving away the ending.\n${shared}@endif\nThanks, @@team\n`;
  const [s] = findSites(text, 'php', file, undefined, new ValueIndex(memFiles({ [file]: text, '/ws/resources/views/prompts/blurb.blade.php': blade }))).sites;
  const view = s.parts.find((p) => p.resolved && p.text.includes('Instructions:'));
  assert.ok(view, 'the view\'s text is a part');
  assert.ok(view!.text.includes('This is my own article'), 'the longer branch');
  assert.ok(!view!.text.includes('This is a link someone shared'), 'not both branches');
  assert.ok(!view!.text.includes('is_link') && !view!.text.includes('@if') && !view!.text.includes('@endif'), 'no directive or condition text');
  assert.ok(view!.text.includes('Thanks, @team'), '`@@` is a literal `@`');
});

test('Prism: ->withMaxSteps(n) on a request with tools is a run of up to n requests; without tools, or without it, one', () => {
  // held70 trushalbrainvire/aichatbot PrismProvider.php: `->withTools([new SearchTool()])->…->withMaxSteps(5)`.
  const text = `<?php
use Prism\\Prism\\Enums\\Provider;
use Prism\\Prism\\Facades\\Prism;

$a = Prism::text()->using(Provider::OpenAI, 'gpt-4o-mini')->withTools([$weather])->withMaxSteps(5)->withPrompt('Plan my day.')->asText();
$b = Prism::text()->using(Provider::OpenAI, 'gpt-4o-mini')->withMaxSteps(5)->withPrompt('Plan my day.')->asText();
$c = Prism::text()->using(Provider::OpenAI, 'gpt-4o-mini')->withTools([$weather])->withPrompt('Plan my day.')->asText();
$d = Prism::text()->using(Provider::OpenAI, 'gpt-4o-mini')->withTools([$weather])->withMaxSteps($steps)->withPrompt('Plan my day.')->asText();
`;
  const [a, b, c, d] = findSites(text, 'php', '/ws/app/Plan.php').sites;
  assert.equal(a.run?.turns, 5);
  assert.equal(a.run?.turnsSource, 'code');
  assert.equal(a.run?.turnsFrom, 'withMaxSteps(5)');
  assert.equal(b.run, undefined);
  assert.equal(c.run, undefined);
  assert.equal(d.run?.turns, undefined);
  assert.equal(d.run?.turnsFrom, 'withMaxSteps($steps) (read at run time)');
});

test('Prism: an untyped parameter that every call of its function passes a request the class makes', () => {
  // held70 trushalbrainvire/aichatbot Console/Commands/Chat.php: `$prism = $this->prismFactory();` in handle(), then
  // `$this->chat($prism)`, and `protected function chat($prism) { … $prism->withMessages(…)->generate(); }`.
  const text = `<?php
namespace App\\Console\\Commands;

use Prism\\Prism\\Prism;
use Prism\\Prism\\Enums\\Provider;

class Ask extends Command {
    public function handle(): void {
        $prism = $this->makeRequest();
        while (true) {
            $this->ask($prism);
        }
    }

    protected function ask($prism) {
        $answer = $prism->withPrompt(readline('> '))->generate();
        echo $answer->text;
    }

    protected function makeRequest() {
        return Prism::text()->using(Provider::OpenAI, 'gpt-4o-mini')->withTools([$clock])->withMaxSteps(3)->withMaxTokens(500);
    }
}
`;
  const file = '/ws/app/Console/Commands/Ask.php';
  const [s] = findSites(text, 'php', file, undefined, new ValueIndex(memFiles({ [file]: text }))).sites;
  assert.equal(s?.model?.id, 'gpt-4o-mini');
  assert.equal(s?.maxOutput?.value, 500);
  assert.equal(s?.run?.turns, 3);
  assert.equal(s?.run?.turnsFrom, 'withMaxSteps(3)');
  // A caller passing something else: the parameter's request is not known, no row.
  const other = text.replace('            $this->ask($prism);\n', '            $this->ask($prism);\n            $this->ask($fallback);\n');
  assert.equal(findSites(other, 'php', file, undefined, new ValueIndex(memFiles({ [file]: other }))).sites.length, 0);
});
