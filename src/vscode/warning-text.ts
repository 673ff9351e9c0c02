// A warning's text as the Problems view and the editor hover show it. A deprecation's citation ("(source: OpenAI
// deprecations page (https://…), 2026-10-14 "GPT-4 family model deprecations" (copies: …): …)") runs to 400
// characters, and VS Code puts a diagnostic's hover above the lens's own, so on every gpt-4o or gpt-4.1 call it pushed
// the cost hover (and its "From" links) below the fold. The message keeps the facts (model, date, replacement) and the
// address the citation names, shortened; the full citation stays behind the diagnostic's code, a link to that address
// (Diagnostic.code { value, target }), and in the CLI's and the report's text. No address in it: the text is kept whole.

const ADDRESS = /https?:\/\/[^\s)"',;]+/;

export interface DiagnosticText {
  message: string;
  /** The address the citation names: the diagnostic code's link. */
  link?: string;
}

export function diagnosticText(text: string): DiagnosticText {
  const at = text.indexOf(' (source: ');
  if (at < 0) return { message: text };
  const cited = text.slice(at + ' (source: '.length, text.endsWith(')') ? -1 : undefined);
  const link = ADDRESS.exec(cited)?.[0].replace(/[.:]$/, '');
  if (!link) return { message: text };
  return { message: `${text.slice(0, at)} (source: ${link.replace(/^https?:\/\//, '').replace(/\/$/, '')})`, link };
}
