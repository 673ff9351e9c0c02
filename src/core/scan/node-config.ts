// node-config (npm `config`): `import config from "config"`, `const config = require("config")`, then
// `config.get("openai.model")` (a dotted path) or `config.openai.model`. The package reads `config/default.EXT` in the
// folder the app runs from (https://github.com/node-config/node-config/wiki/Configuration-Files: default.json,
// default.yaml / .yml among others; NODE_CONFIG_DIR moves the folder, and a NODE_ENV file such as production.json
// may override a key at run time). The default file is what the code states; each key is read where it is asked for
// (config-loads.ts), so secrets beside a model name are never read.
import { ancestors, dirname, join } from '../resolve/files';
import type { ConfigFormat } from '../resolve/config-files';
import type { EvalScope, Value } from './value';

/** The package's name, as imported or required. */
export const NODE_CONFIG = 'config';

const FILES: [string, ConfigFormat][] = [['default.json', 'json'], ['default.yaml', 'yaml'], ['default.yml', 'yaml']];

/** The settings document `config` gives: the nearest `config/default.*` above the file, or undefined. */
export function nodeConfig(s: EvalScope): Value | undefined {
  const idx = s.index;
  if (!idx || s.syn.id !== 'javascript') return undefined;
  for (const dir of ancestors(dirname(s.file))) {
    for (const [name, format] of FILES) {
      const file = join(dir, 'config', name);
      if (idx.text(file) !== undefined) return { obj: { kind: 'doc', scope: s, format, files: [file], path: [], dotted: true } };
    }
  }
  return undefined;
}
