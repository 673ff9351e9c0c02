// One object shape for every file scope the readers are handed: the scanned file's context (scanner.ts), an indexed
// file (value-index.ts), a JSON body read as its own file (http-json.ts). Readers attach their per-file caches and
// per-call flags to the scope as they go (`c.tables`, `c.listMessages`, …); added one by one, in the order each file's
// calls happened to need them, they gave every file its own chain of hidden classes, and V8 read `c.toks`, `c.syn`, …
// in every reader through a megamorphic inline cache. Declared here once, in one order, they stay one shape (the bench
// corpus's exact analysis: 0.84–0.90 of the CPU time). A field missing here still works, as a slower added property.
import type { Token } from '../lex/lexer';
import type { LangSyntax } from '../lex/languages';
import type { Constants } from './user-constants';
import type { Span } from '../types';
import type { FileScope, ValueIndex } from '../resolve/value-index';

interface Base {
  file: string;
  index: ValueIndex | undefined;
  text: string;
  toks: Token[];
  match: Int32Array;
  syn: LangSyntax;
  consts: Constants;
  read: Span[] | undefined;
  readNames: Set<string> | undefined;
}

/** A scope with every field a reader may attach present (undefined until set), in one order. */
export function scopeOf<S extends FileScope>(b: Base): S {
  const s = {
    file: b.file, index: b.index, text: b.text, toks: b.toks, match: b.match, syn: b.syn, consts: b.consts, read: b.read, readNames: b.readNames,
    // EvalScope (value.ts)
    tables: undefined, imports: undefined, given: undefined, forward: undefined, self: undefined,
    // Ctx: per call (read-call.ts), per file (values.ts)
    listMessages: undefined, limitNested: undefined, shapeKeys: undefined, embeddingCall: undefined, assumeModel: undefined, httpWrap: undefined,
    assigns: undefined, requests: undefined, functions: undefined, block: undefined, madeIn: undefined, companionIndex: undefined, idents: undefined,
    services: undefined, imported: undefined,
    // visible.ts, go-embed.ts
    fnSpans: undefined, fnAround: undefined, embeds: undefined,
  };
  return s as unknown as S;
}
