// A public C# method's parameters read from its callers in the project (cs-method-callers.ts, file-callers.ts): every
// call of the name in the class's file and the files using its types is on an object of the class, or the callers are
// not all known (run time). The form of cdavid58/Sistema_Pos WpfApp1/actions/OpenAIClient.cs (held-out 35 C02).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const client = (head = 'public class Writer', extra = '') => `using System.Net.Http;
namespace App;
${head}
{
    private readonly HttpClient _http = new HttpClient();
    public async Task<string> Write(string model, string text)
    {
        var body = new { model = model, messages = new[] { new { role = "user", content = text } } };
        var r = await _http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(body)));
        return await r.Content.ReadAsStringAsync();
    }
${extra}
}
`;

const caller = (lines: string) => `using App;
namespace App.Jobs;
public class Job
{
    private readonly Writer _writer;
    public Job(Writer writer) { _writer = writer; }
    public async Task Run(string t)
    {
${lines}
    }
}
`;

function site(code: string, others: Record<string, string> = {}, index = true) {
  const files = { '/ws/App/App.csproj': '<Project />', ...others, '/ws/App/Writer.cs': code };
  return findSites(code, 'csharp', '/ws/App/Writer.cs', undefined, index ? new ValueIndex(memFiles(files)) : undefined).sites[0];
}

test('a public method called on a field of its class in another file: the model that caller passes', () => {
  const s = site(client(), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);') });
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.equal(s.model?.source?.file, '/ws/App/Jobs/Job.cs');
});

test('receivers made with `var x = new T(…)`, `T x = new()`, `new T().M(…)`, or a static call: each is a caller', () => {
  for (const line of ['var w = new Writer(); await w.Write("gpt-4.1", t);', 'Writer w = new(); await w.Write("gpt-4.1", t);', 'await new Writer().Write("gpt-4.1", t);']) {
    const s = site(client(), { '/ws/App/Jobs/Job.cs': caller(line) });
    assert.equal(s.model?.id, 'gpt-4.1', line);
  }
});

test('a call whose receiver is not known, an overload, a partial class, a deriving class, or no workspace: run time', () => {
  const cases: [string, string, Record<string, string>, boolean][] = [
    ['unknown receiver', client(), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t); var w = Pick(); await w.Write("gpt-4.1", t);') }, true],
    ['overload', client('public class Writer', '    public Task<string> Write(string text) => Write("gpt-4o", text);'), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);') }, true],
    ['partial', client('public partial class Writer'), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);') }, true],
    ['deriving', client(), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);'), '/ws/App/Fancy.cs': 'namespace App;\npublic class FancyWriter : Writer { }\n' }, true],
    ['no workspace', client('public class Writer', '    public Task<string> Short(string t) => Write("gpt-4o-mini", t);'), {}, false],
  ];
  for (const [what, code, others, index] of cases) {
    const s = site(code, others, index);
    assert.equal(s.model, undefined, what);
  }
});

test('with every caller known, the same workspace gives the callers\' models (the cases above can fail)', () => {
  const s = site(client('public class Writer', '    public Task<string> Short(string t) => Write("gpt-4o", t);'), { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);') });
  assert.deepEqual([s.model?.id, ...(s.model?.others ?? [])].sort(), ['gpt-4o', 'gpt-4o-mini']);
});

test('a caller holding the interface the class implements, declared in its own file: its call counts too', () => {
  const iface = 'namespace App;\npublic interface IWriter\n{\n    Task<string> Write(string model, string text);\n}\n';
  const job = caller('await _writer.Write("gpt-4.1", t);').replace('private readonly Writer _writer;', 'private readonly IWriter _writer;').replace('Job(Writer writer)', 'Job(IWriter writer)');
  const own = client('public class Writer : IWriter', '    public Task<string> Short(string t) => Write("gpt-4o-mini", t);');
  const s = site(own, { '/ws/App/IWriter.cs': iface, '/ws/App/Jobs/Job.cs': job });
  assert.deepEqual([s.model?.id, ...(s.model?.others ?? [])].sort(), ['gpt-4.1', 'gpt-4o-mini']);
});

test('receivers asked of the container: `var w = sp.GetRequiredService<T>()` and `sp.GetService<T>().M(…)`, T the class or its interface', () => {
  const iface = 'namespace App;\npublic interface IWriter\n{\n    Task<string> Write(string model, string text);\n}\n';
  const own = client('public class Writer : IWriter');
  for (const line of [
    'using var scope = _f.CreateScope(); var w = scope.ServiceProvider.GetRequiredService<IWriter>(); await w.Write("gpt-4.1", t);',
    'await _sp.GetService<App.Writer>().Write("gpt-4.1", t);',
    'await _sp.GetRequiredService<IWriter>()?.Write("gpt-4.1", t);',
  ]) {
    const s = site(own, { '/ws/App/IWriter.cs': iface, '/ws/App/Jobs/Job.cs': caller(line) });
    assert.equal(s.model?.id, 'gpt-4.1', line);
  }
  // Another service asked of the container is another object: its Write is not this one's.
  const other = caller('var w = _sp.GetRequiredService<IMailer>(); await w.Write("gpt-4.1", t); await _writer.Write("gpt-4o-mini", t);');
  assert.equal(site(own, { '/ws/App/IWriter.cs': iface, '/ws/App/Jobs/Job.cs': other }).model?.id, 'gpt-4o-mini');
});

test('a caller in another project of the solution that references the class\'s project counts; one that does not, not', () => {
  const sln = 'Microsoft Visual Studio Solution File, Format Version 12.00\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App\\App.csproj", "{1}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Ui", "Ui\\Ui.csproj", "{2}"\nEndProject\n';
  const ui = (ref: boolean) => ({
    '/ws/All.sln': sln,
    '/ws/Ui/Ui.csproj': ref ? '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\\App\\App.csproj" /></ItemGroup></Project>' : '<Project Sdk="Microsoft.NET.Sdk" />',
    '/ws/Ui/Form1.cs': 'using App;\npublic class Form1\n{\n    async Task Go(string t)\n    {\n        var w = new Writer();\n        await w.Write("gpt-4.1", t);\n    }\n}\n',
  });
  const s = site(client(), ui(true));
  assert.equal(s.model?.id, 'gpt-4.1');
  assert.equal(s.model?.source?.file, '/ws/Ui/Form1.cs');
  assert.equal(site(client(), ui(false)).model, undefined);
});

test('a Razor page or component calling the method by name: its call is not read, so the callers are not all known', () => {
  const job = { '/ws/App/Jobs/Job.cs': caller('await _writer.Write("gpt-4o-mini", t);') };
  const page = '@page "/"\n@inject App.Writer W\n<button @onclick="Go">Go</button>\n@code {\n    async Task Go() => await W.Write("gpt-4.1", "hello");\n}\n';
  assert.equal(site(client(), job).model?.id, 'gpt-4o-mini');
  assert.equal(site(client(), { ...job, '/ws/App/Pages/Index.razor': page }).model, undefined);
  assert.equal(site(client(), { ...job, '/ws/App/Pages/Index.cshtml': page }).model, undefined);
});

test('with no .sln, the projects of the workspace folder are read for references (the folder a scan names)', () => {
  const files = {
    '/ws/App/App.csproj': '<Project />',
    '/ws/Ui/Ui.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\\App\\App.csproj" /></ItemGroup></Project>',
    '/ws/Ui/Form1.cs': 'using App;\npublic class Form1\n{\n    async Task Go(string t)\n    {\n        var w = new Writer();\n        await w.Write("gpt-4.1", t);\n    }\n}\n',
    '/ws/App/Writer.cs': client(),
  };
  const run = (roots: string[]) => {
    const index = new ValueIndex(memFiles(files));
    index.roots = roots;
    return findSites(client(), 'csharp', '/ws/App/Writer.cs', undefined, index).sites[0];
  };
  assert.equal(run(['/ws']).model?.id, 'gpt-4.1');
  // The workspace is the App folder alone: the other project is not in view.
  assert.equal(run(['/ws/App']).model, undefined);
});

test('a caller naming the class with its namespace (`new App.Writer()`, `App.Writer w = new()`) is read too', () => {
  for (const line of ['var w = new App.Writer(); await w.Write("gpt-4.1", t);', 'App.Writer w = new(); await w.Write("gpt-4.1", t);']) {
    const job = caller(line).replace('using App;\n', '').replace('private readonly Writer _writer;', '').replace('public Job(Writer writer) { _writer = writer; }', '');
    const s = site(client('public class Writer', '    public Task<string> Short(string t) => Write("gpt-4o-mini", t);'), { '/ws/App/Jobs/Job.cs': job });
    assert.deepEqual([s.model?.id, ...(s.model?.others ?? [])].sort(), ['gpt-4.1', 'gpt-4o-mini'], line);
  }
});
