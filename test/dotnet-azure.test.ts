// Semantic Kernel's Azure registrations and the chat clients an AzureOpenAIClient gives (scan/dotnet-azure.ts) send to
// an Azure OpenAI deployment: the batch advice and the retirement warning are Azure's, never OpenAI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';
import { FIXTURES } from './util';

const AT = '2026-12-01T10:00:00Z';

type Row = { file: string; line: number; model: string | null; suggestions: { kind: string; text: string }[]; warnings: { kind: string; text: string }[] };

/** The rows of the sk_azure fixture scanned from a copy outside test/ (a file under a test folder is never told to batch). */
const rows = (): Row[] => scanCopy<Row>(path.join(FIXTURES, 'csharp', 'sk_azure'), AT);

test('every Azure form is told of a Global Batch deployment and Azure\'s own retirement schedule', () => {
  const all = rows();
  const names = all.map((r) => path.basename(r.file)).sort();
  assert.deepEqual(names, ['KnowledgeLookup.cs', 'Program.cs', 'ReplyDrafter.cs', 'RoutingService.cs', 'TicketSummarizer.cs']);
  for (const r of all) {
    const batch = r.suggestions.filter((s) => s.kind === 'batch').map((s) => s.text);
    assert.equal(batch.length, 1, `${r.file}: one batch suggestion`);
    assert.match(batch[0], /^Use an Azure OpenAI Global Batch deployment/, r.file);
    for (const w of r.warnings.filter((x) => x.kind === 'deprecated')) assert.match(w.text, /Azure OpenAI retires \S+ on its own schedule/, r.file);
  }
});
