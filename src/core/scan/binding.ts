// A binding of the scope chain's tables (scope.ts): where a name is bound and the token range of its value.

import { keepShape } from '../util/keep-shape';

export interface Binding {
  kind: 'assign' | 'param' | 'member';
  /** Token index of the bound name. */
  name: number;
  /** First token of the bound value; -1 when known only at run time (a parameter without a default, a Go name after
   * the first of a multiple assignment). */
  value: number;
  /** A parameter holds only inside its function: up to this offset. */
  until?: number;
  /** Bound by Spring's `@Value("${key:default}")`: the value is the string's default. */
  spring?: true;
  /** Destructured (`const { system, user } = getPrompt(…)`): the name holds this member of the value. */
  key?: string;
  /** Declared `const` in a destructuring pattern (never assigned again). */
  fixed?: true;
  /** A default in the pattern (`const { maxSteps = 10 } = opts`): its first token; the value where the member is unset. */
  dflt?: number;
  /** A Python tuple target (`system, user = get_prompts(q)`): the element of the value it takes (tuples.ts). */
  pos?: number;
  /** A JS array pattern (`const [provider, id] = parts`): the element of the value it takes. */
  index?: number;
  /** Ruby `x ||= v` after `x = other` (or a parameter x): the binding before it, whose value stands unless nil (ruby-or-assign.ts). */
  prior?: Binding;
}

/**
 * The tables' bindings are made by `new`, never as object literals: V8 pretenures an object literal's allocation site
 * once its objects outlive a young-generation collection (a file's bindings live through its whole scan), as it did
 * the lexer's tokens (lex/cursor.ts Tok); the literal was a third of building the tables (bench exactVsTokenizer).
 * Every field is set, in this order, so that all bindings share one hidden class.
 */
class Bind implements Binding {
  declare kind: Binding['kind'];
  declare name: number;
  declare value: number;
  declare until: number | undefined;
  declare spring: true | undefined;
  declare key: string | undefined;
  declare fixed: true | undefined;
  declare dflt: number | undefined;
  declare pos: number | undefined;
  declare index: number | undefined;
  declare prior: Binding | undefined;

  constructor(kind: Binding['kind'], name: number, value: number, more: Omit<Binding, 'kind' | 'name' | 'value'> | undefined) {
    this.kind = kind;
    this.name = name;
    this.value = value;
    this.until = more?.until;
    this.spring = more?.spring;
    this.key = more?.key;
    this.fixed = more?.fixed;
    this.dflt = more?.dflt;
    this.pos = more?.pos;
    this.index = more?.index;
    this.prior = more?.prior;
  }
}
keepShape(new Bind('assign', 0, 0, undefined));

/** A binding of `kind` of the name at token `name` to the value at token `value` (-1: run time), with `more`. */
export function bind(kind: Binding['kind'], name: number, value: number, more?: Omit<Binding, 'kind' | 'name' | 'value'>): Binding {
  return new Bind(kind, name, value, more);
}
