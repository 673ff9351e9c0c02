#!/usr/bin/env node
// Prints the o200k_base token count of each given string, so fixture expectations are measured, not guessed.
//
//   node scripts/count-tokens.mjs "first text" "second text"
//   node scripts/count-tokens.mjs --json strings.json     (a JSON string, or an array of strings)
//   node scripts/count-tokens.mjs --sum "a" "b"           (also prints the total)
//
// Special-token text such as "<|endoftext|>" is counted as ordinary text, as a prompt in source code would be.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Tiktoken } = require('js-tiktoken/lite');
const ranks = require('js-tiktoken/ranks/o200k_base');

function usage(message) {
  if (message) process.stderr.write(`count-tokens: ${message}\n`);
  process.stderr.write('usage: count-tokens.mjs [--sum] [--json FILE] [TEXT…]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let sum = false;
const texts = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--sum') sum = true;
  else if (arg === '--json') {
    const file = args[++i];
    if (!file) usage('--json needs a file');
    let data;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      usage(`cannot read ${file}: ${err.message}`);
    }
    const list = Array.isArray(data) ? data : [data];
    for (const item of list) {
      if (typeof item !== 'string') usage(`${file}: every entry must be a string`);
      texts.push(item);
    }
  } else if (arg === '--help' || arg === '-h') usage();
  else texts.push(arg);
}
if (texts.length === 0) usage('no text given');

const enc = new Tiktoken(ranks.default ?? ranks);
let total = 0;
for (const text of texts) {
  const n = enc.encode(text, [], []).length;
  total += n;
  process.stdout.write(`${n}\t${JSON.stringify(text.length > 60 ? text.slice(0, 57) + '...' : text)}\n`);
}
if (sum) process.stdout.write(`${total}\ttotal\n`);
