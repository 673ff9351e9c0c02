// One value of a JSON settings file by its key path (`OpenAi:Model` → ["OpenAi", "Model"]), read without keeping
// anything else: settings files often hold secrets beside the model name, so every other member is skipped over,
// never decoded, stored or returned. Tolerant as .NET's JSON configuration provider is (comments, trailing commas);
// keys compare case-insensitively, as .NET configuration keys do
// (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/#configuration-keys-and-values).

export type JsonHit =
  | { kind: 'scalar'; value: string | number | boolean | null; start: number; end: number; quote?: string }
  | { kind: 'object' };

/** Nesting followed at most (a settings file is shallow; a hostile one is not walked deeper). */
const MAX_NESTING = 64;

/** The value at `path` (array items by their index), or undefined when absent or the text is not JSON there. */
export function jsonAt(text: string, path: string[], exactKeys = false): JsonHit | undefined {
  const r = new Reader(text, exactKeys);
  try {
    r.space();
    let depth = 0;
    for (const seg of path) {
      if (++depth > MAX_NESTING || !r.enter(seg)) return undefined;
    }
    return r.here();
  } catch {
    return undefined;
  }
}

class Bad extends Error {}

class Reader {
  i = 0;
  /** `exactKeys`: keys compare as written (Python's json, a dict), not case-insensitively (.NET). */
  constructor(private readonly t: string, private readonly exactKeys = false) {}

  /** Moves into the member `seg` of the object (or item of the array) at the cursor; false when there is none. */
  enter(seg: string): boolean {
    const c = this.t[this.i];
    if (c === '{') {
      this.i++;
      const want = this.exactKeys ? seg : seg.toLowerCase();
      for (;;) {
        this.space();
        if (this.t[this.i] === '}') return false;
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        const key = this.string(true);
        this.space();
        if (this.t[this.i++] !== ':') throw new Bad();
        this.space();
        if ((this.exactKeys ? key : key.toLowerCase()) === want) return true;
        this.skip(0);
      }
    }
    if (c === '[' && /^\d+$/.test(seg)) {
      this.i++;
      for (let n = 0; ; ) {
        this.space();
        if (this.t[this.i] === ']') return false;
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (n++ === Number(seg)) return true;
        this.skip(0);
      }
    }
    return false;
  }

  /** The value at the cursor: a scalar, or an object / array (its contents are not read). */
  here(): JsonHit | undefined {
    const c = this.t[this.i];
    if (c === '{' || c === '[') return { kind: 'object' };
    const start = this.i;
    if (c === '"') {
      const value = this.string(true);
      return { kind: 'scalar', value, start: start + 1, end: this.i - 1, quote: '"' };
    }
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(this.t.slice(start, start + 40));
    if (!m) return undefined;
    const w = m[1];
    const value = w === 'true' ? true : w === 'false' ? false : w === 'null' ? null : Number(w);
    return { kind: 'scalar', value, start, end: start + w.length };
  }

  /** Passes over one value without keeping it. */
  private skip(depth: number): void {
    if (depth > MAX_NESTING) throw new Bad();
    const c = this.t[this.i];
    if (c === '"') {
      this.string(false);
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.i++;
      for (;;) {
        this.space();
        const d = this.t[this.i];
        if (d === undefined) throw new Bad();
        if (d === close) {
          this.i++;
          return;
        }
        if (d === ',' || d === ':') this.i++;
        else this.skip(depth + 1);
      }
    }
    const start = this.i;
    while (this.i < this.t.length && !/[\s,:}\]/]/.test(this.t[this.i])) this.i++;
    if (this.i === start) throw new Bad();
  }

  /** A string at the cursor; decoded only when `keep` (a key, or the value asked for). */
  private string(keep: boolean): string {
    if (this.t[this.i] !== '"') throw new Bad();
    let out = '';
    for (let k = this.i + 1; k < this.t.length; k++) {
      const ch = this.t[k];
      if (ch === '"') {
        this.i = k + 1;
        return out;
      }
      if (ch === '\\') {
        const e = this.t[++k];
        if (keep) {
          if (e === 'u') {
            out += String.fromCharCode(parseInt(this.t.slice(k + 1, k + 5), 16));
            k += 4;
          } else out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e;
        } else if (e === 'u') k += 4;
      } else if (keep) out += ch;
    }
    throw new Bad();
  }

  /** White space and comments: line (`//`) and block comments. */
  space(): void {
    for (;;) {
      while (this.i < this.t.length && /\s/.test(this.t[this.i])) this.i++;
      if (this.t.startsWith('//', this.i)) {
        const nl = this.t.indexOf('\n', this.i);
        this.i = nl < 0 ? this.t.length : nl + 1;
      } else if (this.t.startsWith('/*', this.i)) {
        const e = this.t.indexOf('*/', this.i + 2);
        this.i = e < 0 ? this.t.length : e + 2;
      } else return;
    }
  }
}
