// String and comment syntax per language: one row each, read by the lexer. Adding a language is adding a row.

/**
 * How a string form marks an interpolation hole. 'brace': `{x}`, `{x!r:>10}`, `{{` (Python); 'brace-aligned': the same
 * with C#'s alignment, `{x,10:N2}` (learn.microsoft.com/dotnet/csharp/language-reference/tokens/interpolated).
 */
export type HoleKind = 'brace' | 'brace-aligned' | 'brace-2' | 'brace-3' | 'dollar-brace' | 'kotlin' | 'hash-brace' | 'swift' | 'php';

export interface StringForm {
  open: string;
  close: string;
  /** Backslash escapes are decoded. */
  escapes: boolean;
  holes?: HoleKind;
  /** Strip common indentation and the opening/closing blank lines (Java text blocks, Swift, C# raw). */
  dedent?: boolean;
  /** May span lines (otherwise a newline ends an unterminated literal). */
  multiline: boolean;
  /** A closing delimiter on its own line leaves the last newline in the text (Java text blocks, JLS 3.10.6). */
  finalNewline?: boolean;
  /** Backslash escapes only the quote and itself (PHP and Ruby single quotes). */
  quoteEscapeOnly?: boolean;
  /** `""` inside the literal stands for one quote (C# verbatim). */
  doubledQuote?: boolean;
  /** A backslash keeps the character after it in the literal, itself kept (Python raw strings). */
  keepEscaped?: boolean;
}

/** A prefix that changes the literal that follows it: Python `f`/`r`, C# `@`/`$`, Rust `b`. */
export interface StringPrefix {
  prefix: string;
  raw?: boolean;
  holes?: HoleKind;
  verbatim?: boolean;
  /** With raw: a backslash still keeps the next character (a quote) inside the literal, both kept (Python). */
  keepEscaped?: boolean;
}

export interface LangSyntax {
  id: string;
  lineComments: string[];
  blockComments: [string, string][];
  /** Block comments nest (Rust, Swift, Kotlin). */
  nestedComments?: boolean;
  /** Longest opener first. */
  strings: StringForm[];
  prefixes: StringPrefix[];
  /** Prefixes match case-insensitively (Python `F"…"`, `Rb"…"`). */
  prefixesIgnoreCase?: boolean;
  /** `'x'` is a character literal, and a lone `'` a Rust lifetime: not a string. */
  charQuote?: boolean;
  /** Rust `r#"…"#`, Swift `#"…"#`. */
  hashRaw?: 'rust' | 'swift';
  heredoc?: 'ruby' | 'php';
  /** Ruby `%q(…)`, `%Q[…]`, `%(…)`. */
  percentStrings?: boolean;
  /** Characters besides letters, digits and `_` allowed in identifiers. */
  identExtra: string;
  /** A backslash-newline in a literal also skips the next line's indentation (Rust). */
  continuationSkipsIndent?: boolean;
  /** `.` also concatenates strings (PHP). */
  dotConcat?: boolean;
  /** `/…/flags` where an expression starts is a regular expression (JavaScript, Ruby): one token, see regex-reader.ts. */
  regexLiterals?: boolean;
}

const dq = (holes?: HoleKind): StringForm => ({ open: '"', close: '"', escapes: true, holes, multiline: false });
const sq = (holes?: HoleKind): StringForm => ({ open: "'", close: "'", escapes: true, holes, multiline: false });
const cLike = { lineComments: ['//'], blockComments: [['/*', '*/']] as [string, string][] };

