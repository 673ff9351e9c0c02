// C# files of a project that use a file's types: C# imports name namespaces, not files, so the file an Azure Function
// or a controller depends on is known by the type names it holds (iwakami-ns/GraphRagText2Sql: Functions/AskFunction.cs
// takes `SqlGeneratorService sg` in its constructor; Services/CosmosGraphService.cs calls
// `KeywordExpander.TranslateToEnglishAsync(…)`). A registration in the host's container
// (`services.AddSingleton<SqlGeneratorService>()`) is not a use: every service of the app is registered there.

/** Type declarations: `class SqlGeneratorService`, `public static class KeywordExpander`, `record`, `interface`. */
const DECLARED = /\b(?:class|record|interface|struct)\s+([A-Za-z_]\w*)/g;
/** `AddSingleton<T>`, `AddScoped<IFoo, Foo>`, `AddHostedService<Worker>`, `AddHttpClient<T>`: a container registration. */
const REGISTRATION = /\.(?:Add|TryAdd)\w*\s*<[^<>()]*>/g;
const MAX_NAMES = 20;

/** The type names a C# file declares (at most MAX_NAMES). */
export function declaredTypes(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(DECLARED)) {
    out.add(m[1]);
    if (out.size >= MAX_NAMES) break;
  }
  return [...out];
}

/** Does this C# text use one of `names` (as a whole word, outside container registrations)? */
export function usesType(text: string, names: string[]): boolean {
  const named = names.filter((n) => text.includes(n));
  if (!named.length) return false;
  const body = text.replace(REGISTRATION, ' ');
  return named.some((n) => wordIn(body, n));
}

const WORD = /[\w.]/;

/** `name` as a whole word, not a member (`x.Name`) or a part of a longer name; a name qualified by its namespace
 * (`new Toci.PlotTwist.ChatGPT.ChatGptApiClient(…)`, `Notes.Client.CompletionClient c`) is a use too: a user missed
 * hides its calls, one too many is only read. */
function wordIn(text: string, name: string): boolean {
  // Qualified occurrences looked at, at most: a real file names a type a few times.
  let paths = 256;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if ((i === 0 || !WORD.test(text[i - 1]) || (paths-- > 0 && qualified(text, i - 1))) && !/\w/.test(text[i + name.length] ?? ' ')) return true;
  }
  return false;
}

/** Is the `.` at `dot` the end of a namespace path (capitalised names joined by dots)? Looked at 64 characters back at
 * most, by char codes: a long run of `A.A.A…` makes every occurrence of the name look again. */
function qualified(text: string, dot: number): boolean {
  if (text.charCodeAt(dot) !== 46) return false;
  let j = dot;
  for (; j > 0 && j > dot - 64; j--) {
    const c = text.charCodeAt(j - 1);
    if (!(c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
  }
  if (j === dot - 64) return false;
  return text.slice(j, dot).split('.').every((seg) => /^[A-Z]\w*$/.test(seg));
}
