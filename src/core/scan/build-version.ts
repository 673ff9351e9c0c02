// The first version a build text states, by a list of forms tried in order on each text (XML comments left out, so a
// commented-out dependency is not read): spring-ai-defaults.ts (Spring AI) and koog-release.ts (Koog).
export function firstVersionIn(texts: string[], forms: RegExp[]): string | undefined {
  for (const t of texts) {
    const live = t.replace(/<!--[\s\S]*?-->/g, '');
    for (const re of forms) {
      const m = re.exec(live);
      if (m) return m[1];
    }
  }
  return undefined;
}
