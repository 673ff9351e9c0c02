// LangChain4j's GitHub Models chat model (scan/github-models.ts): its calls are rows, priced by the model's name (GitHub
// bills direct use at the vendor's list price), and never advised the vendor's batch API, which GitHub Models is not.
// Forms of langchain4j/langchain4j-examples github-models-examples/GitHubModelsChatModelExamples.java.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanFiles } from './helpers/cli';

const JAVA = `import dev.langchain4j.model.github.GitHubModelsChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

public class Digest {
    public static void main(String[] args) {
        GitHubModelsChatModel github = GitHubModelsChatModel.builder()
                .gitHubToken(System.getenv("GITHUB_TOKEN"))
                .modelName("gpt-4o-mini")
                .build();
        System.out.println(github.chat("Write a two-line digest of today's commits."));
        OpenAiChatModel openai = OpenAiChatModel.builder()
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .modelName("gpt-4o-mini")
                .build();
        System.out.println(openai.chat("Write a two-line digest of today's commits."));
    }
}
`;

type Row = { line: number; model?: string; totalUsdMax?: number; suggestions: { kind: string; text: string }[] };

test('a GitHubModelsChatModel call is a row priced by its model, with no batch-API advice', () => {
  const rows = new Map(scanFiles<Row>({ 'Digest.java': JAVA }, '2026-12-01T10:00:00Z').map((r) => [r.line, r]));
  const github = rows.get(10);
  assert.equal(github?.model, 'gpt-4o-mini');
  assert.ok((github?.totalUsdMax ?? 0) > 0);
  assert.equal(github?.suggestions.filter((s) => s.kind === 'batch').length, 0, JSON.stringify(github?.suggestions));
  assert.ok(github?.suggestions.some((s) => s.text.startsWith('Set maxTokens to 600')));
  // The same call through OpenAI's own API may take the batch API.
  assert.equal(rows.get(15)?.suggestions.filter((s) => s.kind === 'batch').length, 1);
});
