// One instance of each class the analysis makes by the thousand (tokens, the lexer, bindings, assignments), kept for
// the life of the module. V8 holds a class's hidden class (map) with its fields added only weakly, from its
// constructor's transitions: a full collection while no instance is alive frees it (V8's memory reducer runs one
// when the editor goes idle), and every optimised function that checks that map is thrown away ("weak objects"
// deoptimisations), so the next analysis runs in the interpreter while the JIT optimises it again. The bench corpus's
// exact analysis after a full collection: CPU median 744 → 490 ms with these kept (about 100 ms with no collection).
const kept: object[] = [];

/** Keeps `o`, and so its hidden class, alive; returns it. */
export function keepShape<O extends object>(o: O): O {
  kept.push(o);
  return o;
}
