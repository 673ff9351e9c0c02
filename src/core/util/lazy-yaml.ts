// The YAML parser is 258 KB of the engine's 425 KB bundle and only price sheets read from YAML and prompt files
// need it (shipped prices come prebuilt as JSON). Required on first use, so loading the engine does not run it:
// module load 60 → 35 ms (npm run bench, lensFirst requireMs).
import type * as Yaml from 'yaml';

let mod: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (mod ??= require('yaml') as typeof Yaml);
}
