// The tool definitions a LangChain4j AI service built outside Spring sends with each request: `AiServices.builder(
// Assistant.class).chatModel(model).tools(new Calculator()).build()` (or a name holding `new Calculator()`). Each
// object's `@Tool` methods are sent as ToolSpecifications builds them (spring-tool-defs.ts, LangChain4j's form; read in
// langchain4j/langchain4j b8b809ed: AiServices.java `tools(Object... objectsWithTools)` → service/tool/ToolService.java
// `tools(Collection<Object>)` → `findTools(objectWithTools)`, each @Tool method's `toolSpecificationFrom(toolMethod)`),
// with every request of the service's loop (l4j-tool-runs.ts) or of a loop of the code's own. Seen in
// langchain4j/langchain4j-examples other-examples ServiceWithToolsExample.java:50 (`.tools(new Calculator())`, a nested
// class with three @Tool methods), whose calls counted no tool.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { args } from './calls';
import { classScopes } from './class-files';
import { classBody } from './jvm-class-props';
import { toolsOf, type Json, type SpringTools } from './spring-tool-defs';
import { builtServices } from './ai-services-workspace';

/** Classes read per service at most. */
const MAX_CLASSES = 16;
const L4J_TOOL = /\bimport\s+dev\.langchain4j\.agent\.tool\.(?:Tool\b|\*)/;

/** The definitions of the `.tools(…)` objects of the builders of `iface`: in this file, else in the module's files that
 * build it (a factory or an `@Bean` method, as l4j-tool-runs.ts reads them); undefined when none is read. */
export function serviceToolDefs(c: Ctx, iface: string): SpringTools | undefined {
  const classes: [EvalScope, string][] = [];
  // A file that builds the service or declares its interface (a nested `interface Assistant`) holds its builders, as in
  // l4j-tool-runs.ts: other files' services of the same name are others.
  const here = toolClasses(c, iface, classes);
  if (!here && c.index && c.file) {
    for (const f of builtServices(c.index, c.file).get(iface) ?? []) {
      const scope = f === c.file ? undefined : c.index.scope(f);
      if (scope) toolClasses(scope, iface, classes);
    }
  }
  const defs: Json[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const [s, cls] of classes) {
    if (seen.has(cls) || seen.size >= MAX_CLASSES) continue;
    seen.add(cls);
    const own = s.toks.some((t, i) => t.v === 'class' && s.toks[i + 1]?.v === cls) ? s : undefined;
    const scope = own ?? classScopes(s, cls).next().value;
    const body = own ? classBody(own, cls) : undefined;
    if (body) own!.read?.push({ start: own!.toks[body[0]].start, end: own!.toks[body[1]].end });
    if (scope && L4J_TOOL.test(scope.text)) toolsOf(scope, cls, defs, unknown, 'langchain4j');
  }
  return defs.length ? { text: JSON.stringify(defs), definitions: defs.length, unknown } : undefined;
}

/** The classes of the objects given to `.tools(…)` in the builder chains of `iface` in scope s; whether s builds the
 * service or declares its interface. */
function toolClasses(s: EvalScope, iface: string, out: [EvalScope, string][]): boolean {
  const { toks, match } = s;
  let own = false;
  for (let k = 0; k + 6 < toks.length; k++) {
    if (toks[k].v === 'interface' && toks[k + 1].v === iface) own = true;
    if (toks[k].v === 'AiServices' && isP(toks[k + 1], '.') && isP(toks[k + 3], '(') && toks[k + 4]?.v === iface) own = true;
    if (toks[k].v !== 'AiServices' || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'builder' || toks[k + 4]?.v !== iface || !(match[k + 3] > k)) continue;
    // The chain `.name(…)` after the builder, up to `.build()`.
    for (let close = match[k + 3]; isP(toks[close + 1], '.') && isId(toks[close + 2]) && isP(toks[close + 3], '(') && match[close + 3] > close; close = match[close + 3]) {
      if (toks[close + 2].v === 'build') break;
      if (toks[close + 2].v !== 'tools') continue;
      s.read?.push({ start: toks[close + 2].start, end: toks[match[close + 3]].end });
      for (const a of args(s as Ctx, close + 3, match[close + 3])) {
        if (toks[a.from].v === 'new' && isId(toks[a.from + 1])) out.push([s, toks[a.from + 1].v]);
        else if (a.to === a.from + 1 && isId(toks[a.from])) {
          const cls = madeAs(s, toks[a.from].v, a.from);
          if (cls) out.push([s, cls]);
        }
      }
    }
  }
  return own;
}

/** The class of the object `name` holds before toks[before]: assigned `new X(…)` (`Calculator calculator = new
 * Calculator();`, `var tools = new Tools();`), else its declared type (`DevDocsTools tools` a parameter of the `@Bean`
 * method, `private final BookingTools tools;`), read where it is. */
function madeAs(s: EvalScope, name: string, before: number): string | undefined {
  const { toks } = s;
  let declared: string | undefined;
  for (let k = before - 1; k > 0; k--) {
    if (toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if (isP(toks[k + 1], '=') && toks[k + 2]?.v === 'new' && isId(toks[k + 3])) {
      s.read?.push({ start: toks[k].start, end: toks[k + 3].end });
      return toks[k + 3].v;
    }
    const type = toks[k - 1];
    const after = toks[k + 1];
    if (!declared && isId(type) && /^[A-Z]/.test(type.v) && (isP(after, ',') || isP(after, ')') || isP(after, ';') || isP(after, '='))) {
      s.read?.push({ start: type.start, end: toks[k].end });
      declared = type.v;
    }
  }
  return declared;
}
