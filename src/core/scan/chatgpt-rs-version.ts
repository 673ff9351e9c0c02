// The chatgpt_rs release a crate builds with, where it changes what is sent (Maxuss/chatgpt_rs, src/config.rs by tag):
// up to 1.1.13 ModelConfiguration has no max_tokens (none is sent, none can be set); 1.1.14 (dc472f7, 2023-08-18)
// to 1.2.2 have `max_tokens: u32` defaulting to 16, always sent; 1.2.3 (18532c2 "Made max tokens infinite by
// default") `Option<u32>`, None and then left out of the request.
import { ancestors, dirname, join } from '../resolve/files';
import type { Ctx } from './values';

const CRATE = 'chatgpt_rs';
/** The first release whose ModelConfiguration has max_tokens, and the first whose default sends none. */
const HAS_LIMIT = [1, 1, 14];
const NO_DEFAULT = [1, 2, 3];
/** The default max_tokens of 1.1.14 – 1.2.2 (src/config.rs `max_tokens: 16`). */
export const OLD_DEFAULT_LIMIT = 16;

/** The release: the nearest Cargo.lock's, else the nearest Cargo.toml's requirement when it names one release line:
 * exact (`=1.2.0`), or a 0.x (a caret or tilde requirement on 0.x stays within 0.x). Undefined: the newest 1.x, to
 * which any other 1.x requirement (Cargo's default is caret: "1.1" is ^1.1) resolves without a lock. */
export function chatgptRsVersion(c: Ctx): number[] | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  let required: number[] | undefined;
  let manifest = false;
  for (const dir of ancestors(dirname(c.file))) {
    const names = index.files.list(dir);
    if (!names) continue;
    if (names.includes('Cargo.lock')) {
      const locked = index.memo(dir, `chatgpt_rs lock`, () => lockedVersion(index.files.read(join(dir, 'Cargo.lock')) ?? ''));
      return locked ?? required;
    }
    if (!manifest && names.includes('Cargo.toml')) {
      manifest = true;
      required = index.memo(dir, `chatgpt_rs req`, () => requirement(index.files.read(join(dir, 'Cargo.toml')) ?? ''));
    }
  }
  return required;
}

/** What the release sends for a limit the code does not set: 16 (1.1.14 – 1.2.2), or nothing. */
export function defaultLimit(v: number[] | undefined): number | undefined {
  return v && !older(v, HAS_LIMIT) && older(v, NO_DEFAULT) ? OLD_DEFAULT_LIMIT : undefined;
}

/** The advice's setting for a release without max_tokens: upgrade first. Undefined: the row's own `.max_tokens({n})`. */
export function limitParamFor(v: number[] | undefined): string | undefined {
  return v && older(v, HAS_LIMIT) ? `.max_tokens({n}) to the ModelConfigurationBuilder after upgrading chatgpt_rs to 1.1.14 or later (${v.join('.')} has no max_tokens)` : undefined;
}

/** `[[package]]` `name = "chatgpt_rs"` then `version = "1.1.7"`. */
function lockedVersion(text: string): number[] | undefined {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trim() !== `name = "${CRATE}"`) continue;
    const m = /^version = "(\d+)\.(\d+)\.(\d+)/.exec(lines[i + 1].trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
  }
  return undefined;
}

/** `chatgpt_rs = "=1.2.0"`, `chatgpt_rs = { version = "0.6", … }`: an exact requirement, or one on 0.x. */
function requirement(text: string): number[] | undefined {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith(CRATE) || !/^chatgpt_rs\s*=/.test(t)) continue;
    const m = /"\s*(=|\^|~)?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(t);
    if (!m || (m[1] !== '=' && m[2] !== '0')) return undefined;
    return [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  }
  return undefined;
}

function older(v: number[], than: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== than[i]) return v[i] < than[i];
  return false;
}
