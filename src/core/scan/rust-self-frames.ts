// `self.f` bound while a method of the app's own struct is read for a request (rust-method-body.ts): the value the
// receiver's constructor gives the field, in the file that states it (the caller's argument, a caller's caller's, the
// constructor's own literal), not whatever all the type's literals give it (rust-fields.ts). A frame holds only for
// `self.f` written inside the method's body; the evaluator is synchronous, so frames are a stack.
import type { EvalScope, Value } from './value';
import { evaluate } from './evaluate';

export interface SelfFrame {
  file: string;
  /** The method body's text offsets. */
  start: number;
  end: number;
  fields: Map<string, { s: EvalScope; from: number; to: number }>;
}

const frames: SelfFrame[] = [];

/** Runs `read` with the frame's fields bound. */
export function withSelfFields<T>(frame: SelfFrame, read: () => T): T {
  frames.push(frame);
  try {
    return read();
  } finally {
    frames.pop();
  }
}

/** The value a frame binds `self.<field>` read at offset `pos` of `s`; undefined when no frame holds it. */
export function selfBound(s: EvalScope, field: string, pos: number, depth: number): Value | undefined {
  const top = frames[frames.length - 1];
  if (!top || top.file !== s.file || pos < top.start || pos >= top.end) return undefined;
  const g = top.fields.get(field);
  if (!g) return undefined;
  // The bound value is read outside the frame: its own `self.x` (a constructor's literal) is its file's.
  frames.pop();
  try {
    return evaluate(g.s, g.from, g.to, depth + 1) ?? { runtime: `self.${field}` };
  } finally {
    frames.push(top);
  }
}
