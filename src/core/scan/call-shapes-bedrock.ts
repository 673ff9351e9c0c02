// AWS Bedrock Runtime's Converse API in the SDKs whose request is not a Python keyword call, a JavaScript command or a
// Go struct (those are call-shapes.ts's and call-shapes-go.ts's rows): Java and Kotlin, .NET, Ruby, PHP. The request's
// fields are the API's (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html: modelId,
// messages, system, inferenceConfig.maxTokens), named in each SDK's case. A file that names no BedrockRuntime (its
// package, namespace or class) is not read for them: `converse(` is a common word.
import type { CallShape } from './call-shape-types';

const API = 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (request: modelId, messages, system, inferenceConfig.maxTokens)';

export const BEDROCK_SHAPES: CallShape[] = [
  // boto3 InvokeModel: `client.invoke_model(body=json.dumps({…}), modelId=id)`, the body the model's own JSON request
  // (Anthropic Claude: anthropic_version, max_tokens, messages, system), read when written as a dict literal here or
  // bound before the call (param-config.ts made); else its limit and prompt are run time, named so.
  ...['invoke_model', 'invoke_model_with_response_stream'].map((m): CallShape => ({
    id: `bedrock.py.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: [m, '('], langs: ['python'], needs: ['boto3'],
    // `self.invoke_model(body)`: an application's own method around the client (MetaGPT provider/bedrock_api.py).
    runtimeRequest: true, keys: { config: new Set(['body']) }, notAfter: ['self'],
    limitParam: '"max_tokens" in the body', limitNested: true, opaqueBody: "body (the model's own JSON request)",
    source: `https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/bedrock-runtime/client/${m}.html (${m}(body, modelId, …)); https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html (body: anthropic_version, max_tokens, messages, system)`,
  })),
  // Java SDK 2.x: `client.converse(request -> request.modelId(id).messages(m).inferenceConfig(c -> c.maxTokens(512)))`,
  // or `client.converse(ConverseRequest.builder()….build())`; Kotlin: `client.converse { modelId = id; … }` or a
  // ConverseRequest passed in.
  ...['converse', 'converseStream'].map((m): CallShape => ({
    id: `bedrock.jvm.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '('], langs: ['java', 'kotlin'], needs: ['bedrockruntime'],
    runtimeRequest: true, limitParam: 'inferenceConfig(c -> c.maxTokens({n}))', limitNested: true,
    source: `https://sdk.amazonaws.com/java/api/latest/software/amazon/awssdk/services/bedrockruntime/BedrockRuntimeClient.html (${m}(Consumer<ConverseRequest.Builder>) / ${m}(ConverseRequest)); https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/bedrockruntime/ (converse(input: ConverseRequest)); ${API}`,
  })),
  // Kotlin's trailing-lambda builder: `client.converse { modelId = id; messages = …; inferenceConfig { maxTokens = 512 } }`.
  ...['converse', 'converseStream'].map((m): CallShape => ({
    id: `bedrock.kotlin.${m}.block`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '{'], langs: ['kotlin'], needs: ['bedrockruntime'],
    runtimeRequest: true, limitParam: 'inferenceConfig { maxTokens = {n} }', limitNested: true,
    source: `https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/bedrockruntime/aws.sdk.kotlin.services.bedrockruntime/${m}.html (inline suspend fun BedrockRuntimeClient.${m}(crossinline block: ${m === 'converse' ? 'ConverseRequest' : 'ConverseStreamRequest'}.Builder.() -> Unit)); ${API}`,
  })),
  // .NET: `await client.ConverseAsync(new ConverseRequest { ModelId = id, Messages = …, InferenceConfig = new
  // InferenceConfiguration { MaxTokens = 512 } })`.
  ...['ConverseAsync', 'ConverseStreamAsync'].map((m): CallShape => ({
    id: `bedrock.dotnet.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '('], langs: ['csharp'], needs: ['BedrockRuntime'],
    runtimeRequest: true, ctors: [{ type: m === 'ConverseAsync' ? 'ConverseRequest' : 'ConverseStreamRequest', overloads: [[]] }],
    limitParam: 'InferenceConfig.MaxTokens', limitNested: true,
    source: `https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/BedrockRuntime/MBedrockRuntime${m}.html (AmazonBedrockRuntimeClient.${m}(${m === 'ConverseAsync' ? 'ConverseRequest' : 'ConverseStreamRequest'})); ${API}`,
  })),
  // Ruby: `client.converse(model_id: id, messages: […], inference_config: { max_tokens: 512 })`.
  ...['converse', 'converse_stream'].map((m): CallShape => ({
    id: `bedrock.ruby.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '('], langs: ['ruby'], needs: ['BedrockRuntime'],
    runtimeRequest: true, limitParam: 'inference_config: { max_tokens: {n} }', limitNested: true,
    source: `https://docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/BedrockRuntime/Client.html#${m}-instance_method (model_id:, messages:, system:, inference_config: { max_tokens: }); ${API}`,
  })),
  // PHP: `$client->converse(['modelId' => $id, 'messages' => […], 'inferenceConfig' => ['maxTokens' => 512]])`.
  ...['converse', 'converseStream'].map((m): CallShape => ({
    id: `bedrock.php.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['->', m, '('], langs: ['php'], needs: ['BedrockRuntime'],
    runtimeRequest: true, limitParam: "'inferenceConfig' => ['maxTokens' => {n}]", limitNested: true,
    source: `https://docs.aws.amazon.com/aws-sdk-php/v3/api/api-bedrock-runtime-2023-09-30.html#${m.toLowerCase()} (${m}(array $params): modelId, messages, system, inferenceConfig.maxTokens); ${API}`,
  })),
];
