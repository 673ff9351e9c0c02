// Where a class another file uses is looked for (src/core/resolve/classes.ts), per language, over an in-memory tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { classCandidates, jvmPackageDir, kotlinTopLevelFiles } from '../src/core/resolve/classes';

function tree(paths: string[]): WorkspaceFiles {
  return {
    read: (p) => (paths.includes(p) ? '' : undefined),
    list: (d) => {
      const names = paths.filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
  };
}

test('Java: a class of the same package by its file name, an imported one under the source root', () => {
  const files = tree(['/p/src/main/java/com/acme/bot/Prompts.java', '/p/src/main/java/com/acme/config/Limits.java', '/p/src/main/java/com/acme/bot/Bot.java']);
  const text = 'package com.acme.bot;\n\nimport com.acme.config.Limits;\n';
  const from = '/p/src/main/java/com/acme/bot/Bot.java';
  assert.equal(jvmPackageDir(from, text, 'com.acme.config'), '/p/src/main/java/com/acme/config');
  assert.deepEqual(classCandidates(files, from, text, 'Prompts', 'java'), ['/p/src/main/java/com/acme/bot/Prompts.java']);
  assert.deepEqual(classCandidates(files, from, text, 'Limits', 'java'), ['/p/src/main/java/com/acme/config/Limits.java']);
  assert.deepEqual(classCandidates(files, from, text.replace('Limits;', '*;'), 'Limits', 'java'), ['/p/src/main/java/com/acme/config/Limits.java']);
  assert.deepEqual(classCandidates(files, from, 'package com.acme.bot;\n', 'Limits', 'java'), [], 'not imported: not looked for elsewhere');
});

test('Kotlin: any file of the imported package may hold the object; top-level names from imports and the own package', () => {
  const files = tree(['/k/com/acme/prompts/Texts.kt', '/k/com/acme/bot/Bot.kt', '/k/com/acme/bot/Config.kt']);
  const text = 'package com.acme.bot\n\nimport com.acme.prompts.Prompts\nimport com.acme.prompts.SUMMARY as S\n';
  const from = '/k/com/acme/bot/Bot.kt';
  assert.ok(classCandidates(files, from, text, 'Prompts', 'kotlin').includes('/k/com/acme/prompts/Texts.kt'));
  assert.deepEqual(kotlinTopLevelFiles(files, from, text, 'S'), ['/k/com/acme/prompts/Texts.kt', '/k/com/acme/bot/Bot.kt', '/k/com/acme/bot/Config.kt']);
  assert.deepEqual(kotlinTopLevelFiles(files, from, text, 'OTHER'), ['/k/com/acme/bot/Bot.kt', '/k/com/acme/bot/Config.kt']);
});

test('C# and PHP: a using / use namespace tried as folders under the ancestors', () => {
  const cs = tree(['/c/Prompts/SupportPrompts.cs', '/c/Services/Svc.cs', '/c/LlmSettings.cs']);
  const text = 'using System.IO;\nusing Acme.Support.Prompts;\n\nnamespace Acme.Support.Services;\n';
  assert.deepEqual(classCandidates(cs, '/c/Services/Svc.cs', text, 'SupportPrompts', 'csharp'), ['/c/Prompts/SupportPrompts.cs']);
  assert.deepEqual(classCandidates(cs, '/c/Services/Svc.cs', text, 'LlmSettings', 'csharp'), ['/c/LlmSettings.cs']);
  const php = tree(['/w/src/Prompts/RecipePrompts.php', '/w/src/Http/C.php']);
  const ptext = '<?php\nnamespace App\\Http;\n\nuse App\\Prompts\\RecipePrompts;\n';
  assert.deepEqual(classCandidates(php, '/w/src/Http/C.php', ptext, 'RecipePrompts', 'php'), ['/w/src/Prompts/RecipePrompts.php']);
});

test('Ruby: require_relative targets first, then the snake-case file beside the caller or in lib/', () => {
  const files = tree(['/r/lib/prompts.rb', '/r/app/c.rb', '/r/lib/support_prompts.rb']);
  assert.deepEqual(classCandidates(files, '/r/app/c.rb', 'require_relative "../lib/prompts"\n', 'Prompts', 'ruby'), ['/r/lib/prompts.rb']);
  assert.deepEqual(classCandidates(files, '/r/app/c.rb', '', 'SupportPrompts', 'ruby'), ['/r/lib/support_prompts.rb']);
});

test('Java / Kotlin: a test under src/test finds its package\'s classes under src/main (Maven / Gradle layout)', () => {
  const files = tree(['/p/src/main/java/com/acme/Planner.java', '/p/src/main/kotlin/com/acme/Tagger.kt', '/p/src/test/java/com/acme/PlannerIT.java']);
  const java = classCandidates(files, '/p/src/test/java/com/acme/PlannerIT.java', 'package com.acme;\n', 'Planner', 'java');
  assert.deepEqual(java, ['/p/src/main/java/com/acme/Planner.java']);
  const kt = classCandidates(files, '/p/src/test/kotlin/com/acme/TaggerTest.kt', 'package com.acme\n', 'Tagger', 'kotlin');
  assert.ok(kt.includes('/p/src/main/kotlin/com/acme/Tagger.kt'), kt.join());
  // Not a test folder: nothing more is tried.
  assert.deepEqual(classCandidates(files, '/p/other/com/acme/X.java', 'package com.acme;\n', 'Planner', 'java'), []);
});
