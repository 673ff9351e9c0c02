// .NET configuration the code binds (src/core/scan/dotnet-config.ts): options classes bound to a section, IConfiguration
// read by key path, production's settings first, class defaults, and nothing else of the settings files shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';
import { memFiles } from './helpers/mem-files';

const chat = (model: string, limit = '') => `using OpenAI.Chat;
public class Bot(IConfiguration config, IOptions<AiOptions> options)
{
    private readonly IConfiguration _config = config;
    public async Task<string> Ask(string q)
    {
        ChatClient chat = new(${model}, "key");
        ChatCompletion done = await chat.CompleteChatAsync([new UserChatMessage("Q: " + q)]${limit ? `, new ChatCompletionOptions { MaxOutputTokenCount = ${limit} }` : ''});
        return done.Content[0].Text;
    }
}
`;

function site(code: string, texts: Record<string, string>) {
  const files = { '/ws/Api/Api.csproj': '<Project />', ...texts, '/ws/Api/Bot.cs': code };
  return findSites(code, 'csharp', '/ws/Api/Bot.cs', undefined, new ValueIndex(memFiles(files))).sites[0];
}

const SETTINGS = { '/ws/Api/appsettings.json': '{"Ai": {"Model": "gpt-4.1-mini", "MaxTokens": 500, "Key": "sk-x"}}' };

test('IConfiguration by key path: indexer, GetValue<T>, GetSection(…)[…], GetSection(…).Value', () => {
  for (const expr of ['_config["Ai:Model"]', 'config["ai:model"]', 'config.GetValue<string>("Ai:Model")', 'config.GetSection("Ai")["Model"]', 'config.GetSection("Ai:Model").Value', 'config.GetRequiredSection("Ai").GetValue<string>("Model")']) {
    const s = site(chat(expr), SETTINGS);
    assert.equal(s.model?.id, 'gpt-4.1-mini', expr);
    assert.equal(s.model?.source?.what.toLowerCase(), 'ai:model in appsettings.json', expr);
    assert.equal(s.model?.file, '/ws/Api/appsettings.json', `${expr}: the switch-model fix edits the settings file`);
  }
  assert.equal(site(chat('"gpt-4o"', 'config.GetValue<int>("Ai:MaxTokens")'), SETTINGS).maxOutput?.value, 500);
});

test('options bound in Program.cs: Configure<T>(GetSection), AddOptions<T>().Bind(…), GetSection(…).Get<T>(), the class’s section constant', () => {
  const opts = { '/ws/Api/AiOptions.cs': 'public class AiOptions { public const string SectionName = "Ai"; public string Model { get; set; } = "gpt-4o"; }' };
  const programs = [
    'builder.Services.Configure<AiOptions>(builder.Configuration.GetSection("Ai"));',
    'services.AddOptions<AiOptions>().Bind(configuration.GetSection("Ai")).ValidateOnStart();',
    'var ai = builder.Configuration.GetSection("Ai").Get<AiOptions>();',
    'builder.Services.Configure<AiOptions>(builder.Configuration.GetSection(AiOptions.SectionName));',
    '',
  ];
  for (const p of programs) {
    const s = site(chat('options.Value.Model'), { ...SETTINGS, ...opts, '/ws/Api/Program.cs': p });
    assert.equal(s.model?.id, 'gpt-4.1-mini', p || 'section constant only');
  }
  // No section known and no settings: the class's property default.
  const s = site(chat('options.Value.Model'), { ...opts, '/ws/Api/AiOptions.cs': 'public class AiOptions { public string Model { get; set; } = "gpt-4o"; }' });
  assert.equal(s.model?.id, 'gpt-4o');
  assert.equal(s.model?.source?.what, 'default of AiOptions.Model');
});

test('a Development-only value is a fallback, weaker than a default written in code; nothing found stays run time', () => {
  const dev = { '/ws/Api/appsettings.Development.json': '{"Ai": {"Model": "gpt-4o-mini"}}' };
  const s = site(chat('config["Ai:Model"]'), dev);
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.match(s.model?.source?.what ?? '', /Development environment only/);
  assert.equal(site(chat('config["Ai:Model"] ?? "gpt-4.1"'), dev).model?.id, 'gpt-4.1');
  assert.equal(site(chat('config["Ai:Other"]'), SETTINGS).model?.id, undefined);
  const limit = site(chat('"gpt-4o"', 'config.GetValue<int>("Ai:Missing")'), SETTINGS);
  assert.equal(limit.maxOutput, undefined);
  assert.equal(limit.maxOutputUnresolved, 'config.GetValue<int>("Ai:Missing")', 'a limit the code sets at run time is named, never "add one"');
});

test('a name of another type is not configuration: a plain parameter stays run time', () => {
  const code = chat('model').replace('public async Task<string> Ask(string q)', 'public async Task<string> Ask(string q, string model)');
  assert.equal(site(code, SETTINGS).model, undefined);
});