export const LANGUAGES: Record<string, LangSyntax> = {
  python: {
    id: 'python',
    lineComments: ['#'],
    blockComments: [],
    strings: [
      { open: '"""', close: '"""', escapes: true, multiline: true },
      { open: "'''", close: "'''", escapes: true, multiline: true },
      dq(),
      sq(),
    ],
    prefixes: [
      // "Even in a raw literal, quotes can be escaped with a backslash, but the backslash remains in the result"
      // (Python reference, 2.4.1 String and Bytes literals): `r'([\'"]?)'` is one string.
      { prefix: 'rb', raw: true, keepEscaped: true }, { prefix: 'br', raw: true, keepEscaped: true },
      { prefix: 'fr', raw: true, holes: 'brace', keepEscaped: true }, { prefix: 'rf', raw: true, holes: 'brace', keepEscaped: true },
      { prefix: 'f', holes: 'brace' }, { prefix: 'r', raw: true, keepEscaped: true }, { prefix: 'b' }, { prefix: 'u' },
    ],
    prefixesIgnoreCase: true,
    identExtra: '',
  },
  javascript: {
    id: 'javascript',
    ...cLike,
    strings: [{ open: '`', close: '`', escapes: true, holes: 'dollar-brace', multiline: true }, dq(), sq()],
    prefixes: [],
    identExtra: '$',
    regexLiterals: true,
  },
  go: {
    id: 'go',
    ...cLike,
    strings: [{ open: '`', close: '`', escapes: false, multiline: true }, dq()],
    prefixes: [],
    charQuote: true,
    identExtra: '',
  },
  java: {
    id: 'java',
    ...cLike,
    strings: [{ open: '"""', close: '"""', escapes: true, multiline: true, dedent: true, finalNewline: true }, dq()],
    prefixes: [],
    charQuote: true,
    identExtra: '$',
  },
  kotlin: {
    id: 'kotlin',
    nestedComments: true,
    ...cLike,
    strings: [{ open: '"""', close: '"""', escapes: false, holes: 'kotlin', multiline: true }, dq('kotlin')],
    prefixes: [],
    charQuote: true,
    identExtra: '',
  },
  csharp: {
    id: 'csharp',
    ...cLike,
    strings: [{ open: '"""', close: '"""', escapes: false, multiline: true, dedent: true }, dq()],
    prefixes: [
      { prefix: '$@', verbatim: true, holes: 'brace-aligned' }, { prefix: '@$', verbatim: true, holes: 'brace-aligned' },
      // Raw interpolated strings: as many braces open a hole as the `$` signs before the quotes, fewer are text
      // (learn.microsoft.com/dotnet/csharp/language-reference/tokens/raw-string, "Raw string literals … interpolation").
      { prefix: '$$$', holes: 'brace-3' }, { prefix: '$$', holes: 'brace-2' },
      { prefix: '$', holes: 'brace-aligned' }, { prefix: '@', verbatim: true },
    ],
    charQuote: true,
    identExtra: '',
  },
  ruby: {
    id: 'ruby',
    lineComments: ['#'],
    blockComments: [['=begin', '=end']],
    // Both quotes span lines (docs.ruby-lang.org/en/3.3/syntax/literals_rdoc.html "String Literals"): a prompt written
    // as one "…#{user_input}…" of 30 lines (0alfred00/storyai app/workers/stories_worker.rb) was cut at its first line.
    strings: [{ ...dq('hash-brace'), multiline: true }, { open: "'", close: "'", escapes: false, quoteEscapeOnly: true, multiline: true }],
    prefixes: [],
    heredoc: 'ruby',
    percentStrings: true,
    regexLiterals: true,
    // `@model` / `@@model` are one name (an instance or class variable), as PHP's `$x` is.
    identExtra: '?!@',
  },
  rust: {
    id: 'rust',
    nestedComments: true,
    ...cLike,
    strings: [{ open: '"', close: '"', escapes: true, multiline: true }],
    prefixes: [{ prefix: 'b' }],
    charQuote: true,
    hashRaw: 'rust',
    continuationSkipsIndent: true,
    identExtra: '',
  },
  php: {
    id: 'php',
    lineComments: ['//', '#'],
    blockComments: [['/*', '*/']],
    strings: [{ ...dq('php'), multiline: true }, { open: "'", close: "'", escapes: false, quoteEscapeOnly: true, multiline: true }],
    prefixes: [],
    heredoc: 'php',
    identExtra: '$',
    dotConcat: true,
  },
  swift: {
    id: 'swift',
    nestedComments: true,
    ...cLike,
    strings: [{ open: '"""', close: '"""', escapes: true, holes: 'swift', multiline: true, dedent: true }, dq('swift')],
    prefixes: [],
    hashRaw: 'swift',
    identExtra: '',
  },
  c: {
    id: 'c',
    ...cLike,
    strings: [dq()],
    prefixes: [],
    charQuote: true,
    identExtra: '',
  },
};

