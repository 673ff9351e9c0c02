// The word filter: words without which a file cannot hold a call the call-shape table knows, so that most files of a
// workspace are never lexed. Moved out of ./scanner, which calls mayHaveCalls first; ./prefilter builds its byte keys
// from triggerSets.
import { syntaxFor } from '../lex/languages';
import { SHAPES } from './call-shapes';

/**
 * Words without which a file cannot hold a call we know: for each language, the identifiers of each shape's anchor,
 * plus one of its `needs`. A file holding all the words of no shape is not lexed at all — most files in a workspace,
 * which is what keeps a workspace scan near the speed of reading the files. Words count as whole words only: the
 * scanner matches anchors and needs as whole identifier tokens, so `create_order` can hold no `create(` anchor.
 */
interface Triggers {
  sets: { words: string[]; needs?: string[]; gate: string[] }[];
  /**
   * One pass over a file finds which gate words occur: of each set, its `needs` (one of them must occur) or else its
   * longest word that is not a common method name. A trie of literal words between word boundaries: ordinary code has most of a set's short words
   * (`create`, `run`, `stream`), so the alternation of every word was the largest cost of a workspace scan (npm run
   * bench: 2× the read+regex baseline); the gate's longer words let most positions fail on their first characters.
   */
  gate: RegExp;
  gateCount: number;
  /** The sets each gate word opens. */
  byGate: Map<string, Triggers['sets']>;
}
const TRIGGERS = new Map<string, Triggers>();
/** Anchor words ordinary code is full of as method names: a set's gate is another of its words when it has one. */
export const COMMON_WORDS = new Set(['create', 'run', 'stream', 'parse', 'complete', 'generate', 'batch', 'invoke', 'new', 'New', 'builder', 'build', 'default', 'send', 'get']);

function triggersFor(syntaxId: string): Triggers {
  let t = TRIGGERS.get(syntaxId);
  if (!t) {
    const seen = new Set<string>();
    const sets: Triggers['sets'] = [];
    for (const sh of SHAPES) {
      if (sh.langs && !sh.langs.includes(syntaxId)) continue;
      const words = [...new Set(sh.anchor.filter((w) => /^[A-Za-z_]\w*$/.test(w)))].sort((a, b) => b.length - a.length);
      // A call on a constructed object needs one of its constructions' names too (`invoke(` alone is everywhere);
      // not a row reported whatever the object (`Runner.run(planner_agent, …)` with the agent imported: `unbound`).
      // A JVM request's URL may be a Spring `@Value("${gpt.url}")` field, its text in application.properties (s1zyy/
      // telegram-gpt-bot OpenAi/OpenAiClient.java): such a file holds `Value`, not the URL's words.
      // A Ruby Faraday connection's path may be a module constant of another file (`conn.post(MESSAGES_PATH)`, held73
      // G1 apmiller108/tmp): such a file holds `Faraday`, not the path's words.
      const jvmHttp = sh.http && (syntaxId === 'java' || syntaxId === 'kotlin');
      const rubyHttp = sh.http && syntaxId === 'ruby' && sh.anchor[0] === 'post';
      const needs = sh.needs ?? (jvmHttp ? [...sh.http!.words, 'Value'] : rubyHttp ? [...sh.http!.words, 'Faraday'] : sh.http?.words) ?? (sh.imports ? [sh.imports.word] : undefined) ?? (sh.via && !sh.via.unbound ? [...new Set(sh.via.anchors.map((a) => a.anchor.find((w) => /^[A-Za-z_]/.test(w))!))] : undefined);
      const key = words.join(' ') + '|' + (needs ?? []).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const gate = needs?.length ? needs : [words.find((w) => !COMMON_WORDS.has(w)) ?? words[0]];
      sets.push(needs ? { words, needs, gate } : { words, gate });
    }
    const gateWords = [...new Set(sets.flatMap((x) => x.gate))];
    // Literal words, escaped, in a trie: no quantifier but `?` on a literal group, so nothing can backtrack.
    const byGate = new Map<string, Triggers['sets']>();
    for (const x of sets) for (const w of new Set(x.gate)) byGate.set(w, [...(byGate.get(w) ?? []), x]);
    t = { sets, gate: new RegExp('\\b' + wordTrie(gateWords) + '(?!\\w)', 'g'), gateCount: gateWords.length, byGate };
    TRIGGERS.set(syntaxId, t);
  }
  return t;
}

/**
 * The word sets of a language's call shapes: a text that mayHaveCalls accepts holds every word of one set (whole
 * words) and, when the set has `needs`, one of them. The byte pre-filter (prefilter.ts) is built from these.
 */
export function triggerSets(languageId: string): readonly { words: string[]; needs?: string[] }[] {
  return triggersFor(syntaxFor(languageId).id).sets;
}

/** Characters with a meaning in a regex source, escaped when a word holds one. */
const SPECIAL = '.*+?^${}()|[]\\';

/** A regex source matching exactly the given words, their common prefixes factored out (`chat(?:s|_stream)?`). */
function wordTrie(words: string[]): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = { end: false, next: new Map() }));
      n = m;
    }
    n.end = true;
  }
  // A character is escaped by a look-up, not a regex replace per trie node (the gate of each language is built on its
  // first file, on the first lens's path).
  const emit = (n: Node): string => {
    const alts = [...n.next].map(([ch, m]) => (SPECIAL.includes(ch) ? '\\' + ch : ch) + emit(m));
    if (!alts.length) return '';
    if (alts.length === 1 && !n.end) return alts[0];
    return `(?:${alts.join('|')})${n.end ? '?' : ''}`;
  };
  return words.length ? emit(root) : '(?!)';
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Does `word` occur in `text` as a whole word (no letter, digit or `_` on either side)? */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if ((i === 0 || !isWordCode(text.charCodeAt(i - 1))) && !isWordCode(text.charCodeAt(i + word.length))) return true;
  }
  return false;
}

/**
 * Whether the text holds every word of some call shape (one of its `needs` too). One regex pass finds which gate words
 * occur; a set is judged when its gate word first occurs, its other words looked for in the whole text, each at most
 * once a file. The pass stops at the first set held: a file with a call is not read to its end (the gate pass over
 * every bench corpus file was 3.6% of analyze()); a file without one is read through, as before.
 */
export function mayHaveCalls(text: string, languageId = ''): boolean {
  const t = triggersFor(syntaxFor(languageId).id);
  const found = new Map<string, boolean>();
  const has = (w: string) => {
    let v = found.get(w);
    if (v === undefined) found.set(w, (v = hasWord(text, w)));
    return v;
  };
  const gates = new Set<string>();
  const re = t.gate;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && gates.size < t.gateCount; m = re.exec(text)) {
    const w = m[0];
    if (gates.has(w)) continue;
    gates.add(w);
    found.set(w, true);
    if (t.byGate.get(w)!.some((x) => x.words.every(has) && (!x.needs || x.needs.some(has)))) return true;
  }
  return false;
}
