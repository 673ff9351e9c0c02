// .NET prompt files read at run time from the program's folders (src/core/scan/file-reads.ts dotnetAppRoot):
// AppContext.BaseDirectory, IHostEnvironment.ContentRootPath, the current directory, all read as the .csproj's folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const PROMPT = 'You sort support tickets into billing, bugs and other.';

const chat = (read: string, helper = '') => `using OpenAI.Chat;
public class Sorter(IWebHostEnvironment env, WebApplicationBuilder builder)
{
    public async Task<string> Sort(string q)
    {
        var system = ${read};
        ChatClient chat = new("gpt-4o-mini", "key");
        ChatCompletion done = await chat.CompleteChatAsync([new SystemChatMessage(system), new UserChatMessage(q)]);
        return done.Content[0].Text;
    }
${helper}
}
`;

function site(code: string, extra: Record<string, string> = {}) {
  const files = { '/ws/Api/Api.csproj': '<Project />', '/ws/Api/Prompts/sort.txt': PROMPT, '/ws/Api/wwwroot/sort.txt': 'web ' + PROMPT, ...extra, '/ws/Api/Services/Sorter.cs': code };
  return findSites(code, 'csharp', '/ws/Api/Services/Sorter.cs', undefined, new ValueIndex(memFiles(files))).sites[0];
}
const texts = (s: ReturnType<typeof site>) => s.parts.filter((p) => p.resolved).map((p) => p.text);
const labels = (s: ReturnType<typeof site>) => s.parts.filter((p) => !p.resolved).map((p) => p.label);

test('the program folders a C# app reads its prompt files from are the project folder', () => {
  for (const root of ['AppContext.BaseDirectory', 'AppDomain.CurrentDomain.BaseDirectory', 'env.ContentRootPath', 'builder.Environment.ContentRootPath', 'Directory.GetCurrentDirectory()', 'Environment.CurrentDirectory']) {
    for (const read of [`File.ReadAllText(Path.Combine(${root}, "Prompts", "sort.txt"))`, `await File.ReadAllTextAsync(Path.Combine(${root}, "Prompts/sort.txt"))`]) {
      const s = site(chat(read));
      assert.deepEqual(texts(s), [PROMPT], read);
      assert.equal(s.parts.find((p) => p.resolved)?.source?.file, '/ws/Api/Prompts/sort.txt', read);
      assert.deepEqual(labels(s), ['q'], read);
    }
  }
  assert.deepEqual(texts(site(chat('File.ReadAllText(Path.Combine(env.WebRootPath, "sort.txt"))'))), ['web ' + PROMPT]);
});

test('a prompt file the project does not hold is named, not counted', () => {
  const s = site(chat('File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Prompts", "missing.txt"))'));
  assert.deepEqual(texts(s), []);
  assert.deepEqual(labels(s), ['system', 'q']);
});

test('a helper given the prompt name builds the path from its parameter (`$"{name}.txt"`, `name + ".txt"`)', () => {
  for (const body of ['$"{name}.txt"', 'name + ".txt"']) {
    const helper = `    private string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Prompts", ${body}));`;
    assert.deepEqual(texts(site(chat('Load("sort")', helper))), [PROMPT], body);
  }
  // A parameter with a default, called with another name: the argument, not the default.
  const withDefault = `    private static string Load(string file = "none.txt")\n    {\n        var path = Path.Combine(AppContext.BaseDirectory, "Prompts", file);\n        return File.ReadAllText(path);\n    }`;
  assert.deepEqual(texts(site(chat('Load("sort.txt")', withDefault))), [PROMPT]);
});

test('a member of the same name on an app object of its own is no program folder', () => {
  const s = site(chat('File.ReadAllText(Path.Combine(ContentRootPath, "Prompts", "sort.txt"))'));
  assert.deepEqual(texts(s), []);
});
