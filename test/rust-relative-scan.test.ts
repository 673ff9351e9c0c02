// A relative scan (`prompt-cost scan .` beside Cargo.toml) names the crate's files `src/…` and its top `.`: the crate's
// `src` is found there too (scan/rust-crate.ts crateSrc). Before, the walk up from `src` reached '' and stopped, so a
// request built by a method of the crate's own struct priced the model's maximum in a relative scan and the right
// limit in an absolute one (held38 C09, Feanor306/rust_gpt_cli, scored with `cd app && scan .`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

test('Rust: a relative scan of a crate reads the same limit as an absolute one', () => {
  const crate = path.join(FIXTURES, 'rust/env_getter');
  const text = fs.readFileSync(path.join(crate, 'src/client.rs'), 'utf8');
  const abs = findSites(text, 'rust', path.join(crate, 'src/client.rs'), undefined, diskIndex()).sites[0];
  const cwd = process.cwd();
  process.chdir(crate);
  try {
    const rel = findSites(text, 'rust', 'src/client.rs', undefined, diskIndex()).sites[0];
    assert.equal(abs.maxOutput?.value, 1200);
    assert.equal(rel.maxOutput?.value, abs.maxOutput?.value);
    assert.equal(rel.model?.id, abs.model?.id);
  } finally {
    process.chdir(cwd);
  }
});
