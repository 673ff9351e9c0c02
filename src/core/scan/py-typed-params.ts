// A Python parameter annotated with a class of the workspace (`def __init__(self, settings: Settings)`,
// `def run(config: Optional[AppConfig] = None)` is not one: it has a default) that no caller in view fills: an
// instance of that class, so `self.settings.openai_model` is the field's stated default (a pydantic BaseSettings,
// BaseModel or dataclass field `openai_model: str = "gpt-4o-mini"`; a field without a default stays run time).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { classInstance } from './service-fields';
import type { EvalScope, Value } from './value';
import { tables } from './scope';
import { bindingValue } from './lookup';
export { classField } from './py-class-fields';
export { classSetAttribute } from './py-class-sets';

/** Wrappers that keep the class an annotation names: `Optional[Settings]`, `Annotated[Settings, Depends(…)]`. */
const WRAPPERS = new Set(['Optional', 'Annotated']);

/** The instance a parameter at toks[nameIdx] annotated `: Cls` holds, when Cls is a class of the workspace. */
export function annotatedInstance(s: EvalScope, nameIdx: number, depth: number): Value | undefined {
  if (s.syn.id !== 'python') return undefined;
  const { toks } = s;
  if (!isP(toks[nameIdx + 1], ':')) return undefined;
  let k = nameIdx + 2;
  if (isId(toks[k]) && WRAPPERS.has(toks[k].v) && isP(toks[k + 1], '[')) k += 2;
  const tk = toks[k];
  // A forward reference `"Settings"` names the class as a string.
  const cls = tk?.t === T.Str && !tk.holes?.length ? tk.v : isId(tk) ? tk.v : undefined;
  if (!cls || !/^[A-Z]\w*$/.test(cls) || isP(toks[k + 1], '.')) return undefined;
  const v = classInstance(s, cls, depth);
  return v?.obj?.kind === 'instance' && v.obj.cls ? { ...v, obj: { ...v.obj, annotated: true } } : v;
}

/**
 * An instance's attribute that its class's `__init__` sets (`self.system = system`, with `system: str = SYSTEM` a
 * parameter default, or a literal): the value as constructed without arguments. The instance names no class, so only
 * an attribute one `__init__` of the file sets is read (real code: a prompts holder class passed as a parameter
 * default `prompts: AgentPrompts = AgentPrompts()`, kosuke-17/py-agent).
 */
export function initAttribute(s: EvalScope, name: string, depth: number): Value | undefined {
  if (s.syn.id !== 'python') return undefined;
  const t = tables(s);
  const list = t.binds.get('.' + name);
  const inits = list ? (t.fns.get('__init__') ?? []).filter((f) => list.some((b) => b.name >= f.body && b.name < f.bodyEnd)) : [];
  if (inits.length !== 1) return undefined;
  const end = s.toks[inits[0].bodyEnd];
  const v = bindingValue(s, '.' + name, end ? end.start - 1 : s.text.length, depth + 1);
  return v && v.runtime === undefined ? v : undefined;
}

/** `Field(default_factory=SynthesisConfig)` on a pydantic field, `field(default_factory=Cls)` on a dataclass field:
 * an instance of that class of the workspace, made with no arguments (docs.pydantic.dev/latest/concepts/fields
 * "default_factory: a callable used to generate the default value"; docs.python.org dataclasses.field). */
export function factoryInstance(s: EvalScope, a: { key?: string; from: number; to: number }[], depth: number): Value | undefined {
  const f = s.syn.id === 'python' ? a.find((y) => y.key === 'default_factory') : undefined;
  const tk = f && f.to === f.from + 1 ? s.toks[f.from] : undefined;
  return tk && isId(tk) && /^[A-Z]\w*$/.test(tk.v) ? classInstance(s, tk.v, depth) : undefined;
}
