// src/core/resolve/value-index.ts: the index keeps where each imported module is (ValueIndex.module) until a file
// changes. Here: a module's folders are listed once per importing folder and spec, and a module made, moved or
// removed after a first analysis is seen once the index hears of the change (the CLI's index lives for one run; the
// editor's hears of every change from its watcher, editorFiles.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const CALL = (model: string) =>
  `from openai import OpenAI\nfrom settings.models import ${model}\n\nclient = OpenAI()\n\n` +
  `def reply(q):\n    return client.chat.completions.create(model=${model}, max_tokens=200, messages=[{"role": "user", "content": q}])\n`;

/** memFiles over `texts` (changed in place by the test), counting folder listings. */
function counted(texts: Record<string, string>): { files: WorkspaceFiles; lists: () => number } {
  const inner = memFiles(texts);
  let n = 0;
  return {
    files: {
      read: (p) => inner.read(p),
      list: (d) => {
        n++;
        return inner.list(d);
      },
    },
    lists: () => n,
  };
}

test('ValueIndex.module: an import is looked up once per folder and spec, for every file of the folder', () => {
  const texts: Record<string, string> = {
    '/ws/app/settings/__init__.py': '',
    '/ws/app/settings/models.py': 'CHAT_MODEL = "gpt-4.1-mini"\n',
  };
  const { files, lists } = counted(texts);
  const index = new ValueIndex(files);
  assert.equal(index.module('/ws/app/a.py', 'settings.models', 'python'), '/ws/app/settings/models.py');
  const after = lists();
  assert.ok(after > 0);
  assert.equal(index.module('/ws/app/b.py', 'settings.models', 'python'), '/ws/app/settings/models.py');
  assert.equal(lists(), after, 'the sibling file found the module without listing folders again');
  assert.equal(index.module('/ws/app/b.py', 'settings.prompts', 'python'), undefined);
  assert.ok(lists() > after, 'another spec is looked up');
  const [site] = findSites(CALL('CHAT_MODEL'), 'python', '/ws/app/a.py', undefined, index).sites;
  assert.equal(site.model?.id, 'gpt-4.1-mini');
});

test('ValueIndex.module: a module made, then removed, after a first analysis is seen once the index is told', () => {
  const texts: Record<string, string> = { '/ws/app/settings/__init__.py': '' };
  const index = new ValueIndex(memFiles(texts));
  const model = () => findSites(CALL('CHAT_MODEL'), 'python', '/ws/app/bot.py', undefined, index).sites[0].model;
  assert.equal(model()?.id, undefined, 'no settings/models.py yet');

  texts['/ws/app/settings/models.py'] = 'CHAT_MODEL = "gpt-4.1-mini"\n';
  index.invalidate('/ws/app/settings/models.py');
  assert.equal(model()?.id, 'gpt-4.1-mini', 'the new module is found');

  // Moved into a src/ folder: the old path is gone, the new one is an absolute import's other root.
  delete texts['/ws/app/settings/models.py'];
  delete texts['/ws/app/settings/__init__.py'];
  texts['/ws/app/src/settings/__init__.py'] = '';
  texts['/ws/app/src/settings/models.py'] = 'CHAT_MODEL = "gpt-4.1"\n';
  index.invalidate('/ws/app/settings/models.py');
  assert.equal(model()?.id, 'gpt-4.1', 'the moved module is found where it is now');

  delete texts['/ws/app/src/settings/models.py'];
  index.invalidate('/ws/app/src/settings/models.py');
  assert.equal(model()?.id, undefined, 'a removed module is not served from the index');
});
