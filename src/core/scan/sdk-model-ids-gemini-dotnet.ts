// Gemini.NET (phanxuanquang/Gemini.NET, the community C# client, namespace GeminiDotNET) ModelVersion enum members →
// the model id each one sends (see sdk-model-ids.ts): `generator.GenerateContentAsync(request,
// ModelVersion.Gemini_20_Flash_Lite)`. Data only, read once from every commit of
// https://github.com/phanxuanquang/Gemini.NET that holds `API Models/Enums/ModelVersion.cs` (the `[Description("…")]`
// of each member, which Generator.cs sends as the model alias), 2025-02-08 … head c7c2798 (2025-06-08). Gemini_20_Flash_Lite,
// Gemini_20_Flash_Thinking changed value across commits: the newest is kept. `Undefined` sends no model.

export const GEMINI_DOTNET_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  Gemini_15_Flash: 'gemini-1.5-flash',
  Gemini_15_Flash_8B: 'gemini-1.5-flash-8b',
  Gemini_15_Pro: 'gemini-1.5-pro',
  Gemini_20_Flash: 'gemini-2.0-flash',
  Gemini_20_Flash_Lite: 'gemini-2.0-flash-lite',
  Gemini_20_Flash_Thinking: 'gemini-2.0-flash-thinking-exp-01-21',
  Gemini_20_Pro: 'gemini-2.0-pro-exp-02-05',
  Gemini_25_Pro: 'gemini-2.5-pro-exp-03-25',
};
