// Environment reads the code states: `os.getenv("MODEL")`, `os.environ["MODEL"]`, `process.env.MODEL`, `ENV["MODEL"]`.
// With no default written in code, the value a `.env.example` / `.env.sample` documents is taken (a weak value: a
// default written in code wins over it); else the value is known only at run time.
import { envExample } from '../resolve/env-example';
import { dirname } from '../resolve/files';
import type { EvalScope, Value } from './value';

export function envValue(s: EvalScope, key: string): Value {
  const hit = s.index && key ? envExample(s.index.files, dirname(s.file), key) : undefined;
  if (!hit) return { runtime: `env ${key}` };
  const base = hit.file.slice(hit.file.lastIndexOf('/') + 1);
  const source = { file: hit.file, offset: hit.offset, what: `${key} in ${base}` };
  const num = /^\d+$/.test(hit.value) ? Number(hit.value) : undefined;
  return { str: hit.value, ...(num !== undefined ? { num } : {}), weak: true, source };
}

/** Names that hold the environment when indexed: `os.environ[…]`, `ENV[…]`, `process.env[…]`. */
export function envIndexed(names: string[]): boolean {
  const last = names[names.length - 1];
  return (last === 'environ' && names.length <= 2) || (last === 'ENV' && names.length === 1) || (last === 'env' && names[0] === 'process' && names.length === 2);
}
