// Semantic Kernel's execution settings handed in from elsewhere. `GetChatMessageContentAsync(history, settings,
// kernel)` takes `PromptExecutionSettings? executionSettings` second (microsoft/semantic-kernel
// dotnet/src/SemanticKernel.Abstractions/AI/ChatCompletion/ChatCompletionServiceExtensions.cs and
// IChatCompletionService.cs: GetChatMessageContentsAsync / GetStreamingChatMessageContentsAsync(chatHistory,
// executionSettings = null, kernel = null, …)). A settings object this file makes is read where it is made; one that
// comes in through a constructor or a method parameter (`_settings = settings`, held66 U1
// jconeo117/Semantic-kernel-project RecepcionistAgent.cs: MaxTokens 1500 set by a configurator in another project)
// may hold a limit: run time, never "Set MaxTokens".
import { isId, isP } from '../lex/brackets';
import { argsOf } from './php-chains';
import { containerValue } from './nested-limit';
import type { Ctx } from './values';
// The other reading every Semantic Kernel call gets: its prompt's `{{$variables}}`.
export { skTemplateHoles } from './sk-template-holes';
import type { Found } from './keys';

const SETTINGS_SECOND = new Set([
  'semantic-kernel.GetChatMessageContentAsync',
  'semantic-kernel.GetChatMessageContentsAsync',
  'semantic-kernel.GetStreamingChatMessageContentsAsync',
]);

/** The limit of the settings argument of a Semantic Kernel chat call that the key walk found none in. */
export function skSettingsLimit(c: Ctx, f: Found, shapeId: string, from: number, to: number, before: number): void {
  if (!SETTINGS_SECOND.has(shapeId) || f.limit || f.limitUnresolved) return;
  const args = argsOf(c, from, to);
  const span = args.get('executionSettings') ?? args.get(1);
  if (!span) return;
  const [a, e] = span;
  // A name or a member chain (`settings`, `_settings`, `this._settings`); `null` sends none. A `new …{ }` written
  // here was read by the key walk.
  for (let k = a; k < e; k++) if (!isId(c.toks[k]) && !isP(c.toks[k], '.')) return;
  if (e === a + 1 && c.toks[a].v === 'null') return;
  containerValue(c, f, a, e, before);
}
