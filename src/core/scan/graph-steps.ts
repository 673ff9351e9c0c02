// LangGraph bounds a run by graph steps (super-steps), not model calls. A fresh run starts at step -1 (the input),
// the graph's `__start__` node takes step 0 and the steps up to the limit N run (libs/langgraph/langgraph/pregel/
// _loop.py 0f5a2523: `self.step = self.checkpoint_metadata["step"] + 1` from `{"step": -2}`, `self.stop = self.step +
// self.config["recursion_limit"] + 1`, tick: `if self.step > self.stop: self.status = "out_of_steps"`; the persistence
// docs' history shows `'step': 0` with `next=('node_a',)`). A tool loop takes two steps a turn, the model node and the
// tools node, so the model node runs at steps 1, 3, 5, … ≤ N: at most ⌈N/2⌉ model calls. Prebuilt agents
// (create_react_agent, langchain v1 create_agent) and hand-built loops (graph-loops.ts) are priced alike.

/** Model calls a LangGraph tool loop may make within `recursion_limit` n, and the hover's account of it. */
export function graphStepTurns(n: number, written: string, where: string): { turns: number; turnsFrom: string } {
  const turns = Math.ceil(n / 2);
  return { turns, turnsFrom: `${written}: at most ${turns} model calls (${where}: graph steps 1…${n} after __start__, a model step and a tools step a turn)` };
}
