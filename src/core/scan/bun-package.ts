// Bun imports a `.txt` file as its text: "text — Default for .txt. The contents of the text file are read and inlined
// into the bundle as a string. Text files can be directly imported" (https://bun.com/docs/bundler/loaders, Built-in
// loaders; "the bundler and the runtime both support the same set of file types"). Seen in held59
// andriibabiuk/react-express-ai-chatbot packages/server/services/review.service.ts (`import template from
// '../prompts/summarize-reviews.txt'`; scripts `bun run index.ts`, devDependency @types/bun). Other tools give such an
// import a URL (Vite's assets) or need a loader configured, so only a Bun package's is read.
import { ancestors, join } from '../resolve/files';
import { packageRoot } from './package-sources';
import type { EvalScope } from './value';

/** A package.json that runs Bun or types its runtime. */
const BUN_MANIFEST = /"(?:@types\/bun|bun-types)"\s*:|"[^"\n]*"\s*:\s*"(?:bunx?|bun\s[^"\n]*)"/;
/** Bun's lockfiles (text since Bun 1.2, binary before). */
const LOCKS = ['bun.lock', 'bun.lockb'];

/** Is the file's package (the nearest package.json) run by Bun: its manifest says so, or a Bun lockfile sits there or above? */
export function bunPackage(s: EvalScope): boolean {
  const idx = s.index;
  const root = idx ? packageRoot(idx, s.file, 'javascript') : undefined;
  if (!idx || root === undefined) return false;
  return idx.memo(root, 'bun-package', () => {
    if (BUN_MANIFEST.test(idx.text(join(root, 'package.json')) ?? '')) return true;
    return ancestors(root, 4).some((d) => idx.files.list(d)?.some((n) => LOCKS.includes(n)));
  });
}
