// One value of a JSON settings file by its key path (`OpenAi:Model` → ["OpenAi", "Model"]), read without keeping
// anything else: settings files often hold secrets beside the model name, so every other member is skipped over,
// never decoded, stored or returned. Tolerant as .NET's JSON configuration provider is (comments, trailing commas);
// keys compare case-insensitively, as .NET configuration keys do
// (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/#configuration-keys-and-values), or exactly, as a
// JavaScript object's members do (`exact`).

export type JsonHit =
  | { kind: 'scalar'; value: string | number | boolean | null; start: number; end: number; quote?: string }
  | { kind: 'object'; start: number };

/** Nesting followed at most (a settings file is shallow; a hostile one is not walked deeper). */
const MAX_NESTING = 64;

/** The value at `path` (array items by their index), or undefined when absent or the text is not JSON there. */
export function jsonAt(text: string, path: string[], exact = false): JsonHit | undefined {
  const hit = jsonLookup(text, path, exact);
  return hit === 'absent' ? undefined : hit;
}

/** As jsonAt, telling a member the object lacks ('absent') from text that is not JSON there (undefined). */
export function jsonLookup(text: string, path: string[], exact = false): JsonHit | 'absent' | undefined {
  const r = new Reader(text, exact);
  try {
    r.space();
    let depth = 0;
    for (const seg of path) {
      if (++depth > MAX_NESTING) return undefined;
      const found = r.enter(seg);
      if (!found) return r.closed ? 'absent' : undefined;
    }
    return r.here();
  } catch {
    return undefined;
  }
}

/**
 * The object or array at `path` as `JSON.stringify` writes it (compact), for a program that sends a JSON file's object
 * as text; undefined when it is not strict JSON there or is larger than `max` characters.
 */
export function jsonObjectText(text: string, path: string[], max: number, exact = true): { text: string; start: number } | undefined {
  const hit = jsonAt(text, path, exact);
  if (hit?.kind !== 'object') return undefined;
  try {
    const r = new Reader(text, exact);
    r.i = hit.start;
    const end = r.end();
    return end - hit.start > max ? undefined : { text: JSON.stringify(JSON.parse(text.slice(hit.start, end))), start: hit.start };
  } catch {
    return undefined;
  }
}

/**
 * Is the whole text one JSON value, as `JSON.parse` (and Node's `require` of a .json file) takes it: no comments, no
 * trailing commas (https://www.rfc-editor.org/rfc/rfc8259)? One pass over the characters, nesting bounded.
 */
export function jsonWhole(text: string): boolean {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) i++;
    }
    return false;
  };
  const value = (depth: number): boolean => {
    ws();
    const c = text[i];
    if (c === '"') return str();
    if (c === '{' || c === '[') {
      if (depth > MAX_NESTING) return false;
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (!str()) return false;
          ws();
          if (text[i++] !== ':') return false;
        }
        if (!value(depth + 1)) return false;
        ws();
        if (text[i] === close) {
          i++;
          return true;
        }
        if (text[i++] !== ',') return false;
      }
    }
    const m = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[1].length;
    return true;
  };
  // Node's require() drops a byte order mark before it parses (lib/internal/modules/cjs/loader.js stripBOM).
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  if (!value(0)) return false;
  ws();
  return i === text.length;
}

class Bad extends Error {}

class Reader {
  i = 0;
  /** The last `enter` read the whole object or array without finding the member. */
  closed = false;
  constructor(
    private readonly t: string,
    private readonly exact: boolean,
  ) {}

  /** Moves into the member `seg` of the object (or item of the array) at the cursor; false when there is none. */
  enter(seg: string): boolean {
    const c = this.t[this.i];
    if (c === '{') {
      this.i++;
      const want = this.exact ? seg : seg.toLowerCase();
      for (;;) {
        this.space();
        if (this.t[this.i] === '}') {
          this.closed = true;
          return false;
        }
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        const key = this.string(true);
        this.space();
        if (this.t[this.i++] !== ':') throw new Bad();
        this.space();
        if ((this.exact ? key : key.toLowerCase()) === want) return true;
        this.skip(0);
      }
    }
    if (c === '[' && /^\d+$/.test(seg)) {
      this.i++;
      for (let n = 0; ; ) {
        this.space();
        if (this.t[this.i] === ']') {
          this.closed = true;
          return false;
        }
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
    if (c === '{' || c === '[') return { kind: 'object', start: this.i };
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

  /** The end of the value at the cursor (passed over, not kept). */
  end(): number {
    this.skip(0);
    return this.i;
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
