// The CLI run in a folder (it reads paths relative to the working folder), its output and errors captured.
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
