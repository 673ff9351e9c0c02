// alfianlosari/ChatGPTSwift's `api.sendMessage(text:…)` / `sendMessageStream(text:…)`: what the client adds to the call.
// Read in github.com/alfianlosari/ChatGPTSwift at every tag, Sources/ChatGPTSwift/ChatGPTAPI.swift:
// - the default model: 1.0.0–1.1.1 `init(apiKey:model: String = "gpt-3.5-turbo")`, 1.2.0–1.7.0
//   `Constants.defaultModel = "gpt-3.5-turbo"`, 2.0.0–2.2.2 `model: … = .gpt_hyphen_4`, 2.2.3–2.4.4 `.gpt_hyphen_4o`,
//   2.5.0 `.gpt_hyphen_4_period_1` (GeneratedSources/Types.swift: `case gpt_hyphen_4_period_1 = "gpt-4.1"`); 0.0.x sent
//   text-davinci models to the completions API, not priced here. Priced only when the project pins the release
//   (Package.resolved, an Xcode project's package requirement, Package.swift); otherwise named and unpriced.
// - the system text when the call gives none: `Constants.defaultSystemText = "You're a helpful assistant"` (1.2.0 on).
// - `maxTokens:` first in 2.3.1 (commit f8b052c, "add stop, responseFormat, maxTokens params to sendMessage and
//   callTools": sendMessage / sendMessageStream `maxTokens: Int? = nil`, sent as max_tokens only when given; no release
//   before it has the word): before it no limit can be set, so no limit is advised; when the release is not pinned, or
//   the pinned range also holds earlier releases, the advice names the first release that has it.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { ancestors, dirname, join } from '../resolve/files';
import type { CallSite } from '../types';
import { args } from './calls';
import type { Ctx } from './values';

const SYSTEM_TEXT = "You're a helpful assistant";

/** From each release on (inclusive), the model sendMessage sends when the call names none. */
const BANDS: { from: number[]; model: string }[] = [
  { from: [1, 0, 0], model: 'gpt-3.5-turbo' },
  { from: [2, 0, 0], model: 'gpt-4' },
  { from: [2, 2, 3], model: 'gpt-4o' },
  { from: [2, 5, 0], model: 'gpt-4.1' },
];
const MAX_TOKENS_FROM = [2, 3, 1];

type Pin = { lo: number[]; hi: number[]; written: string; file: string };

/** Tokens looked at for the receiver's binding. */
const MAX_TOKENS = 200000;

/**
 * The call's model, system text and limit as the client sends them; `first` the method's name, `open` its bracket.
 * False when the receiver is not a ChatGPTAPI the file makes or declares (`let api = ChatGPTAPI(apiKey:)`, `var client:
 * ChatGPTAPI?`): an app's own service of that method name (gph4ppy/MessAIges ChatViewModel.swift:92
 * `apiService.sendMessage(text:) { … }`) is not this call.
 */
export function chatgptSwiftCall(c: Ctx, site: CallSite, first: number, open: number): boolean {
  const { toks, match } = c;
  if (!isP(toks[first - 1], '.') && !isP(toks[first - 1], '?.')) return false;
  const recv = first - 2;
  if (!isId(toks[recv]) || !binding(c, toks[recv].v)) return false;
  const a = args(c, open, match[open] < 0 ? Math.min(toks.length - 1, open + 2000) : match[open]);
  const given = new Set(a.map((x) => x.key));
  if (!given.has('systemText')) site.parts.unshift({ text: SYSTEM_TEXT, span: site.anchor, resolved: true, source: { offset: site.anchor.start, what: 'ChatGPTAPI.Constants.defaultSystemText' } });
  const m = a.find((x) => x.key === 'model');
  // `.gpt_hyphen_4o_hyphen_mini`: the generated enum's case, its raw value the id (swift-openapi-generator's defensive
  // names, `_hyphen_` for "-" and `_period_` for "."; ChatGPTSwift GeneratedSources/Types.swift at 2.5.0).
  if (m && m.to === m.from + 2 && isP(toks[m.from], '.') && isId(toks[m.from + 1]) && toks[m.from + 1].v.includes('_hyphen_')) {
    const t = toks[m.from + 1];
    site.model = { id: t.v.replace(/_hyphen_/g, '-').replace(/_period_/g, '.'), span: { start: toks[m.from].start, end: t.end }, kind: 'constant' };
    site.modelUnresolved = undefined;
  }
  const pin = m ? undefined : pinned(c);
  if (pin) {
    const lo = bandOf(pin.lo);
    if (lo && lo === bandOf(pin.hi)) {
      site.model = { id: lo.model, span: site.anchor, kind: 'constant', unwritten: true, source: { offset: site.anchor.start, what: `default model of ChatGPTSwift ${pin.written} (pinned in ${pin.file.split('/').pop()})` } };
      site.modelUnresolved = undefined;
    }
  }
  // A release with no maxTokens parameter: no limit to set (its requests carry none).
  if (pin && cmp(pin.hi, MAX_TOKENS_FROM) < 0 && !site.maxOutput) site.limitUnnamed = { host: `ChatGPTSwift ${pin.written}`, param: 'max_tokens (sendMessage has no maxTokens before 2.3.1)' };
  // Not pinned, or a range that holds releases without it (`from: "2.0.0"`): a bare "Set maxTokens" would not build on them.
  else if ((!pin || cmp(pin.lo, MAX_TOKENS_FROM) < 0) && site.limitParam === 'maxTokens') site.limitParam = 'maxTokens (ChatGPTSwift 2.3.1 or later)';
  return true;
}

