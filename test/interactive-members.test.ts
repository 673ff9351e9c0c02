// Libraries of a Cargo workspace or .NET solution that a web server or bot member depends on
// (src/core/scan/interactive-members.ts, member-manifests.ts): their calls answer whoever the server answers, so no
// batch advice; an offline member that runs them too keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { servedMember } from '../src/core/scan/interactive-members';
import { cargoManifest, csprojManifest, slnProjects } from '../src/core/scan/member-manifests';
import { cli } from './helpers/cli';
import { tmpDir, write } from './helpers/git-repo';
import { FIXTURES } from './util';

/** An in-memory workspace: files by path, folders from them. */
function memoryFiles(texts: Record<string, string>): WorkspaceFiles {
  const entries = (d: string, folders: boolean) => {
    const out = new Set<string>();
    for (const p of Object.keys(texts)) {
      if (!p.startsWith(d + '/')) continue;
      const rest = p.slice(d.length + 1);
      const slash = rest.indexOf('/');
      if (folders ? slash > 0 : slash < 0) out.add(folders ? rest.slice(0, slash) : rest);
    }
    return out.size ? [...out] : undefined;
  };
  return { read: (p) => texts[p], list: (d) => entries(d, false), folders: (d) => entries(d, true) };
}

test('a Cargo.toml: package name, dependencies with their paths, workspace members; not dev- or workspace dependencies', () => {
  const m = cargoManifest(
    `[package]
name = "chat_server"

[dependencies]
axum = { version = "0.7", features = ["macros"] }
llm-client = { path = "../llm-client" }
domain.workspace = true
"quoted" = "1"

[dependencies.store]
path = "../store"

[target.'cfg(unix)'.dependencies]
nix = "0.29"

[dev-dependencies]
mockall = "0.13"
`,
    '/ws/server',
  );
  assert.deepEqual(m.names, ['/ws/server', 'chat-server']);
  assert.deepEqual(m.uses, ['axum', 'llm-client', 'domain', 'quoted', 'store', 'nix']);
  assert.ok(m.refs.includes('/ws/llm-client') && m.refs.includes('/ws/store') && m.refs.includes('domain'));
  assert.equal(m.members, undefined);
  const ws = cargoManifest('[workspace]\nresolver = "2"\nmembers = [\n  "server",\n  "crates/*", # all of them\n]\n\n[workspace.dependencies]\nserde = "1"\n', '/ws');
  assert.deepEqual(ws.members, ['server', 'crates/*']);
  assert.deepEqual(ws.uses, []);
});

test('a .csproj: its SDK, packages and referenced projects; a .sln and .slnx: their projects', () => {
  const m = csprojManifest(
    `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.5.0" />
    <ProjectReference Include="..\\Shop.Application\\Shop.Application.csproj" />
  </ItemGroup>
</Project>`,
    '/s/src/Shop.Api/Shop.Api.csproj',
  );
  assert.deepEqual(m.names, ['shop.api.csproj']);
  assert.deepEqual(m.refs, ['shop.application.csproj']);
  assert.deepEqual(m.uses, ['microsoft.net.sdk.web', 'swashbuckle.aspnetcore']);
  const sln = 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Api", "src\\Shop.Api\\Shop.Api.csproj", "{6C9C}"\r\nEndProject\r\n' +
    'Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{BD5D}"\r\nEndProject\r\n';
  assert.deepEqual(slnProjects(sln, false), ['src\\Shop.Api\\Shop.Api.csproj']);
  assert.deepEqual(slnProjects('<Solution>\n  <Project Path="src/Shop.Api/Shop.Api.csproj" />\n  <Folder Name="/x/" />\n</Solution>', true), ['src/Shop.Api/Shop.Api.csproj']);
});

const CARGO_LIB = '[package]\nname = "llm"\n\n[dependencies]\nreqwest = "0.12"\n';

