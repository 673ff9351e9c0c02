// A message kept in a variable (src/core/scan/message-vars.ts): its text counts where the message is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const texts = (src: string, lang: string) => scan(src, lang).map((s) => s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)));

test('a message variable in a messages list is read where it is written (TypeScript, Python)', () => {
  const ts = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function f(prompt: string) {
  const message = { role: 'user' as const, content: \`Suggest a path for: \${prompt}\` };
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'One path only.' }, message] });
}
`;
  assert.deepEqual(texts(ts, 'typescript'), [['One path only.', 'Suggest a path for: ', '?prompt']]);
  const py = `from anthropic import Anthropic
client = Anthropic()
user_message = {"role": "user", "content": "What is the weather in SF?"}
client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[user_message])
`;
  assert.deepEqual(texts(py, 'python'), [['What is the weather in SF?']]);
});

test('not a message: a table without role or content, a request passed alone, a list defined after the use', () => {
  const opts = `from openai import OpenAI
client = OpenAI()
extra = {"temperature": 0}
client.chat.completions.create(model="gpt-4o", messages=[extra])
`;
  assert.deepEqual(texts(opts, 'python'), [['?extra']]);
  const alone = `import OpenAI from 'openai';
const openai = new OpenAI();
const req = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };
openai.chat.completions.create(req);
`;
  const [s] = scan(alone, 'typescript');
  assert.equal(s.model?.id, 'gpt-4o');
  assert.deepEqual(s.parts.map((p) => p.text), ['Hi']);
});

test('Java: Map.of(role, …, content, …) locals in Arrays.asList are messages, read where written and counted', () => {
  const java = `import java.util.Arrays;
import java.util.Map;
import org.json.JSONObject;
import org.springframework.http.HttpEntity;
import org.springframework.web.client.RestTemplate;

public class Tutor {
  static final String ROLE = "role";
  static final String CONTENT = "content";
  static final String SYSTEM = "You are a patient reading tutor.";

  public String ask(String question) {
    Map<String, String> systemMessage = Map.of(ROLE, "system", CONTENT, SYSTEM);
    Map<String, String> userMessage = Map.of("role", "user", "content", question);
    Map<String, String> extra = Map.of("temperature", "0");
    JSONObject request = new JSONObject();
    request.put("model", "gpt-4o-mini");
    request.put("messages", Arrays.asList(systemMessage, userMessage));
    return new RestTemplate().postForObject("https://api.openai.com/v1/chat/completions", new HttpEntity<>(request.toString()), String.class);
  }
}
`;
  const [s] = scan(java, 'java');
  assert.deepEqual(s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)), ['You are a patient reading tutor.', '?question']);
  assert.equal(s.messages, 2);
  // A Map.of without a role or content key is no message.
  const other = java.replace('Arrays.asList(systemMessage, userMessage)', 'Arrays.asList(extra)');
  assert.deepEqual(scan(other, 'java')[0].parts.map((p) => (p.resolved ? p.text : `?${p.label}`)), ['?extra']);
});

test('message variables in the sent list count one message each, with the messages written there (TS, Python)', () => {
  const ts = `import OpenAI from 'openai';
const openai = new OpenAI();
const RULES = 'Answer with one word.';
export async function ask(q: string) {
  const sys = { role: 'system', content: RULES };
  const user = { role: 'user', content: q };
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [sys, user], max_tokens: 5 });
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: RULES }, user], max_tokens: 5 });
  const both = [sys, user];
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: both, max_tokens: 5 });
}
`;
  assert.deepEqual(scan(ts, 'typescript').map((s) => s.messages), [2, 2, 2]);
  const py = `from openai import OpenAI
client = OpenAI()
def ask(q):
    sys_msg = {"role": "system", "content": "Answer with one word."}
    user_msg = {"role": "user", "content": q}
    client.chat.completions.create(model="gpt-4o-mini", messages=[sys_msg, user_msg], max_tokens=5)
    client.chat.completions.create(model="gpt-4o-mini", messages=[sys_msg, {"role": "user", "content": q}], max_tokens=5)
`;
  assert.deepEqual(scan(py, 'python').map((s) => s.messages), [2, 2]);
});
