// Options asked of the container in a registration's factory: `var settings = sp.GetRequiredService<IOptions<
// BedrockSettings>>();` then `settings.Value.ModelId` (jehhynes/medley src/Medley.Infrastructure/DependencyInjection.cs,
// held47 H19: `bedrockClient.AsIChatClient(bedrockSettings.Value.ModelId)`). The object is the bound options class as
// an injected `IOptions<T>` parameter is (ServiceProviderServiceExtensions.GetRequiredService<T>,
// https://learn.microsoft.com/dotnet/api/microsoft.extensions.dependencyinjection.serviceproviderserviceextensions).
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';

const OPTIONS = new Set(['IOptions', 'IOptionsSnapshot', 'IOptionsMonitor']);
const ASK = new Set(['GetRequiredService', 'GetService']);

/** `GetRequiredService<IOptions<T>>()` at token n: the options wrapper and T's last name (T alone with `.Value`). */
export function servedOptions(toks: Token[], n: number): { type: string; arg?: string } | undefined {
  if (!isId(toks[n]) || !ASK.has(toks[n].v) || !isP(toks[n + 1], '<') || !OPTIONS.has(toks[n + 2]?.v) || !isP(toks[n + 3], '<')) return undefined;
  let j = n + 4;
  while (isId(toks[j]) && isP(toks[j + 1], '.') && j < n + 20) j += 2;
  if (!isId(toks[j])) return undefined;
  // `>>` is one token or two.
  const close = isP(toks[j + 1], '>>') ? j + 2 : isP(toks[j + 1], '>') && isP(toks[j + 2], '>') ? j + 3 : -1;
  if (close < 0 || !isP(toks[close], '(') || !isP(toks[close + 1], ')')) return undefined;
  // `GetRequiredService<IOptions<T>>().Value`: the options object itself, as a `T settings` parameter.
  return isP(toks[close + 2], '.') && toks[close + 3]?.v === 'Value' ? { type: toks[j].v } : { type: toks[n + 2].v, arg: toks[j].v };
}
