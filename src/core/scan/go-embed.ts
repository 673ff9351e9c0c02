// Go `//go:embed` (https://pkg.go.dev/embed): the directive above a package-level `var` fills it from files of the
// package's folder at build time. `var s string` and `var b []byte` hold one file's contents; `var f embed.FS`
// holds a file tree whose `f.ReadFile("path")` paths are relative to the package folder.
import type { EvalScope, Value } from './value';
import { readPromptFile } from './file-reads';

interface Embed {
  /** The first pattern of the directive. */
  path: string;
  fs: boolean;
}

const DIRECTIVE = '//go:embed ';
/** The var the directive applies to: its name and type; `var` is left out in a `var ( … )` group (gohandson/genai-ja
 * genaichat/prompt.go: `var ( //go:embed prompt_template.txt` / `promptTmplFile string`). embed: "The //go:embed
 * directive must immediately precede a line containing the declaration of a single variable. Only blank lines and ‘//’
 * line comments are permitted between the directive and the declaration" (https://pkg.go.dev/embed#hdr-Directives). */
const EMBED_VAR = /^\s*(?:var\s+)?(\w+)\s+(string|\[\]byte|embed\.FS)\b/;
/** Lines looked at below a directive for its var (comments and further directives may come between). */
const MAX_LINES = 8;

function goEmbeds(s: EvalScope & { embeds?: Map<string, Embed> }): Map<string, Embed> {
  if (s.embeds) return s.embeds;
  const out = new Map<string, Embed>();
  for (let i = s.text.indexOf(DIRECTIVE); i >= 0; i = s.text.indexOf(DIRECTIVE, i + 1)) {
    const nl = s.text.indexOf('\n', i);
    if (nl < 0) break;
    const path = s.text.slice(i + DIRECTIVE.length, nl).trim().split(/\s+/)[0]?.replace(/^"(.*)"$/, '$1');
    const m = varBelow(s.text, nl + 1);
    if (m && path) out.set(m[1], { path, fs: m[2] === 'embed.FS' });
  }
  s.embeds = out;
  return out;
}

/** The value of an embedded var `name` of a Go file: a file's text, or an embed.FS read relative to the package folder. */
export function goEmbedded(s: EvalScope, name: string): Value | undefined {
  const e = goEmbeds(s).get(name);
  if (!e) return undefined;
  return e.fs ? { embedFs: s } : readPromptFile(s, e.path);
}

/** The first line below `from` that is neither blank nor a comment, matched as the embedded var. */
function varBelow(text: string, from: number): RegExpExecArray | null {
  let at = from;
  for (let n = 0; n < MAX_LINES && at < text.length; n++) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    if (line.trim() && !line.trimStart().startsWith('//')) return EMBED_VAR.exec(line);
    if (nl < 0) break;
    at = nl + 1;
  }
  return null;
}
