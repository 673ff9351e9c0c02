// Nuxt's auto-imports: a Nuxt project (a folder with nuxt.config.*) uses what the top-level files of some folders export
// without importing it. In the server (Nitro) part, `server/utils/`; in the Vue part, `composables/` and `utils/` of the
// source folder (`app/` in Nuxt 4's layout); in both, `shared/utils/`. Sources: nuxt.com/docs/4.x/directory-structure/app/utils
// ("These utils are only available within the Vue part of your app. Only server/utils are auto-imported in the server/
// directory"), nuxt.com/docs/4.x/directory-structure/app/composables ("Nuxt only scans files at the top level of the
// composables/ directory"), nuxt.com/docs/4.x/directory-structure/shared ("Only files in the shared/utils/ and
// shared/types/ directories will be auto-imported"). A route's `generationConfig: GOOGLE_GENERATION_SETTINGS` is then
// that object of server/utils/Google.ts (TutorFx/marketing-thing server/api/v1/Tips.post.ts).
import { ancestors, dirname, join } from '../resolve/files';
import type { EvalScope, Value } from './value';
import { exported } from './imported';
import { jsExported } from './js-callers';
import { isId } from '../lex/brackets';
import type { Token } from '../lex/lexer';

const CONFIG = /^nuxt\.config\.(?:ts|js|mjs|mts|cjs)$/;
const SOURCE = /^(?!.*\.d\.ts$).*\.(?:ts|js|mjs|mts)$/;
/** Files of one auto-import folder read at most. */
const MAX_FILES = 100;

/** What an auto-import folder of the file's Nuxt project exports as `name` (its first file that does). */
export function nuxtAutoImported(s: EvalScope, name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || s.syn.id !== 'javascript') return undefined;
  const root = ancestors(dirname(s.file)).find((d) => idx.files.list(d)?.some((n) => CONFIG.test(n)));
  if (root === undefined) return undefined;
  const rel = root === '' ? s.file : s.file.slice(root.length + 1);
  const src = rel.startsWith('app/') ? 'app/' : '';
  const dirs = rel.startsWith('server/') ? ['server/utils', 'shared/utils'] : [`${src}composables`, `${src}utils`, 'shared/utils'];
  for (const d of dirs) {
    const dir = root === '' ? d : join(root, d);
    const names = (idx.files.list(dir) ?? []).filter((n) => SOURCE.test(n)).slice(0, MAX_FILES);
    for (const n of names) {
      const f = join(dir, n);
      // Only a file that names it is lexed into the index.
      if (f === s.file || !idx.text(f)?.includes(name)) continue;
      const other = idx.scope(f);
      const v = other && exports(other.toks, name) ? exported(other, name, depth + 1) : undefined;
      if (v) return v;
    }
  }
  return undefined;
}

const DECLARES = new Set(['const', 'let', 'var', 'function', 'class']);

/** Does the module export `name` (`export const name`, `export function name`, `export { name }`)? Only exports are
 * auto-imported. */
function exports(toks: Token[], name: string): boolean {
  for (let k = 1; k < toks.length; k++) if (isId(toks[k]) && toks[k].v === name && DECLARES.has(toks[k - 1].v)) return jsExported(toks, k, name);
  return false;
}
