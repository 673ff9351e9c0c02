// The JSON schema of a `@Tool` method parameter whose type is a class of the application (`addPetToOwner(Pet pet, …)`),
// built from the class's fields as each library serialises it:
// - Spring AI (spring-projects/spring-ai fd3fd6ec, spring-ai-model util/json/schema/JsonSchemaGenerator.java): victools
//   jsonschema-generator, `OptionPreset.PLAIN_JSON` (victools 0ac50100: every non-static field, public or not, its
//   superclasses' too, FLATTENED_ENUMS; transient ones and `@JsonIgnore`d ones left out) with EXTRA_OPEN_API_FORMAT_VALUES
//   (a field of a class keeps its format: `int id` → `{"type": "integer", "format": "int32"}`, JsonSchemaGeneratorTests
//   generateSchemaForMethodWithComplexParameters, which also shows each object's `"additionalProperties": false` and a
//   field's `@ToolParam(description)` / `@Schema(description)`) and SpringAiSchemaModule's PROPERTY_REQUIRED_BY_DEFAULT
//   (every property required unless `@Nullable` or `required = false`); only the parameter's own `format` is removed.
// - LangChain4j (langchain4j/langchain4j b8b809ed, langchain4j-core internal/JsonSchemaElementUtils.java
//   jsonObjectOrReferenceSchemaFrom): `type.getDeclaredFields()` (the class's own fields, not its superclass's), static
//   ones left out, each required (ToolSpecifications passes areSubFieldsRequiredByDefault = true) unless
//   `@JsonProperty(required = false)`, its description from `@Description`; String/char/UUID a string, the integer and
//   number types without a format, an enum its constant names.
// A class met again inside itself is a `$ref` (its definition counted where first met, not again under `$defs`); a
// type not declared in the workspace (a JDK or library class other than the scalars here) is `{}` and named.
// Seen in spring-petclinic/spring-petclinic-ai genai/PetclinicTools.java (`addOwnerToPetclinic(Owner owner)`) and
// spring-petclinic/spring-petclinic-langchain4j chat/AssistantTool.java, whose entity parameters were `{}`.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import { classScopes } from './class-files';
import { classBody } from './jvm-class-props';
import type { Json, ToolFlavor } from './spring-tool-defs';
import { enumValues, fields, isRequired, recordComponents } from './jvm-class-fields';

type Obj = { [k: string]: Json };
/** Nested classes read at most per parameter, and the depth of nesting. */
const [MAX_CLASSES, MAX_DEPTH] = [32, 6];
const STR: Obj = { type: 'string' };
/** Spring AI for a field's type: victools/jsonschema-generator 0ac50100 SimpleTypeModule forPrimitiveAndAdditionalTypes
 * (ADDITIONAL_FIXED_TYPES, STANDARD_FORMATS) and EXTRA_OPEN_API_FORMAT_VALUES's int32 / int64 / double / float. */
const DATE_TIME: Obj = { type: 'string', format: 'date-time' };
const SPRING: Record<string, Obj> = {
  String: STR, char: STR, Character: STR, CharSequence: STR, byte: STR, Byte: STR, LocalDateTime: STR, ZoneId: STR, YearMonth: STR,
  int: { type: 'integer', format: 'int32' }, Integer: { type: 'integer', format: 'int32' },
  long: { type: 'integer', format: 'int64' }, Long: { type: 'integer', format: 'int64' },
  short: { type: 'integer' }, Short: { type: 'integer' }, BigInteger: { type: 'integer' },
  double: { type: 'number', format: 'double' }, Double: { type: 'number', format: 'double' },
  float: { type: 'number', format: 'float' }, Float: { type: 'number', format: 'float' }, BigDecimal: { type: 'number' }, Number: { type: 'number' },
  boolean: { type: 'boolean' }, Boolean: { type: 'boolean' },
  LocalDate: { type: 'string', format: 'date' }, ZonedDateTime: DATE_TIME, OffsetDateTime: DATE_TIME, Instant: DATE_TIME, Date: DATE_TIME,
  Calendar: DATE_TIME, LocalTime: { type: 'string', format: 'time' }, OffsetTime: { type: 'string', format: 'time' },
  Duration: { type: 'string', format: 'duration' }, Period: { type: 'string', format: 'duration' },
  UUID: { type: 'string', format: 'uuid' }, URI: { type: 'string', format: 'uri' },
};
/** LangChain4j (JsonSchemaElementUtils isJsonString / isJsonInteger / isJsonNumber / isJsonBoolean). */
const L4J: Record<string, Obj> = {
  String: STR, char: STR, Character: STR, CharSequence: STR, UUID: { type: 'string', description: 'String in a UUID format' },
  int: { type: 'integer' }, Integer: { type: 'integer' }, short: { type: 'integer' }, Short: { type: 'integer' }, byte: { type: 'integer' },
  Byte: { type: 'integer' }, long: { type: 'integer' }, Long: { type: 'integer' }, BigInteger: { type: 'integer' },
  double: { type: 'number' }, Double: { type: 'number' }, float: { type: 'number' }, Float: { type: 'number' }, BigDecimal: { type: 'number' },
  boolean: { type: 'boolean' }, Boolean: { type: 'boolean' },
};
const LISTS = new Set(['List', 'Set', 'Collection', 'Iterable', 'ArrayList', 'LinkedList', 'HashSet', 'LinkedHashSet', 'TreeSet', 'SortedSet']);

