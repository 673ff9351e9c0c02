// Every source file of the test fixtures and examples/ (not price sheets or hostile inputs), with its language.
import fs from 'node:fs';
import path from 'node:path';
import { languageIdForFile } from '../../src/core/lex/languages';
import { FIXTURES, ROOT } from '../util';

export function sources(): { file: string; text: string; lang: string }[] {
  const out: { file: string; text: string; lang: string }[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'pricing' && d.name !== 'hostile') walk(p);
      } else {
        const lang = languageIdForFile(p);
        if (lang && !p.endsWith('.json')) out.push({ file: p, text: fs.readFileSync(p, 'utf8'), lang });
      }
    }
  };
  walk(FIXTURES);
  walk(path.join(ROOT, 'examples'));
  return out;
}
