// Calls whose prompt, model and limit are imported from another file, as applications write them (issue 11: the
// prompt lives in another module in 15 of 39 real calls): a prompts module beside the calling file, and the call.
// Python `from .prompts_x import …`, TypeScript `import { … } from "./prompts_x"`, Go a sibling file of the same
// package, Java a `Prompts` class in the same folder. The workspace tree and the cross-file lens figure use them.
import { Rng } from './prng';
import { promptText } from './templates';
import type { BenchLang } from './filler';

export const CROSS_LANGS: BenchLang[] = ['python', 'typescript', 'go', 'java'];

export interface CrossFile {
  /** The prompts module's file name (same folder as the caller). */
  moduleName: string;
  moduleText: string;
  /** Code for the calling file: the import (if any) and a function making the call. */
  callerCode: string;
  /** Values the analysis must find through the index. */
  model: string;
  limit: number;
}

const MODELS = ['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4.1'];

/**
 * A prompts module of `prompts` constants (the call uses one of them, or the `which`th) and a caller. `n` names
 * them uniquely; `pkg` is the Go package / Java package of the caller's file. The same `rng` state gives the same
 * module whatever `which` is.
 */
export function crossFile(lang: BenchLang, rng: Rng, n: number, pkg: string, prompts = 12, which?: number): CrossFile {
  const model = rng.pick(MODELS);
  const limit = rng.pick([300, 500, 800, 1200]);
  const texts = Array.from({ length: prompts }, () => promptText(rng, rng.int(3, 25)));
  const picked = rng.int(0, prompts - 1);
  const used = which ?? picked;
  const name = (i: number) => `PROMPT_${i}`;
  if (lang === 'python') {
    return {
      moduleName: `prompts_${n}.py`, model, limit,
      moduleText: `"""Prompts and model settings for module ${n}."""\n\nMODEL = "${model}"\nMAX_TOKENS = ${limit}\n\n` +
        texts.map((t, i) => `${name(i)} = """${t}"""\n`).join('\n'),
      callerCode: `from .prompts_${n} import ${name(used)}, MODEL, MAX_TOKENS\n\n\ndef answer_cross_${n}(client, question):
    response = client.chat.completions.create(
        model=MODEL,
        max_tokens=MAX_TOKENS,
        messages=[{"role": "system", "content": ${name(used)}}, {"role": "user", "content": question}],
    )
    return response.choices[0].message.content
`,
    };
  }
  if (lang === 'typescript') {
    return {
      moduleName: `prompts_${n}.ts`, model, limit,
      moduleText: `// Prompts and model settings for module ${n}.\nexport const MODEL = "${model}";\nexport const MAX_TOKENS = ${limit};\n\n` +
        texts.map((t, i) => `export const ${name(i)} = \`${t}\`;\n`).join('\n'),
      callerCode: `import { ${name(used)}, MODEL, MAX_TOKENS } from "./prompts_${n}";\n\nexport async function answerCross${n}(client: OpenAI, question: string) {
  const completion = await client.chat.completions.create({
    model: MODEL,
    max_completion_tokens: MAX_TOKENS,
    messages: [{ role: "system", content: ${name(used)} }, { role: "user", content: question }],
  });
  return completion.choices[0].message.content;
}
`,
    };
  }
  if (lang === 'go') {
    return {
      moduleName: `prompts_${n}.go`, model, limit,
      moduleText: `// Prompts and model settings for module ${n}.\npackage ${pkg}\n\nconst crossModel${n} = "${model}"\nconst crossMaxTokens${n} = ${limit}\n\n` +
        texts.map((t, i) => `const crossPrompt${n}x${i} = "${t}"\n`).join('\n'),
      callerCode: `func AnswerCross${n}(ctx context.Context, client openai.Client, question string) (string, error) {
\tresp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
\t\tMessages: []openai.ChatCompletionMessageParamUnion{
\t\t\topenai.SystemMessage(crossPrompt${n}x${used}),
\t\t\topenai.UserMessage(question),
\t\t},
\t\tModel:               crossModel${n},
\t\tMaxCompletionTokens: openai.Int(crossMaxTokens${n}),
\t})
\tif err != nil {
\t\treturn "", err
\t}
\treturn resp.Choices[0].Message.Content, nil
}
`,
    };
  }
  if (lang === 'java') {
    const cls = `Prompts${n}`;
    return {
      moduleName: `${cls}.java`, model, limit,
      moduleText: `package ${pkg};\n\n/** Prompts and model settings for module ${n}. */\npublic final class ${cls} {\n    public static final String MODEL = "${model}";\n    public static final long MAX_TOKENS = ${limit}L;\n\n` +
        texts.map((t, i) => `    public static final String ${name(i)} = "${t}";\n`).join('') + '}\n',
      callerCode: `    ChatCompletion answerCross${n}(OpenAIClient client, String question) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(${cls}.MODEL)
                .addSystemMessage(${cls}.${name(used)})
                .addUserMessage(question)
                .maxCompletionTokens(${cls}.MAX_TOKENS)
                .build();
        return client.chat().completions().create(params);
    }
`,
    };
  }
  throw new Error(`no cross-file call for ${lang}`);
}
