// Whose type a JVM receiver is held as. A framework's interface names are common words (`ChatModel`, `ChatClient`):
// an app may declare its own `interface ChatModel { fun call(prompt: String): String }`, or import one from its own
// package, and `chatModel.call(…)` is then no Spring AI call. The type is the framework's only when the file imports
// it from the framework's packages (`import org.springframework.ai.chat.model.ChatModel`, or a wildcard of them) and
// neither declares nor imports a type of that name from elsewhere.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

interface TypeOrigins {
  /** Simple name (or Kotlin alias) → the imported qualified name. */
  named: Map<string, string>;
  /** Packages imported whole (`import a.b.*`). */
  wild: string[];
  /** Types the file declares (`class T`, `interface T`, `object T`, `record T`, `enum T`). */
  own: Set<string>;
}

const ORIGINS = new KeyMemo<Ctx, TypeOrigins>();
const DECLARES = new Set(['class', 'interface', 'object', 'record', 'enum']);

function origins(c: Ctx): TypeOrigins {
  let o = ORIGINS.get(c);
  if (o) return o;
  o = { named: new Map(), wild: [], own: new Set() };
  const { toks } = c;
  for (let k = 0; k < toks.length; k++) {
    const v = toks[k].v;
    if (DECLARES.has(v) && isId(toks[k + 1]) && !isP(toks[k - 1], '.') && !isP(toks[k - 1], ':')) {
      o.own.add(toks[k + 1].v);
      c.read?.push({ start: toks[k].start, end: toks[k + 1].end });
    }
    if (v !== 'import' || !isId(toks[k + 1])) continue;
    // `import [static] a.b.C [as D][;]`
    let j = k + 1;
    if (toks[j].v === 'static') j++;
    const path: string[] = [];
    while (isId(toks[j])) {
      path.push(toks[j].v);
      if (!isP(toks[j + 1], '.')) break;
      j += 2;
    }
    if (isP(toks[j], '*')) o.wild.push(path.join('.'));
    else if (path.length) {
      const alias = toks[j + 1]?.v === 'as' && isId(toks[j + 2]) ? toks[j + 2].v : path[path.length - 1];
      o.named.set(alias, path.join('.'));
    }
    // Whose a type is follows from these words: an edit of one takes the full analysis (editor/incremental.ts).
    c.read?.push({ start: toks[k].start, end: toks[Math.min(j + 2, toks.length - 1)].end });
    k = j;
  }
  ORIGINS.set(c, o);
  return o;
}

/** The file's type `name` comes from one of `packages` (prefixes such as `org.springframework.ai.`). */
export function typeFrom(c: Ctx, name: string, packages: string[]): boolean {
  const o = origins(c);
  const q = o.named.get(name);
  if (q !== undefined) return packages.some((p) => q.startsWith(p));
  if (o.own.has(name)) return false;
  return o.wild.some((w) => packages.some((p) => `${w}.`.startsWith(p)));
}
