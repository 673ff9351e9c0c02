// anthropic-sdk-php (Anthropic's official PHP SDK) model enum cases → the model id each one sends (see sdk-model-ids.ts):
// `$client->messages->create(model: Model::CLAUDE_SONNET_4_5, …)`. Data only, read from every release tag (48, v0.1.0 …
// v0.43.0) and the head 475a134 of https://github.com/anthropics/anthropic-sdk-php, src/Messages/Model.php
// (`case CLAUDE_OPUS_4_6 = 'claude-opus-4-6';`): 48 cases. The 30 whose names other SDKs' tables already give (the
// same ids: anthropic-sdk-java's Model constants) are not repeated; below, its Bedrock and Vertex ones.

export const ANTHROPIC_PHP_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  BEDROCK_CLAUDE_3_5_HAIKU_20241022: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  BEDROCK_CLAUDE_3_7_SONNET_20250219: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
  BEDROCK_CLAUDE_3_HAIKU_20240307: 'anthropic.claude-3-haiku-20240307-v1:0',
  BEDROCK_CLAUDE_HAIKU_4_5_20251001: 'anthropic.claude-haiku-4-5-20251001-v1:0',
  BEDROCK_CLAUDE_OPUS_4_1_20250805: 'anthropic.claude-opus-4-1-20250805-v1:0',
  BEDROCK_CLAUDE_OPUS_4_20250514: 'anthropic.claude-opus-4-20250514-v1:0',
  BEDROCK_CLAUDE_OPUS_4_5_20251101: 'anthropic.claude-opus-4-5-20251101-v1:0',
  BEDROCK_CLAUDE_SONNET_4_20250514: 'anthropic.claude-sonnet-4-20250514-v1:0',
  BEDROCK_CLAUDE_SONNET_4_5_20250929: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  VERTEX_CLAUDE_3_5_HAIKU_20241022: 'claude-3-5-haiku@20241022',
  VERTEX_CLAUDE_3_7_SONNET_20250219: 'claude-3-7-sonnet@20250219',
  VERTEX_CLAUDE_3_HAIKU_20240307: 'claude-3-haiku@20240307',
  VERTEX_CLAUDE_HAIKU_4_5_20251001: 'claude-haiku-4-5@20251001',
  VERTEX_CLAUDE_OPUS_4_1_20250805: 'claude-opus-4-1@20250805',
  VERTEX_CLAUDE_OPUS_4_20250514: 'claude-opus-4@20250514',
  VERTEX_CLAUDE_OPUS_4_5_20251101: 'claude-opus-4-5@20251101',
  VERTEX_CLAUDE_SONNET_4_20250514: 'claude-sonnet-4@20250514',
  VERTEX_CLAUDE_SONNET_4_5_20250929: 'claude-sonnet-4-5@20250929',
};