/** Whether the file binds `name` to a ChatGPTAPI: `name = ChatGPTAPI(` or `name: ChatGPTAPI`; the binding is read. */
function binding(c: Ctx, name: string): boolean {
  const { toks } = c;
  for (let k = 0; k + 2 < toks.length && k < MAX_TOKENS; k++) {
    if (toks[k].v !== name || toks[k].t !== T.Id || !(isP(toks[k + 1], '=') || isP(toks[k + 1], ':')) || toks[k + 2].v !== 'ChatGPTAPI') continue;
    c.read?.push({ start: toks[k].start, end: toks[k + 2].end });
    return true;
  }
  return false;
}

/** The ChatGPTSwift release the project pins, as a range [lo, hi]. */
function pinned(c: Ctx): Pin | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  for (const dir of ancestors(dirname(c.file))) {
    const pin = index.memo(dir, 'ChatGPTSwift pin', () => {
      const files = index.files;
      const cands: string[] = [];
      if (files.list(dir)?.includes('Package.resolved')) cands.push(join(dir, 'Package.resolved'));
      for (const f of files.folders?.(dir) ?? []) {
        if (f.endsWith('.xcodeproj')) cands.push(join(dir, f, 'project.xcworkspace/xcshareddata/swiftpm/Package.resolved'), join(dir, f, 'project.pbxproj'));
        else if (f.endsWith('.xcworkspace')) cands.push(join(dir, f, 'xcshareddata/swiftpm/Package.resolved'));
      }
      if (files.list(dir)?.includes('Package.swift')) cands.push(join(dir, 'Package.swift'));
      for (const file of cands) {
        const v = versionIn(files.read(file) ?? '', file);
        if (v) return { ...v, file };
      }
      return undefined;
    });
    if (pin) return pin;
  }
  return undefined;
}

/** The ChatGPTSwift version or range a manifest states. */
function versionIn(text: string, file: string): Omit<Pin, 'file'> | undefined {
  const at = text.search(/chatgptswift/i);
  if (at < 0) return undefined;
  const tail = text.slice(at, at + 600);
  if (file.endsWith('Package.resolved')) {
    // v2/v3 `"identity" : "chatgptswift", … "version" : "2.3.0"`; v1 `"package": "ChatGPTSwift", … "version": "1.3.1"`.
    const v = /"version"\s*:\s*"(\d+\.\d+\.\d+)"/.exec(tail.split('}')[0] + '}');
    return v ? { lo: nums(v[1]), hi: nums(v[1]), written: v[1] } : undefined;
  }
  if (file.endsWith('.pbxproj')) {
    // `XCRemoteSwiftPackageReference "ChatGPTSwift" */ = { … requirement = { kind = upToNextMajorVersion; minimumVersion = 1.0.0; };`
    const ref = text.indexOf('XCRemoteSwiftPackageReference "ChatGPTSwift" */ = {');
    if (ref < 0) return undefined;
    const body = text.slice(ref, ref + 600).split('};')[0];
    const kind = /kind = (\w+);/.exec(body)?.[1];
    const v = /(?:minimumVersion|version) = ([\d.]+);/.exec(body)?.[1];
    if (!v || !/^\d+\.\d+\.\d+$/.test(v)) return undefined;
    if (kind === 'exactVersion') return { lo: nums(v), hi: nums(v), written: v };
    if (kind === 'upToNextMajorVersion') return { lo: nums(v), hi: [nums(v)[0], 999, 999], written: `${v} up to next major` };
    if (kind === 'upToNextMinorVersion') return { lo: nums(v), hi: [nums(v)[0], nums(v)[1], 999], written: `${v} up to next minor` };
    return undefined;
  }
  // Package.swift: `.package(url: "https://github.com/alfianlosari/ChatGPTSwift.git", exact: "2.3.0")` / `from: "1.3.1"`.
  const p = /^[^)]*?(exact|from)\s*:\s*"(\d+\.\d+\.\d+)"/.exec(tail);
  if (!p) return undefined;
  return p[1] === 'exact' ? { lo: nums(p[2]), hi: nums(p[2]), written: p[2] } : { lo: nums(p[2]), hi: [nums(p[2])[0], 999, 999], written: `from ${p[2]}` };
}

const nums = (v: string): number[] => v.split('.').map(Number);
function cmp(a: number[], b: number[]): number {
  for (let k = 0; k < 3; k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) - (b[k] ?? 0);
  return 0;
}
function bandOf(v: number[]): (typeof BANDS)[number] | undefined {
  let out: (typeof BANDS)[number] | undefined;
  for (const b of BANDS) if (cmp(v, b.from) >= 0) out = b;
  return out;
}
