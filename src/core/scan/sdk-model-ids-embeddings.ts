// Embedding model constants of the SDKs → the model id each one sends (see sdk-model-ids.ts). Data only, read from:
//   openai-go        embedding.go: EmbeddingModelTextEmbeddingAda002 / …3Small / …3Large (type EmbeddingModel)
//   go-openai        embeddings.go: AdaEmbeddingV2, SmallEmbedding3, LargeEmbedding3 (type EmbeddingModel)
//   openai-java      openai-java-core/…/models/embeddings/EmbeddingModel.kt: TEXT_EMBEDDING_ADA_002, TEXT_EMBEDDING_3_SMALL,
//                    TEXT_EMBEDDING_3_LARGE
// The MacPaw (Swift) and OpenAI-DotNet embedding constants are in their SDKs' tables already.

export const EMBEDDING_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  EmbeddingModelTextEmbeddingAda002: 'text-embedding-ada-002',
  EmbeddingModelTextEmbedding3Small: 'text-embedding-3-small',
  EmbeddingModelTextEmbedding3Large: 'text-embedding-3-large',
  AdaEmbeddingV2: 'text-embedding-ada-002',
  SmallEmbedding3: 'text-embedding-3-small',
  LargeEmbedding3: 'text-embedding-3-large',
  TEXT_EMBEDDING_ADA_002: 'text-embedding-ada-002',
  TEXT_EMBEDDING_3_SMALL: 'text-embedding-3-small',
  TEXT_EMBEDDING_3_LARGE: 'text-embedding-3-large',
};
