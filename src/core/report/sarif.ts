// A scan as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), for GitHub code
// scanning and other SARIF viewers: one result per finding, the rules with their help, unreadable files as tool
// notifications. test/sarif.test.ts validates the output against the 2.1.0 JSON schema.
import { findingsOf, RULES } from './findings';
import type { Report } from './report';

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(r: Report, o: { budget?: number; version: string }): string {
  const findings = findingsOf(r, o.budget);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prompt-cost',
            version: o.version,
            rules: RULES.map((x) => ({
              id: x.id,
              name: x.name,
              shortDescription: { text: x.short },
              fullDescription: { text: x.help },
              help: { text: x.help },
              defaultConfiguration: { level: x.level },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: r.problems.map((p) => ({
              level: 'warning',
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(p.file), uriBaseId: '%SRCROOT%' }, ...(p.line ? { region: { startLine: p.line } } : {}) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule.id,
          ruleIndex: RULES.indexOf(f.rule),
          level: f.rule.level,
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(f.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.line } } }],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
