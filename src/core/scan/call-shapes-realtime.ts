// Realtime (speech-to-speech) sessions: the model is named where the session is connected, and each response the
// code asks for is one model call over the whole session's conversation (text, audio, tool results) sent at run time.
// The row is at the send (`response.create`), never at the connect, which bills nothing by itself.
import type { CallShape } from './call-shape-types';

const GENAI_JS = 'https://github.com/googleapis/js-genai';
/** What a Live session adds to each turn's input: its earlier turns and the audio or video streamed. */
const LIVE = "the live session's earlier turns and streamed audio (run time)";
const TURNS = { prompt: new Set(['turns']) };
export const SESSION = 'the realtime session (its conversation, audio and settings sent at run time)';

export const REALTIME_SHAPES: CallShape[] = [
  // `async with client.realtime.connect(model="gpt-realtime") as connection:` … `await connection.response.create()`.
  {
    id: 'openai.realtime.response', sdk: 'OpenAI', provider: 'openai', anchor: ['response', '.', 'create', '('], langs: ['python'],
    // A connection kept by the app and handed back by a method typed with it (`conn = await self._get_connection()`,
    // `-> AsyncRealtimeConnection`: examples/realtime/push_to_talk_app.py) is one made elsewhere: its model unknown here.
    via: { from: 'receiver', anchors: [{ anchor: ['realtime', '.', 'connect', '('] }], unbound: 'realtime connection made elsewhere', types: ['AsyncRealtimeConnection', 'RealtimeConnection'] },
    opaqueBody: SESSION, limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/openai/openai-python (src/openai/resources/realtime/realtime.py: connect(model=…) → RealtimeConnection; RealtimeResponseResource.create(event_id, response={max_output_tokens, …}); examples/realtime/realtime.py)',
  },
  // openai-ruby: `client.realtime.connect(model: "gpt-realtime") do |connection|` … `connection.response.create` (with
  // or without arguments and parentheses: ruby-commands.ts reads the bare form), ruby-realtime.ts.
  {
    id: 'openai.realtime.response.rb', sdk: 'OpenAI', provider: 'openai', anchor: ['response', '.', 'create', '('], langs: ['ruby'],
    via: { from: 'receiver', anchors: [{ anchor: ['realtime', '.', 'connect', '('] }], blockParam: true },
    opaqueBody: SESSION, limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/openai/openai-ruby (edfb30b; lib/openai/helpers/realtime/resources/realtime_extension.rb connect(model:, …, &block) yields the connection; connection_resources.rb Response#create(**params) sends "response.create"; examples/realtime/websocket_text.rb)',
  },
  // openai-agents realtime: `runner = RealtimeRunner(agent)` then `async with await runner.run(model_config={
  // "initial_model_settings": {"model_name": "gpt-realtime", …}}) as session:`. The session answers each turn the
  // server's voice detection ends (or each `send_message`): the row, at the run, is one response of that session.
  // No model named: the SDK's DEFAULT_REALTIME_MODEL, which a release may change (named, not priced).
  {
    id: 'openai-realtime.agents.run', sdk: 'OpenAI Realtime', provider: 'openai', anchor: ['run', '('], langs: ['python'], needs: ['RealtimeRunner'],
    via: { from: 'receiver', anchors: [{ anchor: ['RealtimeRunner', '('] }] }, keys: { model: new Set(['modelname']), config: new Set(['modelconfig', 'initialmodelsettings']),
      // The speech-to-text model of the session's input audio (`{"model": "whisper-1"}`): not the session's model.
      skip: new Set(['inputaudiotranscription', 'transcription']) },
    defaultModel: "the realtime model of openai-agents: DEFAULT_REALTIME_MODEL (\"gpt-realtime-2.1\" in 7f7a44f8) unless the runner's model or a SIP call sets it",
    opaqueBody: SESSION, limitParam: "\"max_output_tokens\": {n} in initial_model_settings", limitNested: true, batchable: false,
    source: 'https://github.com/openai/openai-agents-python (7f7a44f8; src/agents/realtime/runner.py RealtimeRunner(starting_agent, *, model, config).run(*, context, model_config); config.py RealtimeSessionModelSettings.model_name, max_output_tokens, RealtimeRunConfig.model_settings; openai_realtime.py:168 DEFAULT_REALTIME_MODEL = "gpt-realtime-2.1"; examples/realtime/cli/demo.py)',
  },
  // openai-agents-js: `const session = new RealtimeSession(agent, { model: 'gpt-realtime', config })` then `await
  // session.connect({ apiKey })`. As in Python, the session answers each turn the voice detection ends (or each
  // `sendMessage`): the row, at the connect, is one response of that session, with the starting agent's instructions
  // and tools (realtime-agents.ts). No model named: DEFAULT_OPENAI_REALTIME_MODEL (named, not priced). The session config
  // has no field for the output limit; its `providerData` is spread into the session the SDK sends
  // (openaiRealtimeBase.ts _getMergedSessionConfig: `...(newConfig.providerData ?? {})`), whose max_output_tokens the
  // Realtime API reads.
  {
    id: 'openai-realtime.agents.js.connect', sdk: 'OpenAI Realtime', provider: 'openai', anchor: ['connect', '('], langs: ['javascript'], needs: ['RealtimeSession'],
    via: { from: 'receiver', anchors: [{ anchor: ['RealtimeSession', '('] }], optionsOnly: true },
    // A session on the SDK's ScriptedRealtimeTransport (`@openai/agents/realtime/testing`, examples/docs/testing) sends
    // nothing.
    imports: { paths: ['@openai/agents/realtime', '@openai/agents-realtime'], word: 'realtime', fakes: ['@openai/agents/realtime/testing', '@openai/agents-realtime/testing'] },
    // The speech-to-text model of the session's input audio (`transcription: { model: 'gpt-4o-mini-transcribe' }`).
    keys: { skip: new Set(['inputaudiotranscription', 'transcription']) },
    defaultModel: 'the realtime model of openai-agents-js: DEFAULT_OPENAI_REALTIME_MODEL ("gpt-realtime-2.1" in 6d0c61a5) unless the session sets model',
    opaqueBody: SESSION, limitParam: 'config: { providerData: { max_output_tokens: {n} } }', limitNested: true, batchable: false,
    source: 'https://github.com/openai/openai-agents-js (6d0c61a5, @openai/agents-realtime 0.17.0; packages/agents-realtime/src/realtimeSession.ts new RealtimeSession(initialAgent, options{model, config}), connect(options); openaiRealtimeBase.ts DEFAULT_OPENAI_REALTIME_MODEL = "gpt-realtime-2.1", _getMergedSessionConfig; clientMessages.ts RealtimeSessionConfig; examples/docs/voice-agents)',
  },
  // A Responses WebSocket's request is the event itself, its model and input written in it: `with
  // client.beta.responses.connect(…) as connection: connection.send({"type": "response.create", "model": …, "input": …})`
  // (openai-python e43b4224 src/openai/resources/beta/responses/responses.py connect(…), send(event:
  // BetaResponsesClientEventParam); examples/responses/multi_agent_websocket.py).
  {
    id: 'openai.responses.ws.send', sdk: 'OpenAI', provider: 'openai', anchor: ['send', '('], langs: ['python'], needs: ['openai'],
    eventType: 'response.create', via: { from: 'receiver', anchors: [{ anchor: ['responses', '.', 'connect', '('] }] },
    // A socket held open for an interactive turn: no batch API takes it.
    batchable: false,
    limitParam: 'max_output_tokens', source: 'https://github.com/openai/openai-python (e43b4224; src/openai/resources/beta/responses/responses.py, src/openai/resources/responses/responses.py: connect(…) → ResponsesConnection.send(event))',
  },
  // A realtime session's response asked for as a raw event, `await connection.send({"type": "response.create",
  // "response": {}})`, also on a connection passed in (examples/realtime/audio_util.py `connection: AsyncRealtimeConnection`).
  {
    id: 'openai.realtime.send', sdk: 'OpenAI', provider: 'openai', anchor: ['send', '('], langs: ['python'], needs: ['openai'],
    eventType: 'response.create',
    via: { from: 'receiver', anchors: [{ anchor: ['realtime', '.', 'connect', '('] }], unbound: 'realtime connection made elsewhere', types: ['AsyncRealtimeConnection', 'RealtimeConnection'] },
    opaqueBody: SESSION, limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/openai/openai-python (e43b4224; src/openai/resources/realtime/realtime.py: RealtimeConnection.send(event), AsyncRealtimeConnection.send(event); examples/realtime/audio_util.py)',
  },
  // openai-node: `const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime' })` (or OpenAIRealtimeWebSocket, or the
  // Azure factory `await OpenAIRealtimeWS.azure(client)`, on the client's deployment), then
  // `rt.send({ type: 'response.create' })`; the other events sent (`session.update`, `conversation.item.create`) bill
  // nothing by themselves.
  {
    id: 'openai.realtime.js.send', sdk: 'OpenAI', provider: 'openai', anchor: ['send', '('], langs: ['javascript'],
    eventType: 'response.create',
    via: {
      from: 'receiver',
      anchors: ['OpenAIRealtimeWS', 'OpenAIRealtimeWebSocket'].flatMap((k) => [
        { anchor: [k, '('] },
        { anchor: [k, '.', 'azure', '('], defaultModel: "the Azure client's deployment (its deploymentName)" },
      ]),
    },
    imports: { paths: ['openai/realtime/ws', 'openai/realtime/websocket', 'openai/beta/realtime/ws', 'openai/beta/realtime/websocket'], word: 'realtime' },
    opaqueBody: SESSION, limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/openai/openai-node (src/realtime/ws.ts and websocket.ts: constructor({ model, … }), static azure(client, props) on the client\'s deployment; send(event: RealtimeClientEvent); examples/realtime/ws.ts, examples/azure/realtime/ws.ts)',
  },
  // openai-node's Responses WebSocket: `const ws = new ResponsesWS(client, { headers })` (or the beta one), then
  // `ws.send({ type: 'response.create', model, input, … })`: as in Python, the event is the request, its model and
  // input written in it (openai-node 7b7d6ca src/resources/responses/ws.ts and beta/responses/ws.ts: constructor(client,
  // options); ws-base.ts send(event: ResponsesClientEvent); examples/responses/multi-agent-websocket.ts).
  {
    id: 'openai.responses.ws.js.send', sdk: 'OpenAI', provider: 'openai', anchor: ['send', '('], langs: ['javascript'],
    eventType: 'response.create', via: { from: 'receiver', anchors: [{ anchor: ['ResponsesWS', '('] }], unbound: 'Responses WebSocket made elsewhere', types: ['ResponsesWS'] },
    imports: { paths: ['openai/resources/responses/ws', 'openai/resources/beta/responses/ws'], word: 'responses' },
    batchable: false,
    limitParam: 'max_output_tokens', source: 'https://github.com/openai/openai-node (7b7d6ca; src/resources/responses/ws.ts, src/resources/beta/responses/ws.ts: new ResponsesWS(client, options); src/resources/responses/ws-base.ts send(event))',
  },
  // Gemini Live: `const session = await ai.live.connect({ model, config: { systemInstruction, maxOutputTokens } })`, then
  // `session.sendClientContent({ turns })` (text counted, the session's earlier turns run time) or
  // `session.sendRealtimeInput({ text | audio | media })` (a stream; its audio run time).
  ...['sendClientContent', 'sendRealtimeInput'].map((m): CallShape => ({
    id: `gemini.live.js.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['javascript'],
    via: { from: 'receiver', anchors: [{ anchor: ['live', '.', 'connect', '('] }] },
    imports: { paths: ['@google/genai'], word: 'genai' }, keys: TURNS, turnInput: LIVE,
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `${GENAI_JS} (src/live.ts: Live.connect({model, config}) → Session; Session.${m}(params); src/types.ts LiveConnectConfig.maxOutputTokens, systemInstruction)`,
  })),
  // Python: `async with client.aio.live.connect(model=…, config=…) as session:` then `await session.send_client_content(turns=…)`.
  ...['send_client_content', 'send_realtime_input'].map((m): CallShape => ({
    id: `gemini.live.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['python'],
    via: { from: 'receiver', anchors: [{ anchor: ['live', '.', 'connect', '('] }] },
    keys: TURNS, turnInput: LIVE, limitParam: 'max_output_tokens', limitNested: true,
    source: `https://github.com/googleapis/python-genai (google/genai/live.py: AsyncLive.connect(model, config) → AsyncSession; AsyncSession.${m}; types.LiveConnectConfig.max_output_tokens)`,
  })),
  // Go: `session, err := client.Live.Connect(ctx, model, config)` then `session.SendClientContent(genai.LiveClientContentInput{Turns: …})`
  // or `session.SendRealtimeInput(genai.LiveRealtimeInput{Audio | Text | Media})`.
  ...['SendClientContent', 'SendRealtimeInput'].map((m): CallShape => ({
    id: `gemini.go.live.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['go'],
    via: { from: 'receiver', anchors: [{ anchor: ['Live', '.', 'Connect', '('] }], modelArg: 1, configArg: 2 },
    keys: TURNS, turnInput: LIVE, limitParam: 'MaxOutputTokens', limitNested: true,
    source: `https://github.com/googleapis/go-genai (live.go: Live.Connect(ctx, model string, config *LiveConnectConfig) (*Session, error); Session.${m}(input); types.go LiveConnectConfig.MaxOutputTokens, SystemInstruction; LiveSendClientContentParameters.Turns)`,
  })),
];
