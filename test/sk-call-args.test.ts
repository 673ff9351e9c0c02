// Semantic Kernel sends (call-shapes-frameworks.ts): only the first argument of GetChatMessageContentAsync /
// InvokePromptAsync is prompt text; the settings, kernel and CancellationToken after it are not (form of
// ZionetLearning/learning-teachin-zionet Engine/Services/ChatAiService.cs: `ct2` was named an unread prompt part).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

test('a CancellationToken after the settings and kernel is no prompt part', () => {
  const text = [
    'using Microsoft.SemanticKernel;',
    'using Microsoft.SemanticKernel.ChatCompletion;',
    'public class TitleService',
    '{',
    '    private readonly IChatCompletionService _chat;',
    '    private readonly Kernel _kernel;',
    '    public async Task<string> Title(ChatHistory history, CancellationToken ct)',
    '    {',
    '        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 20 };',
    '        var result = await _policy.ExecuteAsync(async ct2 => await _chat.GetChatMessageContentAsync(history, settings, _kernel, ct2), ct);',
    '        return result.Content;',
    '    }',
    '}',
  ].join('\n');
  const [call] = analyze(text, 'csharp', 'Program.cs', table).calls;
  assert.ok(call, 'a row');
  assert.deepEqual(call.site.parts.filter((p) => !p.resolved).map((p) => p.label), ['history']);
});
