// The CLI run in a folder (it reads paths relative to the working folder), its output and errors captured.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/main';

export function cli(argv: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return { code: run(argv, (s) => (out += s), (s) => (err += s)), out, err };
  } finally {
    process.chdir(before);
  }
}

/**
 * The JSON rows of a fixture (file or folder) scanned from a copy outside test/, where a file is told to batch (one
 * under a test folder never is), at the given date; the copy is removed.
 */
export function scanCopy<Row>(fixture: string, at: string): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-copy-'));
  const target = path.join(dir, path.basename(fixture));
  fs.cpSync(fixture, target, { recursive: true });
  let out = '';
  try {
    assert.equal(run(['scan', target, '--format', 'json', '--at', at], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (JSON.parse(out) as { calls: Row[] }).calls;
}

/** The JSON rows of `files` (relative path → text) written to a new folder and scanned at the given date; the folder is removed. */
export function scanFiles<Row>(files: Record<string, string>, at: string, prefix = 'pc-files-'): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let out = '';
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    assert.equal(run(['scan', dir, '--format', 'json', '--at', at], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (JSON.parse(out) as { calls: Row[] }).calls;
}
