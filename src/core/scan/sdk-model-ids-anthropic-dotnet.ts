// C# Anthropic clients' model constants → the model id each one sends (see sdk-model-ids.ts). Data only, read from every
// release tag and the default branch head of each repository:
//
// Anthropic.SDK (tghamm, the "Anthropic.SDK" NuGet package, community) — https://github.com/tghamm/Anthropic.SDK
//   Anthropic.SDK/Constants/AnthropicModels.cs (`public const string Claude45Sonnet = "claude-sonnet-4-5-20250929";`)
//   54 tags + head 3b798b4: 23 constants. Claude35Sonnet was "claude-3-5-sonnet-20240620" until c51cb5a; the newest
//   value is kept, as for the other tables.
// Claudia (Cysharp, community) — https://github.com/Cysharp/Claudia
//   src/Claudia/Constants.cs `Models` (`public const string Claude3Opus = "claude-3-opus-20240229";`): 19 tags + head
//   913310e; Claude3Opus / Claude3Sonnet / Claude3Haiku send the same ids as Anthropic.SDK's, so they are listed once.
// anthropic-sdk-csharp (Anthropic's official C# SDK) — https://github.com/anthropics/anthropic-sdk-csharp
//   src/Anthropic/Models/Messages/Model.cs, enum Model and its ModelConverter (`"claude-opus-4-6" => Model.ClaudeOpus4_6`):
//   98 tags + head 0be2cd1: 29 members.
// The claude-1 / claude-2 / instant ones are retired and priced by no sheet.

export const ANTHROPIC_DOTNET_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  Claude35Haiku: 'claude-3-5-haiku-20241022',
  Claude35Sonnet: 'claude-3-5-sonnet-20241022',
  Claude37Sonnet: 'claude-3-7-sonnet-20250219',
  Claude3Haiku: 'claude-3-haiku-20240307',
  Claude3Opus: 'claude-3-opus-20240229',
  Claude3Sonnet: 'claude-3-sonnet-20240229',
  Claude41Opus: 'claude-opus-4-1-20250805',
  Claude45Haiku: 'claude-haiku-4-5-20251001',
  Claude45Opus: 'claude-opus-4-5-20251101',
  Claude45Sonnet: 'claude-sonnet-4-5-20250929',
  Claude46Opus: 'claude-opus-4-6',
  Claude46Sonnet: 'claude-sonnet-4-6',
  Claude4Opus: 'claude-opus-4-20250514',
  Claude4Sonnet: 'claude-sonnet-4-20250514',
  ClaudeInstant_v1: 'claude-instant-1',
  ClaudeInstant_v1_1: 'claude-instant-1.1',
  ClaudeInstant_v1_2: 'claude-instant-1.2',
  Claude_v1: 'claude-1',
  Claude_v1_2: 'claude-1.2',
  Claude_v1_3: 'claude-1.3',
  Claude_v2: 'claude-2',
  Claude_v2_0: 'claude-2.0',
  Claude_v2_1: 'claude-2.1',
  // Claudia's own names.
  Claude1_2: 'claude-instant-1.2',
  Claude2_0: 'claude-2.0',
  Claude2_1: 'claude-2.1',
  Claude3_5Sonnet: 'claude-3-5-sonnet-20240620',
  Claude3_7Sonnet: 'claude-3-7-sonnet-20250219',
  // anthropic-sdk-csharp's enum Model.
  Claude3OpusLatest: 'claude-3-opus-latest',
  Claude3_5Haiku20241022: 'claude-3-5-haiku-20241022',
  Claude3_5HaikuLatest: 'claude-3-5-haiku-latest',
  Claude3_7Sonnet20250219: 'claude-3-7-sonnet-20250219',
  Claude3_7SonnetLatest: 'claude-3-7-sonnet-latest',
  Claude4Opus20250514: 'claude-4-opus-20250514',
  Claude4Sonnet20250514: 'claude-4-sonnet-20250514',
  ClaudeFable5: 'claude-fable-5',
  ClaudeHaiku4_5: 'claude-haiku-4-5',
  ClaudeHaiku4_5_20251001: 'claude-haiku-4-5-20251001',
  ClaudeMythos5: 'claude-mythos-5',
  ClaudeMythosPreview: 'claude-mythos-preview',
  ClaudeOpus4_0: 'claude-opus-4-0',
  ClaudeOpus4_1: 'claude-opus-4-1',
  ClaudeOpus4_1_20250805: 'claude-opus-4-1-20250805',
  ClaudeOpus4_20250514: 'claude-opus-4-20250514',
  ClaudeOpus4_5: 'claude-opus-4-5',
  ClaudeOpus4_5_20251101: 'claude-opus-4-5-20251101',
  ClaudeOpus4_6: 'claude-opus-4-6',
  ClaudeOpus4_7: 'claude-opus-4-7',
  ClaudeOpus4_8: 'claude-opus-4-8',
  ClaudeSonnet4_0: 'claude-sonnet-4-0',
  ClaudeSonnet4_20250514: 'claude-sonnet-4-20250514',
  ClaudeSonnet4_5: 'claude-sonnet-4-5',
  ClaudeSonnet4_5_20250929: 'claude-sonnet-4-5-20250929',
  ClaudeSonnet4_6: 'claude-sonnet-4-6',
  ClaudeSonnet5: 'claude-sonnet-5',
  Claude_3_Haiku_20240307: 'claude-3-haiku-20240307',
  Claude_3_Opus_20240229: 'claude-3-opus-20240229',
};