/** VS Code language ids that share a row. */
const ALIASES: Record<string, string> = {
  typescript: 'javascript',
  typescriptreact: 'javascript',
  javascriptreact: 'javascript',
  vue: 'javascript',
  svelte: 'javascript',
  astro: 'javascript',
  'c#': 'csharp',
  cpp: 'c',
  scala: 'java',
  dart: 'javascript',
};

/**
 * Rows, string forms and prefixes rebuilt with every field present in one order: one hidden class each, so the
 * lexer's property reads stay monomorphic across languages. Rows written with spreads and optional fields had a
 * shape per language, and each new language deoptimised the lexer ("wrong map", node --trace-deopt).
 */
function normalRow(r: LangSyntax): LangSyntax {
  return {
    id: r.id,
    lineComments: r.lineComments,
    blockComments: r.blockComments,
    nestedComments: r.nestedComments ?? false,
    strings: r.strings.map((f) => ({
      open: f.open,
      close: f.close,
      escapes: f.escapes,
      holes: f.holes,
      dedent: f.dedent ?? false,
      multiline: f.multiline,
      finalNewline: f.finalNewline ?? false,
      quoteEscapeOnly: f.quoteEscapeOnly ?? false,
      doubledQuote: f.doubledQuote ?? false,
    })),
    prefixes: r.prefixes.map((p) => ({ prefix: p.prefix, raw: p.raw ?? false, holes: p.holes, verbatim: p.verbatim ?? false, keepEscaped: p.keepEscaped ?? false })),
    prefixesIgnoreCase: r.prefixesIgnoreCase ?? false,
    charQuote: r.charQuote ?? false,
    hashRaw: r.hashRaw,
    heredoc: r.heredoc,
    percentStrings: r.percentStrings ?? false,
    identExtra: r.identExtra,
    continuationSkipsIndent: r.continuationSkipsIndent ?? false,
    dotConcat: r.dotConcat ?? false,
    regexLiterals: r.regexLiterals ?? false,
  };
}
const NORMAL: Record<string, LangSyntax> = Object.fromEntries(Object.entries(LANGUAGES).map(([k, r]) => [k, normalRow(r)]));

export function syntaxFor(languageId: string): LangSyntax {
  return NORMAL[languageId] ?? NORMAL[ALIASES[languageId] ?? ''] ?? NORMAL.c;
}

/** Prompt-file formats: front matter + body, handled by scan/prompt-file.ts. */
export const PROMPT_FILE_LANGUAGES = new Set(['prompty', 'dotprompt']);

const EXTENSIONS: Record<string, string> = {
  '.py': 'python', '.pyi': 'python',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
  '.go': 'go', '.java': 'java', '.kt': 'kotlin', '.kts': 'kotlin', '.cs': 'csharp',
  // Rake tasks are Ruby (lib/tasks/*.rake, the Rakefile): Rails apps call their LLM services from them.
  '.rb': 'ruby', '.rake': 'ruby', '.rs': 'rust', '.php': 'php', '.swift': 'swift',
  '.prompty': 'prompty', '.prompt': 'dotprompt',
  // Components: their script blocks are read (lex/components.ts). VS Code's ids: `vue` is a known identifier
  // (https://code.visualstudio.com/docs/languages/identifiers); `svelte` and `astro` are the ids the Svelte and Astro extensions contribute.
  '.vue': 'vue', '.svelte': 'svelte', '.astro': 'astro',
};

/** Language ids the scanner knows, for activation and the workspace report. */
export const SUPPORTED_LANGUAGE_IDS = [
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'kotlin',
  'csharp', 'ruby', 'rust', 'php', 'swift', 'prompty', 'dotprompt', 'vue', 'svelte', 'astro',
];

export function languageIdForFile(fileName: string): string | undefined {
  if (/(?:^|[\\/])Rakefile$/.test(fileName)) return 'ruby';
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  return EXTENSIONS[fileName.slice(dot).toLowerCase()];
}

export function isSupported(languageId: string, fileName = ''): boolean {
  return SUPPORTED_LANGUAGE_IDS.includes(languageId) || languageIdForFile(fileName) !== undefined;
}