test('the fixture’s analysis holds no other value of its settings files (secrets beside the model)', () => {
  const dir = path.join(FIXTURES, 'csharp', 'options_binding', 'Services');
  const index = diskIndex();
  for (const f of ['WriterService.cs', 'ReviewService.cs']) {
    const file = path.join(dir, f);
    const out = JSON.stringify(findSites(fs.readFileSync(file, 'utf8'), 'csharp', file, undefined, index).sites);
    for (const secret of ['placeholder-key-never-shown', 'not-a-real-password', 'Server=db']) assert.ok(!out.includes(secret), `${f}: ${secret}`);
  }
});

test('options bound by the project’s own generic helper in Extensions/, read through a field assigned `.Value.Copy()`', () => {
  // The form of microsoft/chat-copilot webapi/Extensions/ServiceExtensions.cs and Plugins/Chat/ChatPlugin.cs.
  const files = {
    '/ws/Api/Api.csproj': '<Project />',
    '/ws/Api/appsettings.json': '// comments are allowed here\n{"Prompts": {"Model": "gpt-4.1-mini", "ReplyLimit": 700}}',
    '/ws/Api/Options/PromptsOptions.cs': 'namespace Api.Options;\npublic class PromptsOptions { public const string PropertyName = "Prompts"; public string Model { get; set; } = "gpt-4o"; public int ReplyLimit { get; set; } public PromptsOptions Copy() => (PromptsOptions)this.MemberwiseClone(); }',
    '/ws/Api/Extensions/ServiceExtensions.cs': `using Api.Options;
public static class ServiceExtensions
{
    public static IServiceCollection AddOptions(this IServiceCollection services, ConfigurationManager configuration)
    {
        AddOptions<PromptsOptions>(PromptsOptions.PropertyName);
        return services;

        void AddOptions<TOptions>(string propertyName) where TOptions : class
        {
            services.AddOptions<TOptions>().Bind(configuration.GetSection(propertyName));
        }
    }
}`,
    '/ws/Api/Program.cs': 'builder.Services.AddOptions(builder.Configuration);',
  };
  const code = `using Api.Options;
public class Bot
{
    private readonly PromptsOptions _prompts;
    public Bot(IOptions<PromptsOptions> options) { this._prompts = options.Value.Copy(); }
    public async Task<string> Ask(string q)
    {
        ChatClient chat = new(this._prompts.Model, "key");
        ChatCompletion done = await chat.CompleteChatAsync([new UserChatMessage("Q: " + q)], new ChatCompletionOptions { MaxOutputTokenCount = this._prompts.ReplyLimit });
        return done.Content[0].Text;
    }
}
`;
  const s = findSites(code, 'csharp', '/ws/Api/Bot.cs', undefined, new ValueIndex(memFiles({ ...files, '/ws/Api/Bot.cs': code }))).sites[0];
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.model?.source?.what, 'Prompts:Model in appsettings.json');
  assert.equal(s.maxOutput?.value, 700);
  // Without the helper's registration the section is unknown: nothing from the settings file.
  const bare = { ...files, '/ws/Api/Extensions/ServiceExtensions.cs': 'public static class ServiceExtensions { }', '/ws/Api/Bot.cs': code };
  const b = findSites(code, 'csharp', '/ws/Api/Bot.cs', undefined, new ValueIndex(memFiles(bare))).sites[0];
  assert.notEqual(b.model?.id, 'gpt-4.1-mini');
  assert.notEqual(b.maxOutput?.value, 700);
});

test('a settings value left for deployment is run time; a sentence that starts like one is text', () => {
  for (const v of ['{YOUR_GPT_MODEL}', '<your-model>', '${MODEL}', 'YOUR_MODEL']) {
    const s = site(chat('config["Ai:Model"]'), { '/ws/Api/appsettings.json': JSON.stringify({ Ai: { Model: v } }) });
    assert.equal(s.model?.id, undefined, v);
    assert.equal(s.modelUnresolved, 'config["Ai:Model"]', v);
  }
  const prompt = 'Your task is to answer in one line.';
  const s = site(chat('"gpt-4o"').replace('"Q: " + q', 'config["Ai:System"]'), { '/ws/Api/appsettings.json': JSON.stringify({ Ai: { System: prompt } }) });
  assert.deepEqual(s.parts.filter((p) => p.resolved).map((p) => p.text), [prompt]);
});

test('a project at the top of a relative scan (`prompt-cost scan .` beside the .csproj): its settings are read', () => {
  // File names as a relative scan gives them: the project folder is '' (app-settings.ts projectDir).
  const texts: Record<string, string> = { 'Api.csproj': '<Project />', ...Object.fromEntries(Object.entries(SETTINGS).map(([p, t]) => [p.slice('/ws/Api/'.length), t])) };
  const code = chat('config["Ai:Model"]');
  texts['Bot.cs'] = code;
  const files = {
    read: (p: string) => texts[p.replace(/^\.\//, '')],
    list: (d: string) => (d === '' || d === '.' ? Object.keys(texts).filter((p) => !p.includes('/')) : undefined),
    folders: (d: string) => (d === '' || d === '.' ? [] : undefined),
  };
  const s = findSites(code, 'csharp', 'Bot.cs', undefined, new ValueIndex(files)).sites[0];
  assert.equal(s.model?.id, 'gpt-4.1-mini');
});
