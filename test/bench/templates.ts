// LLM call templates for the benchmark's inputs, one list per language, shaped like the SDKs' own examples (see
// test/fixtures); every prompt is generated from the seed, so no two calls share prompt text.
import { Rng } from './prng';
import { cap, type BenchLang } from './filler';

// ---------- prompt text ----------

const PROMPT_WORDS = (
  'you are a helpful assistant that reviews the customer support ticket and writes short clear answer for each ' +
  'question about order shipping refund policy account billing invoice product feature release note summary in ' +
  'three bullet points keep tone friendly never invent facts quote source when unsure say so use plain language ' +
  'avoid jargon reply with json only fields name email priority category sentiment explain reasoning step by then ' +
  'give final verdict translate text into german french spanish preserve placeholders like brackets format dates ' +
  'as iso list risks assumptions open questions rate quality from one to five check grammar spelling style ' +
  'consistency extract entities people places companies amounts classify intent urgent normal low draft email ' +
  'team lead next steps owners contract clause liability renewal data transfer compliance audit log incident ' +
  'postmortem timeline root cause impact mitigation follow up meeting notes action items deadline budget estimate'
).split(' ');

function sentence(rng: Rng): string {
  const n = rng.int(6, 18);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(rng.pick(PROMPT_WORDS));
  if (rng.chance(0.15)) w.splice(rng.int(1, n - 1), 0, String(rng.int(2, 500)));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rng.chance(0.2) ? ':' : '.');
}

/** `n` sentences joined by spaces (or by `sep`). */
export function promptText(rng: Rng, n: number, sep = ' '): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(sep);
}

/** Prompt sizes: most system prompts are a few sentences, some are long instructions with examples. */
function systemSize(rng: Rng): number {
  const r = rng.next();
  return r < 0.6 ? rng.int(1, 5) : r < 0.9 ? rng.int(6, 15) : rng.int(16, 40);
}
const userSize = (rng: Rng) => rng.int(1, 4);

// ---------- LLM call templates ----------

export const OPENAI_MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3-mini', 'gpt-5-mini'];
/** Older models counted with cl100k_base: used in the workspace tree only, so the lens corpus needs one rank table. */
export const LEGACY_OPENAI_MODELS = ['gpt-3.5-turbo', 'gpt-4-turbo'];
const CLAUDE_MODELS = ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-3-5-haiku', 'claude-opus-4-1'];
const GEMINI_MODELS = ['gemini-2.0-flash', 'gemini-1.5-pro', 'gemini-2.0-flash-lite'];
const limit = (rng: Rng) => rng.pick([64, 128, 256, 300, 500, 800, 1024, 2048]);
/** Sentences joined by a literal `\n` escape inside a double-quoted string. */
const nl = (rng: Rng, n: number) => promptText(rng, n, '\\n');

export interface Ctx {
  rng: Rng;
  /** OpenAI model ids to pick from. */
  openai: string[];
  /** A fresh name for a constant or function. */
  fresh: (base: string) => string;
}

/** Each template returns code for one call: `top` goes at file level (constants), `body` is a function/method. */
export type Template = (c: Ctx) => { top?: string; body: string };

