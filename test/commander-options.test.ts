// commander's options (src/core/scan/commander-options.ts): an action handler's options parameter and `program.opts()`
// carry each option's default as `.option(flags, description, default)` states it (commander README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const handler = (params: string, command: string) => `import { program } from "commander";
import OpenAI from "openai";
const openai = new OpenAI();
program
  .command("${command}")
  .option("-m, --model <id>", "model", "gpt-4o-mini")
  .option("-t, --max-tokens <n>", "limit", parseInt, 700)
  .action(async (${params}) => {
    await openai.chat.completions.create({ model: options.model, max_tokens: options.maxTokens, messages: [{ role: "user", content: "hi" }] });
  });
program.parse();
`;

test('an action handler after the command-arguments gets the options: their stated defaults, camel-cased', () => {
  const [s] = scan(handler('options', 'ask'), 'typescript');
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.equal(s.model?.source?.what, 'default of CLI option --model');
  assert.equal(s.maxOutput?.value, 700);
  const [named] = scan(handler('question, options', 'ask <question>'), 'typescript');
  assert.equal(named.model?.id, 'gpt-4o-mini');
});

test('a parameter at a command-argument place, or a parser not imported from commander, is no options object', () => {
  const [arg] = scan(handler('options', 'ask <question>'), 'typescript');
  assert.equal(arg.model?.id ?? null, null);
  const [other] = scan(handler('options', 'ask').replace('"commander"', '"./my-cli"'), 'typescript');
  assert.equal(other.model?.id ?? null, null);
});

test('program.opts() reads the program\'s own options, not a subcommand\'s', () => {
  const src = `import { Command } from "commander";
import OpenAI from "openai";
const program = new Command();
program.command("other").option("--model <id>", "sub", "gpt-3.5-turbo");
program.option("--model <id>", "model", "gpt-4o");
const opts = program.opts();
export const r = new OpenAI().chat.completions.create({ model: opts.model, messages: [{ role: "user", content: "hi" }] });
`;
  const [s] = scan(src, 'typescript');
  assert.equal(s.model?.id, 'gpt-4o');
});
