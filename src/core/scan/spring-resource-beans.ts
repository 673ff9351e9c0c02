// A Spring `Resource` injected by type into a constructor parameter or field (held73 J2, joaocarloslima/money-control-api
// AIAnalistyService.java: `AIAnalistyService(ChatClient.Builder builder, Resource systemMessage, …)` then
// `.defaultSystem(systemMessage)`), whose bean is a `@Bean Resource systemResource() { return new
// ClassPathResource("/prompts/system.st"); }` of the module (config/PromptConfig.java). Spring injects the only bean of
// the declared type, else the one whose name matches the parameter (Spring Framework reference, "Using @Autowired" and
// "Fine-tuning Annotation-based Autowiring with Qualifiers": the bean name is the fallback qualifier). The bean method's
// returned value is read in its file (`new ClassPathResource(…)`: prompt-templates-jvm.ts), as an `@Value("classpath:…")
// Resource` is (spring-value-defaults.ts). Several candidates and no name match: run time.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { EvalScope, Value } from './value';
import { evaluate } from './evaluate';
import { exprEnd } from './scope';
import { beanMethods, type BeanMethod } from './jvm-beans';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';

/** Spring's resource types (spring-core org.springframework.core.io: Resource and its implementations). */
const RESOURCE_TYPES = new Set(['Resource', 'ClassPathResource', 'FileSystemResource', 'UrlResource']);
/** Files of the module searched for bean methods at most. */
const MAX_FILES = 200;

/** The value of the Resource bean a parameter or field `name` declared at toks[at] is injected with; undefined when
 * the declaration is not of a Resource type or no single bean answers it. */
export function resourceBean(s: EvalScope, at: number, depth: number): Value | undefined {
  if (s.syn.id !== 'java' && s.syn.id !== 'kotlin') return undefined;
  const { toks } = s;
  const name = toks[at]?.v;
  // Java `Resource systemMessage`, Kotlin `systemMessage: Resource`.
  const type = s.syn.id === 'java' ? toks[at - 1] : isP(toks[at + 1], ':') ? toks[at + 2] : undefined;
  if (!name || !isId(type) || !RESOURCE_TYPES.has(type!.v)) return undefined;
  // A qualified or valued declaration (`@Qualifier("x")`, `@Value(…)`) is read by the other readers.
  for (let j = at - 1; j >= 0 && j > at - 4; j--) if (isP(toks[j], ')') || isP(toks[j], '@')) return undefined;
  const c = s as Ctx;
  const beans: BeanMethod[] = beanMethods(c, (t) => RESOURCE_TYPES.has(t));
  const idx = c.index;
  const root = idx && c.file ? jvmModule(idx.files, c.file) : undefined;
  if (idx && root) {
    const files = idx.memo(root, 'spring.resource-bean-files', () =>
      jvmModuleSources(idx.files, root).slice(0, MAX_FILES).filter((f) => {
        const t = idx.text(f);
        return !!t && t.includes('@Bean') && t.includes('Resource');
      }),
    );
    for (const f of files) {
      if (f === c.file) continue;
      const scope = idx.scope(f);
      if (scope) beans.push(...beanMethods({ ...scope } as Ctx, (t) => RESOURCE_TYPES.has(t)));
    }
  }
  const pick = beans.length === 1 ? beans : beans.filter((b) => b.names.includes(name));
  if (pick.length !== 1) return undefined;
  return returned(pick[0], depth);
}

/** The value a bean method returns: Java `{ return X; }` with one return, Kotlin `= X` or `{ return X }`. */
function returned(b: BeanMethod, depth: number): Value | undefined {
  const { toks, match } = b.ctx;
  let from = -1;
  for (let k = b.from; k < b.to; k++) {
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (toks[k].v === 'return') {
      if (from >= 0) return undefined;
      from = k + 1;
    }
  }
  // Kotlin `= ClassPathResource("…")`: the expression body.
  if (from < 0 && isP(toks[b.from - 1], '=')) from = b.from;
  if (from < 0) return undefined;
  const to = Math.min(exprEnd(b.ctx, from), b.to);
  const v = evaluate(b.ctx, from, to, depth + 1);
  return v && v.runtime === undefined && v.str !== undefined ? v : undefined;
}
