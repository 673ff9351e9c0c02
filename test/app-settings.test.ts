// ASP.NET Core settings files (src/core/resolve/json-path.ts, app-settings.ts): one key path read, nothing else
// kept; production's file wins over the Development one; the project folder is the one with the .csproj.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { jsonAt } from '../src/core/resolve/json-path';
import { appSetting, projectDir } from '../src/core/resolve/app-settings';

const SETTINGS = `{
  // comments and trailing commas, as .NET's JSON provider allows
  "ConnectionStrings": { "Db": "Server=x;Password=p\\"w" },
  /* block */ "OpenAi": {
    "ApiKey": "sk-secret",
    "Model": "gpt-4.1-mini",
    "MaxTokens": 700,
    "Fallbacks": ["gpt-4o-mini", "gpt-4.1-nano"],
    "Off": null,
  },
}`;

test('jsonAt: a key path, case-insensitive, through comments and trailing commas; the span is inside the quotes', () => {
  const hit = jsonAt(SETTINGS, ['openai', 'MODEL']);
  assert.equal(hit?.kind, 'scalar');
  if (hit?.kind !== 'scalar') return;
  assert.equal(hit.value, 'gpt-4.1-mini');
  assert.equal(SETTINGS.slice(hit.start, hit.end), 'gpt-4.1-mini');
  assert.deepEqual(jsonAt(SETTINGS, ['OpenAi', 'MaxTokens']), { kind: 'scalar', value: 700, start: SETTINGS.indexOf('700'), end: SETTINGS.indexOf('700') + 3 });
  assert.equal((jsonAt(SETTINGS, ['OpenAi', 'Fallbacks', '1']) as { value: string }).value, 'gpt-4.1-nano');
  assert.deepEqual(jsonAt(SETTINGS, ['OpenAi']), { kind: 'object', start: SETTINGS.indexOf('{', SETTINGS.indexOf('"OpenAi"')) });
  assert.equal(jsonAt(SETTINGS, ['OpenAi', 'Missing']), undefined);
  assert.equal(jsonAt(SETTINGS, ['OpenAi', 'Model', 'Deeper']), undefined);
});

test('jsonAt: bad or truncated JSON gives no value, never an exception', () => {
  for (const t of ['', '{', '{"OpenAi": {"Model": "gpt', '[1, 2', '{"OpenAi" "Model"}', '{"a": tru']) assert.equal(jsonAt(t, ['OpenAi', 'Model']), undefined, t);
  const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
  assert.equal(jsonAt(deep, ['b']), undefined);
});

test('jsonAt returns only the value asked for: no other member of the file is in the answer', () => {
  const hit = jsonAt(SETTINGS, ['OpenAi', 'Model']);
  const shown = JSON.stringify(hit);
  for (const secret of ['sk-secret', 'Password', 'Server=']) assert.ok(!shown.includes(secret), secret);
});

function memory(texts: Record<string, string>): WorkspaceFiles & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: (p) => (asked.push(p), texts[p]),
    list: (d) => {
      const names = Object.keys(texts).filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
  };
}

test('production first: appsettings.Production.json over appsettings.json; Development only when asked', () => {
  const files = memory({
    '/app/Api.csproj': '<Project />',
    '/app/appsettings.json': '{"Ai": {"Model": "gpt-4.1-mini", "Tone": "plain"}}',
    '/app/appsettings.Production.json': '{"Ai": {"Model": "gpt-4.1"}}',
    '/app/appsettings.Development.json': '{"Ai": {"Model": "gpt-4o-mini", "Draft": "gpt-4.1-nano"}}',
    '/app/Services/Chat.cs': '',
  });
  assert.equal(projectDir(files, '/app/Services'), '/app');
  assert.equal(appSetting(files, '/app', ['Ai', 'Model'])?.value, 'gpt-4.1');
  assert.equal(appSetting(files, '/app', ['Ai', 'Model'])?.file, '/app/appsettings.Production.json');
  assert.equal(appSetting(files, '/app', ['Ai', 'Tone'])?.value, 'plain');
  assert.equal(appSetting(files, '/app', ['Ai', 'Draft']), undefined, 'a Development-only key is not production’s');
  const dev = appSetting(files, '/app', ['Ai', 'Draft'], true);
  assert.equal(dev?.value, 'gpt-4.1-nano');
  assert.equal(dev?.development, true);
  assert.deepEqual(appSetting(files, '/app', ['Ai'])?.section, true);
});

test('the project folder is the nearest with a .csproj; without one, the nearest with appsettings.json', () => {
  const files = memory({ '/w/appsettings.json': '{}', '/w/src/Lib/Lib.csproj': '', '/w/src/Lib/X.cs': '', '/w/tools/Y.cs': '' });
  assert.equal(projectDir(files, '/w/src/Lib'), '/w/src/Lib');
  assert.equal(projectDir(files, '/w/tools'), '/w');
});