test('a crate a web or bot member depends on, directly or through another, answers that member; else not', () => {
  const base: Record<string, string> = {
    '/ws/Cargo.toml': '[workspace]\nmembers = ["server", "crates/*"]\n',
    '/ws/server/Cargo.toml': '[package]\nname = "server"\n[dependencies]\nactix-web = "4"\nagent = { path = "../crates/agent" }\n',
    '/ws/crates/agent/Cargo.toml': '[package]\nname = "agent"\n[dependencies]\nllm.workspace = true\n',
    '/ws/crates/llm/Cargo.toml': CARGO_LIB,
    '/ws/crates/llm/src/lib.rs': '',
    '/ws/crates/other/Cargo.toml': '[package]\nname = "other"\n',
    '/ws/crates/other/src/lib.rs': '',
  };
  const index = new ValueIndex(memoryFiles(base));
  assert.equal(servedMember(index, '/ws/crates/llm/src/lib.rs'), true, 'through agent, which the actix-web server uses');
  assert.equal(servedMember(index, '/ws/crates/other/src/lib.rs'), false, 'no member uses it');
  assert.equal(servedMember(index, '/ws/server/src/main.py'), false, 'not a Rust file');
  const cron = { ...base, '/ws/crates/digest/Cargo.toml': '[package]\nname = "digest"\n[dependencies]\ntokio-cron-scheduler = "0.13"\nllm = { path = "../llm" }\n' };
  assert.equal(servedMember(new ValueIndex(memoryFiles(cron)), '/ws/crates/llm/src/lib.rs'), false, 'a scheduled job runs it too');
  const worker = { ...base, '/ws/crates/worker/Cargo.toml': '[package]\nname = "worker"\n[dependencies]\nllm = { path = "../llm" }\n' };
  assert.equal(servedMember(new ValueIndex(memoryFiles(worker)), '/ws/crates/llm/src/lib.rs'), false, 'a worker member runs it too');
  const cli = { ...base, '/ws/server/Cargo.toml': '[package]\nname = "server"\n[dependencies]\nclap = "4"\nagent = { path = "../crates/agent" }\n' };
  assert.equal(servedMember(new ValueIndex(memoryFiles(cli)), '/ws/crates/llm/src/lib.rs'), false, 'no web or bot member');
  const rootPkg = {
    '/r/Cargo.toml': '[package]\nname = "app"\n\n[dependencies]\naxum = "0.7"\nllm = { path = "crates/llm" }\n\n[workspace]\nmembers = ["crates/llm"]\n',
    '/r/crates/llm/Cargo.toml': CARGO_LIB,
    '/r/crates/llm/src/lib.rs': '',
  };
  assert.equal(servedMember(new ValueIndex(memoryFiles(rootPkg)), '/r/crates/llm/src/lib.rs'), true, 'the workspace root is the axum server');
  const alone = { '/one/Cargo.toml': '[package]\nname = "one"\n[dependencies]\naxum = "0.7"\n', '/one/src/main.rs': '' };
  assert.equal(servedMember(new ValueIndex(memoryFiles(alone)), '/one/src/main.rs'), false, 'no workspace: a file-level question');
});

