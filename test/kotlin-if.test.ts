// Kotlin's `if` as an expression (src/core/scan/kotlin-if.ts) and `$name` holes of a `val` (fstring-holes.ts readOnly),
// as in held-out 32 AiAdvent DeepSeekService.kt: `private fun getSystemPrompt(stepByStep: Boolean) = if (stepByStep)
// """$baseSystemPrompt …""".trimIndent() else baseSystemPrompt`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { testTable } from './helpers/table';

const table = testTable();

const call = (content: string) =>
  `openAI.chatCompletion(ChatCompletionRequest(model = ModelId("gpt-4o-mini"), maxTokens = 100, messages = listOf(ChatMessage(role = ChatRole.System, content = ${content}), ChatMessage(role = ChatRole.User, content = q))))`;

function parts(src: string) {
  const [c] = analyze(src, 'kotlin', 'Tutor.kt', table).calls;
  assert.ok(c, 'the call is found');
  return { texts: c.site.parts.filter((p) => p.resolved).map((p) => p.text), labels: c.site.parts.filter((p) => !p.resolved).map((p) => p.label) };
}

const head = 'import com.aallam.openai.client.OpenAI\n\nclass Tutor(private val openAI: OpenAI) {\n    private val base = "Be kind."\n';

test('a helper returning an if / else expression: the longer arm is counted, a block arm by its one expression', () => {
  const src = head +
    '    private fun sys(steps: Boolean): String {\n        return if (steps) {\n            "Number every step and explain it."\n        } else {\n            "Be brief."\n        }\n    }\n' +
    `    suspend fun ask(q: String, steps: Boolean) = ${call('sys(steps)')}\n}\n`;
  assert.deepEqual(parts(src).texts, ['Number every step and explain it.']);
  // An `else if` chain, arms on one line, as an expression body.
  const chain = head +
    '    private fun sys(n: Int): String = if (n > 2) "Three or more: list them all, one line each, with a reason." else if (n > 1) "Two." else "One."\n' +
    `    suspend fun ask(q: String, n: Int) = ${call('sys(n)')}\n}\n`;
  assert.deepEqual(parts(chain).texts, ['Three or more: list them all, one line each, with a reason.']);
});

test('a block arm of several statements gives no text of its own: named by its condition', () => {
  const block = head +
    '    private fun sys(steps: Boolean): String {\n        return if (steps) {\n            val extra = load()\n            "Steps: $extra"\n        } else {\n            "Be brief."\n        }\n    }\n' +
    `    suspend fun ask(q: String, steps: Boolean) = ${call('sys(steps)')}\n}\n`;
  const p = parts(block);
  assert.deepEqual(p.texts, ['Be brief.']);
  assert.ok(p.labels.some((l) => !!l?.includes('if (steps)')), JSON.stringify(p.labels));
});

/** Kotlin source text: a `$name` and a `${name}` hole. */
const BOTH = '"$base ${raw} Now answer."';

test('a `$name` hole of a val is filled with its text; of a var, or a name also a parameter, it stays named', () => {
  const src = head + '    private val raw = """\n        Answer in English.\n    """.trimIndent()\n' +
    `    suspend fun ask(q: String) = ${call(BOTH)}\n}\n`;
  assert.deepEqual(parts(src).texts, ['Be kind. Answer in English. Now answer.']);
  const mutable = head.replace('private val base', 'private var base') + `    suspend fun ask(q: String) = ${call('"$base Now answer."')}\n}\n`;
  assert.ok(parts(mutable).labels.includes('base'));
  const shadowed = head + `    suspend fun ask(q: String, base: String) = ${call('"$base Now answer."')}\n}\n`;
  assert.ok(parts(shadowed).labels.includes('base'));
});