export const TEMPLATES: Record<BenchLang, Template[]> = {
  python: [
    ({ rng, fresh, openai }) => ({
      body: `def ${fresh('answer')}(client, question):
    response = client.chat.completions.create(
        model="${rng.pick(openai)}",
        messages=[
            {"role": "system", "content": "${nl(rng, systemSize(rng))}"},
            {"role": "user", "content": f"${promptText(rng, userSize(rng))} {question}"},
        ],${rng.chance(0.7) ? `\n        max_tokens=${limit(rng)},` : ''}
        temperature=0.2,
    )
    return response.choices[0].message.content
`,
    }),
    ({ rng, fresh, openai }) => {
      const k = fresh('SYSTEM_PROMPT').toUpperCase();
      return {
        top: `${k} = (\n    "${promptText(rng, systemSize(rng))} "\n    "${promptText(rng, rng.int(1, 3))}"\n)\n`,
        body: `def ${fresh('review')}(anthropic_client, document):
    message = anthropic_client.messages.create(
        model="${rng.pick(CLAUDE_MODELS)}",
        max_tokens=${limit(rng)},
        system=${k},
        messages=[{"role": "user", "content": "${promptText(rng, userSize(rng))}\\n\\n" + document}],
    )
    return message.content[0].text
`,
      };
    },
    ({ rng, fresh, openai }) => ({
      body: `def ${fresh('respond')}(client, text):
    result = client.responses.create(model="${rng.pick(openai)}", instructions="${promptText(rng, systemSize(rng))}", input=text${rng.chance(0.5) ? `, max_output_tokens=${limit(rng)}` : ''})
    return result.output_text
`,
    }),
    ({ rng, fresh, openai }) => ({
      body: `def ${fresh('summarize')}(genai_client, article):
    response = genai_client.models.generate_content(
        model="${rng.pick(GEMINI_MODELS)}",
        contents="${promptText(rng, userSize(rng))} " + article,
        config=types.GenerateContentConfig(
            system_instruction="${promptText(rng, systemSize(rng))}",
            max_output_tokens=${limit(rng)},
        ),
    )
    return response.text
`,
    }),
    ({ rng, fresh, openai }) => {
      const k = fresh('INSTRUCTIONS').toUpperCase();
      return {
        top: `${k} = """\n${promptText(rng, systemSize(rng) + 2, '\n')}\n"""\n`,
        body: `async def ${fresh('classify')}(client, ticket):
    completion = await client.chat.completions.create(
        model="${rng.pick(openai)}",
        messages=[
            {"role": "system", "content": ${k}},
            {"role": "user", "content": ticket},
        ],
    )
    return completion.choices[0].message.content
`,
      };
    },
  ],
  typescript: [
    ({ rng, fresh, openai }) => ({
      body: `export async function ${fresh('answer')}(client: OpenAI, question: string) {
  const completion = await client.chat.completions.create({
    model: '${rng.pick(openai)}',
    messages: [
      { role: 'system', content: '${nl(rng, systemSize(rng))}' },
      { role: 'user', content: \`${promptText(rng, userSize(rng))} \${question}\` },
    ],${rng.chance(0.7) ? `\n    max_completion_tokens: ${limit(rng)},` : ''}
  });
  return completion.choices[0].message.content;
}
`,
    }),
    ({ rng, fresh, openai }) => {
      const k = fresh('SYSTEM').toUpperCase();
      return {
        top: `const ${k} =\n  '${promptText(rng, systemSize(rng))} ' +\n  '${promptText(rng, rng.int(1, 3))}';\n`,
        body: `export async function ${fresh('review')}(anthropic: Anthropic, doc: string) {
  const msg = await anthropic.messages.create({
    model: '${rng.pick(CLAUDE_MODELS)}',
    max_tokens: ${limit(rng)},
    system: ${k},
    messages: [{ role: 'user', content: '${promptText(rng, userSize(rng))}\\n' + doc }],
  });
  return msg.content;
}
`,
      };
    },
    ({ rng, fresh, openai }) => ({
      body: `export async function ${fresh('draft')}(topic: string) {
  const { text } = await generateText({
    model: openai('${rng.pick(openai)}'),
    system: '${promptText(rng, systemSize(rng))}',
    prompt: \`${promptText(rng, userSize(rng))} \${topic}\`,
    maxOutputTokens: ${limit(rng)},
  });
  return text;
}
`,
    }),
    ({ rng, fresh, openai }) => ({
      body: `export async function ${fresh('respond')}(client: OpenAI, input: string) {
  const r = await client.responses.create({ model: '${rng.pick(openai)}', instructions: '${promptText(rng, systemSize(rng))}', input });
  return r.output_text;
}
`,
    }),
  ],
  go: [
    ({ rng, fresh, openai }) => ({
      body: `func ${cap(fresh('answer'))}(ctx context.Context, client openai.Client, question string) (string, error) {
\tresp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
\t\tMessages: []openai.ChatCompletionMessageParamUnion{
\t\t\topenai.SystemMessage("${nl(rng, systemSize(rng))}"),
\t\t\topenai.UserMessage("${promptText(rng, userSize(rng))} " + question),
\t\t},
\t\tModel: ${rng.chance(0.3) ? 'openai.ChatModelGPT4o' : `"${rng.pick(openai)}"`},${rng.chance(0.7) ? `\n\t\tMaxCompletionTokens: openai.Int(${limit(rng)}),` : ''}
\t})
\tif err != nil {
\t\treturn "", err
\t}
\treturn resp.Choices[0].Message.Content, nil
}
`,
    }),
    ({ rng, fresh, openai }) => {
      const k = fresh('systemPrompt');
      return {
        top: `const ${k} = "${promptText(rng, systemSize(rng))}"\n`,
        body: `func ${cap(fresh('notes'))}(ctx context.Context, client anthropic.Client, input string) (*anthropic.Message, error) {
\treturn client.Messages.New(ctx, anthropic.MessageNewParams{
\t\tModel:     "${rng.pick(CLAUDE_MODELS)}",
\t\tMaxTokens: ${limit(rng)},
\t\tSystem: []anthropic.TextBlockParam{
\t\t\t{Text: ${k}},
\t\t},
\t\tMessages: []anthropic.MessageParam{
\t\t\tanthropic.NewUserMessage(anthropic.NewTextBlock("${promptText(rng, userSize(rng))}\\n" + input)),
\t\t},
\t})
}
`,
      };
    },
  ],
  java: [
    ({ rng, fresh, openai }) => {
      const k = fresh('RULES').toUpperCase();
      return {
        top: `    static final String ${k} = "${promptText(rng, systemSize(rng))} "\n            + "${promptText(rng, rng.int(1, 3))}";\n`,
        body: `    ChatCompletion ${fresh('translate')}(OpenAIClient client, String text) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(${rng.chance(0.4) ? 'ChatModel.GPT_4O' : `"${rng.pick(openai)}"`})
                .addSystemMessage(${k})
                .addUserMessage("${promptText(rng, userSize(rng))} " + text)${rng.chance(0.7) ? `\n                .maxCompletionTokens(${limit(rng)}L)` : ''}
                .build();
        return client.chat().completions().create(params);
    }
`,
      };
    },
    ({ rng, fresh, openai }) => ({
      body: `    public Message ${fresh('review')}(AnthropicClient client, String contractText) {
        MessageCreateParams params = MessageCreateParams.builder()
                .maxTokens(${limit(rng)}L)
                .system("${nl(rng, systemSize(rng))}")
                .addUserMessage(contractText)
                .model("${rng.pick(CLAUDE_MODELS)}")
                .build();
        return client.messages().create(params);
    }
`,
    }),
  ],
  ruby: [
    ({ rng, fresh, openai }) => {
      const k = fresh('SYSTEM_PROMPT').toUpperCase();
      return {
        top: `${k} = <<~PROMPT\n  ${promptText(rng, systemSize(rng) + 1, '\n  ')}\nPROMPT\n`,
        body: `def ${fresh('review')}(client, diff)
  response = client.chat(
    parameters: {
      model: "${rng.pick(openai)}",
      messages: [
        { role: "system", content: ${k} },
        { role: "user", content: "${promptText(rng, userSize(rng))} #{diff}" }
      ],${rng.chance(0.7) ? `\n      max_tokens: ${limit(rng)}` : ''}
    }
  )
  response.dig("choices", 0, "message", "content")
end
`,
      };
    },
    ({ rng, fresh, openai }) => ({
      body: `def ${fresh('greet')}(client, name)
  client.chat(parameters: { model: "${rng.pick(openai)}", messages: [{ role: "user", content: "${nl(rng, userSize(rng) + 1)}" }] }).dig("choices", 0)
end
`,
    }),
  ],
  rust: [
    ({ rng, fresh, openai }) => {
      const k = fresh('SYSTEM').toUpperCase();
      return {
        top: `const ${k}: &str = "${promptText(rng, systemSize(rng))}";\n`,
        body: `pub async fn ${fresh('summarize')}(client: &Client<OpenAIConfig>, article: &str) -> Result<String, OpenAIError> {
    let request = CreateChatCompletionRequestArgs::default()
        .model("${rng.pick(openai)}")${rng.chance(0.7) ? `\n        .max_tokens(${limit(rng)}u32)` : ''}
        .messages([
            ChatCompletionRequestSystemMessageArgs::default()
                .content(${k})
                .build()?
                .into(),
            ChatCompletionRequestUserMessageArgs::default()
                .content(format!("${promptText(rng, userSize(rng))} {}", article))
                .build()?
                .into(),
        ])
        .build()?;
    let response = client.chat().create(request).await?;
    Ok(response.choices[0].message.content.clone().unwrap_or_default())
}
`,
      };
    },
  ],
  csharp: [
    ({ rng, fresh, openai }) => ({
      body: `    public static string ${cap(fresh('greet'))}(string customerName)
    {
        var client = new ChatClient(model: "${rng.pick(openai)}", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        ChatCompletion completion = client.CompleteChat(
            new SystemChatMessage("${nl(rng, systemSize(rng))}"),
            new UserChatMessage($"${promptText(rng, userSize(rng))} {customerName}"));
        return completion.Content[0].Text;
    }
`,
    }),
    ({ rng, fresh, openai }) => {
      const k = cap(fresh('systemPrompt'));
      const client = '_' + fresh('client');
      return {
        top: `    private const string ${k} = "${promptText(rng, systemSize(rng))}";\n    private readonly ChatClient ${client} = new ChatClient("${rng.pick(openai)}", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));\n`,
        body: `    public async Task<string> ${cap(fresh('write'))}Async(string metricsCsv)
    {
        ChatCompletionOptions options = new()
        {
            MaxOutputTokenCount = ${limit(rng)},
        };
        ChatCompletion completion = await ${client}.CompleteChatAsync(
            [new SystemChatMessage(${k}), new UserChatMessage(metricsCsv)],
            options);
        return completion.Content[0].Text;
    }
`,
      };
    },
  ],
};

