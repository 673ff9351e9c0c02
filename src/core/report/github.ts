// A scan as GitHub Actions workflow commands (`::warning file=…,line=…,title=…::message`), so a CI job annotates
// the lines of a pull request. Escaping as @actions/core's command.ts does: in the message `%`, CR and LF; in a
// property also `:` and `,` (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts).
import { findingsOf, type Level } from './findings';
import type { Report } from './report';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function toGithub(r: Report, o: { budget?: number } = {}): string {
  const lines = findingsOf(r, o.budget).map(
    (f) => `::${COMMAND[f.rule.level]} file=${escapeProperty(f.file)},line=${f.line},title=${escapeProperty(`Prompt Cost: ${f.title}`)}::${escapeData(f.message)}`,
  );
  for (const p of r.problems) lines.push(`::warning file=${escapeProperty(p.file)}${p.line ? `,line=${p.line}` : ''},title=${escapeProperty('Prompt Cost: file skipped')}::${escapeData(p.message)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