test('a project an ASP.NET Core or bot project of the solution references; not when a worker project does too', () => {
  const base: Record<string, string> = {
    '/s/Shop.sln': 'Project("{FAE0}") = "Api", "src\\Api\\Api.csproj", "{1}"\nProject("{FAE0}") = "Core", "src\\Core\\Core.csproj", "{2}"\n' +
      'Project("{FAE0}") = "Tests", "tests\\Tests\\Tests.csproj", "{3}"\n',
    '/s/src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup></Project>',
    '/s/src/Core/Core.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="OpenAI" Version="2.1.0" /></ItemGroup></Project>',
    '/s/src/Core/Services/Chat.cs': '',
    '/s/tests/Tests/Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" Version="8.0.0" />' +
      '<ProjectReference Include="..\\..\\src\\Core\\Core.csproj" /></ItemGroup></Project>',
  };
  assert.equal(servedMember(new ValueIndex(memoryFiles(base)), '/s/src/Core/Services/Chat.cs'), true);
  const worker = {
    ...base,
    '/s/Shop.sln': base['/s/Shop.sln'] + 'Project("{FAE0}") = "Nightly", "src\\Nightly\\Nightly.csproj", "{4}"\n',
    '/s/src/Nightly/Nightly.csproj': '<Project Sdk="Microsoft.NET.Sdk.Worker"><ItemGroup><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup></Project>',
  };
  assert.equal(servedMember(new ValueIndex(memoryFiles(worker)), '/s/src/Core/Services/Chat.cs'), false, 'a worker service runs it too');
  const hangfire = { ...base, '/s/src/Api/Api.csproj': base['/s/src/Api/Api.csproj'].replace('<ItemGroup>', '<ItemGroup><PackageReference Include="Hangfire.AspNetCore" Version="1.8.0" />') };
  assert.equal(servedMember(new ValueIndex(memoryFiles(hangfire)), '/s/src/Core/Services/Chat.cs'), false, 'the web app runs background jobs');
  const bot = { ...base, '/s/src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Telegram.Bot" Version="19.0.0" /><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup></Project>' };
  assert.equal(servedMember(new ValueIndex(memoryFiles(bot)), '/s/src/Core/Services/Chat.cs'), true, 'a Telegram bot console app');
});

/** Whether the scan of `dir` advises batch for the call in `file` (relative to `dir`). */
function advisesBatch(dir: string, file: string): boolean {
  const r = cli(['scan', '.', '--format', 'json'], dir);
  const rows = JSON.parse(r.out).calls as { file: string; suggestions: { kind: string }[] }[];
  const row = rows.find((x) => x.file === file);
  assert.ok(row, `${file} in ${rows.map((x) => x.file).join(', ')}`);
  return row.suggestions.some((s) => s.kind === 'batch');
}

/** The fixture folder's files, as a map for write(). */
function fixture(rel: string): Record<string, string> {
  const root = path.join(FIXTURES, rel);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.expect.json')) out[path.relative(root, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

test('the fixtures: no batch advice on the webhook\'s library; a cron member or worker project brings it back', () => {
  const rust = fixture('rust/served_workspace');
  const ws = tmpDir('prompt-cost-members-');
  write(ws, rust);
  assert.equal(advisesBatch(ws, 'llm-client/src/chat.rs'), false);
  const withCron = tmpDir('prompt-cost-members-');
  write(withCron, {
    ...rust,
    'Cargo.toml': rust['Cargo.toml'].replace('"llm-client",', '"llm-client",\n    "digest",'),
    'digest/Cargo.toml': '[package]\nname = "digest"\n\n[dependencies]\ntokio-cron-scheduler = "0.13"\nllm-client = { path = "../llm-client" }\n',
  });
  assert.equal(advisesBatch(withCron, 'llm-client/src/chat.rs'), true);

  const dotnet = fixture('csharp/served_solution');
  const sln = tmpDir('prompt-cost-members-');
  write(sln, dotnet);
  assert.equal(advisesBatch(sln, 'src/Helpdesk.Application/ReplyService.cs'), false);
  const withWorker = tmpDir('prompt-cost-members-');
  write(withWorker, {
    ...dotnet,
    'Helpdesk.sln': dotnet['Helpdesk.sln'].replace('Global', 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Helpdesk.Digest", "src\\Helpdesk.Digest\\Helpdesk.Digest.csproj", "{3}"\r\nEndProject\r\nGlobal'),
    'src/Helpdesk.Digest/Helpdesk.Digest.csproj': '<Project Sdk="Microsoft.NET.Sdk.Worker">\n  <ItemGroup>\n    <ProjectReference Include="..\\Helpdesk.Application\\Helpdesk.Application.csproj" />\n  </ItemGroup>\n</Project>\n',
  });
  assert.equal(advisesBatch(withWorker, 'src/Helpdesk.Application/ReplyService.cs'), true);
});