interface Walk {
  flavor: ToolFlavor;
  unknown: string[];
  label: string;
  path: string[];
  classes: number;
}

/** The schema of the Java type toks[a, b) of scope s when it is a scalar, a list, an enum or a class the workspace declares. */
export function fieldTypeSchema(s: EvalScope, a: number, b: number, flavor: ToolFlavor, unknown: string[], label: string): Obj | undefined {
  return typeSchema(s, a, b, { flavor, unknown, label, path: [], classes: 0 });
}

function typeSchema(s: EvalScope, a: number, b: number, w: Walk): Obj | undefined {
  const { toks } = s;
  const name = toks[a]?.v;
  const scalars = w.flavor === 'spring-ai' ? SPRING : L4J;
  if (b === a + 1 && scalars[name]) return scalars[name];
  if (LISTS.has(name) && isP(toks[a + 1], '<') && isP(toks[b - 1], '>')) {
    const item = typeSchema(s, a + 2, b - 1, w);
    return item ? { type: 'array', items: item } : undefined;
  }
  if (b === a + 3 && isP(toks[a + 1], '[') && isP(toks[a + 2], ']')) {
    const item = typeSchema(s, a, a + 1, w);
    return item ? { type: 'array', items: item } : undefined;
  }
  if (b !== a + 1 || !isId(toks[a]) || !/^[A-Z]/.test(name)) return undefined;
  if (w.path.includes(name)) return { $ref: `#/$defs/${name}` };
  if (w.path.length >= MAX_DEPTH || w.classes >= MAX_CLASSES) return undefined;
  const own = s.toks.some((t, i) => (t.v === 'class' || t.v === 'enum' || t.v === 'record') && s.toks[i + 1]?.v === name && isId(t)) ? s : undefined;
  const scope = own ?? classScopes(s, name).next().value;
  if (!scope) return undefined;
  w.classes++;
  const values = enumValues(scope, name);
  if (values) return { type: 'string', enum: values };
  w.path.push(name);
  try {
    return objectSchema(scope, name, w);
  } finally {
    w.path.pop();
  }
}

/** `{type: object, properties, required}` of class `cls` in scope s (Spring AI: its superclasses' fields first). */
function objectSchema(s: EvalScope, cls: string, w: Walk): Obj | undefined {
  const comps = recordComponents(s, cls);
  const body = comps ? undefined : classBody(s, cls);
  if (!body && !comps) return undefined;
  // Read outside the call: an edit of the class changes what it sends (the keystroke path re-reads it).
  if (body) s.read?.push({ start: s.toks[body[0]].start, end: s.toks[body[1]].end });
  const properties: Obj = {};
  const required: string[] = [];
  if (w.flavor === 'spring-ai' && body) {
    const sup = superclass(s, cls, body[0]);
    if (sup) inherit(s, sup, w, properties, required);
  }
  for (const f of comps ?? fields(s, body!)) {
    if (w.flavor === 'spring-ai' && (f.transient || f.ann.ignored)) continue;
    const schema = typeSchema(s, f.type[0], f.type[1], w);
    if (!schema) {
      const label = `${w.label}: ${cls}.${f.name} (${s.text.slice(s.toks[f.type[0]].start, s.toks[f.type[1] - 1].end)}) not counted`;
      if (!w.unknown.includes(label)) w.unknown.push(label);
    }
    const prop: Obj = { ...(schema ?? {}) };
    // LangChain4j: `@Description`; Spring AI: `@ToolParam(description)` / `@Schema(description)` (JsonSchemaGeneratorTests
    // generateSchemaForMethodWithComplexParameters).
    const own = w.flavor === 'langchain4j' ? f.ann.descriptionBy === 'Description' : f.ann.descriptionBy !== 'Description';
    if (f.ann.description !== undefined && own) prop.description = f.ann.description;
    properties[f.name] = prop;
    if (isRequired(f.ann, w.flavor)) required.push(f.name);
  }
  // Spring AI: every object `additionalProperties: false` unless ALLOW_ADDITIONAL_PROPERTIES_BY_DEFAULT (processSchemaOptions).
  return w.flavor === 'spring-ai' ? { type: 'object', properties, required, additionalProperties: false } : { type: 'object', properties, required };
}

/** The superclass's fields, read where it is declared, before the class's own (victools walks the hierarchy). */
function inherit(s: EvalScope, sup: string, w: Walk, properties: Obj, required: string[]): void {
  if (w.path.includes(sup) || w.path.length >= MAX_DEPTH) return;
  const own = s.toks.some((t, i) => t.v === 'class' && s.toks[i + 1]?.v === sup) ? s : undefined;
  const scope = own ?? classScopes(s, sup).next().value;
  if (!scope) return;
  w.path.push(sup);
  try {
    const got = objectSchema(scope, sup, w);
    if (!got) return;
    Object.assign(properties, got.properties as Obj);
    required.push(...(got.required as string[]));
  } finally {
    w.path.pop();
  }
}

/** `class X extends Y`: Y, when the header names one. */
function superclass(s: EvalScope, cls: string, open: number): string | undefined {
  const { toks } = s;
  for (let k = open - 1; k > 0 && k > open - 40; k--) {
    if (toks[k].v === 'class' && toks[k + 1]?.v === cls) return undefined;
    if (toks[k].v === 'extends' && isId(toks[k + 1]) && toks[k - 1] !== undefined) return toks[k + 1].v;
  }
  return undefined;
}

