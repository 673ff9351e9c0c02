// Command-line options declared with yargs (src/core/scan/cli-options.ts): the parsed arguments' member is the
// option's `default` as the code states it (yargs docs/api.md, .option(key, [opt]) and .options(obj)), reached
// camel-cased as yargs-parser's camel-case-expansion gives it; an option with no default stays run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const src = `import yargs from "yargs";
import OpenAI from "openai";
const argv = yargs(process.argv.slice(2))
  .options({ "model-name": { type: "string", default: "gpt-4o-mini" }, limit: { type: "number", default: 300 } })
  .option("system", { type: "string" })
  .argv;
const openai = new OpenAI();
export const ask = (q: string) =>
  openai.chat.completions.create({ model: argv.modelName, max_tokens: argv.limit, messages: [{ role: "system", content: argv.system }, { role: "user", content: q }] });
`;

test('yargs .options({…}) defaults are the stated values of argv.x (camel-cased), a default-less option is run time', () => {
  const [s] = scan(src, 'typescript');
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.equal(s.model?.source?.what, 'default of CLI option --model-name');
  assert.equal(s.maxOutput?.value, 300);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label).sort(), ['argv.system', 'q']);
  // A name not imported from yargs is no options parser.
  const [other] = scan(src.replace('import yargs from "yargs";', 'import yargs from "./my-yargs";'), 'typescript');
  assert.equal(other.model?.id ?? null, null);
});
