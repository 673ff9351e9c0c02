// C# parameters read from the callers in the file (file-callers.ts, dotnet-private.ts, param-places.ts): only a private
// method's callers are all in view; a public or protected one, or a method of a partial class, stays run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const source = (access: string, partial = '') => `using OpenAI.Chat;

public ${partial}class Tagger
{
    private readonly ChatClient _chat = new ChatClient("gpt-4o-mini", "key");

    public Task<string> Tags(string text) => Ask(new List<string> { "x" }, "List three tags for the text.", text);

    public Task<string> Title(string text) => Ask(new List<string>(), "Write a title.", text);

    ${access}async Task<string> Ask(List<string> unused, string instruction, string text = "")
    {
        var result = await _chat.CompleteChatAsync(new SystemChatMessage(instruction), new UserChatMessage(text));
        return result.Value.Content[0].Text;
    }
}
`;

const site = (code: string) => findSites(code, 'csharp', '/w/Tagger.cs').sites[0];

test('a private method, or one with no access modifier: its parameter is what its callers pass, the dearest priced', () => {
  for (const access of ['private ', '']) {
    const s = site(source(access));
    assert.equal(s.model?.id, 'gpt-4o-mini');
    const texts = s.parts.filter((p) => p.resolved).map((p) => p.text);
    assert.ok(texts.includes('List three tags for the text.'), `${access || 'no modifier'}: ${JSON.stringify(texts)}`);
    assert.ok(!s.parts.some((p) => !p.resolved && p.label === 'instruction'), 'instruction is no longer run time');
  }
});

test('a public or protected method, or a partial class: the parameter stays run time', () => {
  for (const code of [source('public '), source('protected '), source('private ', 'partial ')]) {
    const s = site(code);
    assert.ok(s.parts.some((p) => !p.resolved && p.label === 'instruction'), JSON.stringify(s.parts));
  }
});

test('an anonymous body\'s `model = model` names a member: the private method\'s parameter, not a local of its own', () => {
  // cdavid58/Sistema_Pos WpfApp1/actions/OpenAIClient.cs:23 writes the body so; before, the member hid the parameter.
  const code = `using System.Net.Http;
public class Tagger
{
    private readonly HttpClient _http = new HttpClient();
    public Task<string> Tags(string text) => Ask("gpt-4o-mini", text);
    private async Task<string> Ask(string model, string text)
    {
        var body = new { model = model, messages = new[] { new { role = "user", content = text } } };
        var r = await _http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(body)));
        return await r.Content.ReadAsStringAsync();
    }
}
`;
  assert.equal(site(code).model?.id, 'gpt-4o-mini');
  // A statement `model = model;` outside an initializer still binds (and reads nothing new): run time.
  assert.equal(site(code.replace('var body = new {', 'model = model; var body = new {')).model, undefined);
});
