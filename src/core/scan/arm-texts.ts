// Texts added in the arms of if / else chains (if-arms.ts gives each addition's arms), kept as a tree in the order they
// are written: a chain's arms are alternatives, so the arm with the most text is the one counted (go-string-adds.ts).
import type { ArmStep } from './if-arms';

/** The rows whose chains are read: brace blocks. */
export const IF_ROWS = new Set(['php', 'javascript', 'go']);

interface Piece {
  str: string;
  holes: string[];
}

export interface ArmNode {
  items: (Piece | { chain: number; arms: Map<number, ArmNode> })[];
}

/** Puts `piece` in the arm `path` leads to under `root`. */
export function addInArm(root: ArmNode, path: ArmStep[], piece: Piece): void {
  let node = root;
  for (const step of path) {
    const last = node.items[node.items.length - 1];
    let chain = last && 'chain' in last && last.chain === step.chain ? last : undefined;
    if (!chain) node.items.push((chain = { chain: step.chain, arms: new Map() }));
    let arm = chain.arms.get(step.arm);
    if (!arm) chain.arms.set(step.arm, (arm = { items: [] }));
    node = arm;
  }
  node.items.push(piece);
}

/** The text of a node: its pieces, and of each chain the arm with the most text; `chose` when a chain had several. */
export function flatArms(node: ArmNode): Piece & { chose: boolean } {
  let str = '';
  const holes: string[] = [];
  let chose = false;
  for (const it of node.items) {
    if (!('chain' in it)) {
      str += it.str;
      holes.push(...it.holes);
      continue;
    }
    let best: (Piece & { chose: boolean }) | undefined;
    for (const arm of it.arms.values()) {
      const f = flatArms(arm);
      if (!best || f.str.length > best.str.length) best = f;
    }
    if (!best) continue;
    str += best.str;
    holes.push(...best.holes);
    chose ||= best.chose || it.arms.size > 1;
  }
  return { str, holes, chose };
}
