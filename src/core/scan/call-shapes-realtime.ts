// Realtime (speech-to-speech) sessions: the model is named where the session is connected, and each response the
// code asks for is one model call over the whole session's conversation (text, audio, tool results) sent at run time.
// The row is at the send (`response.create`), never at the connect, which bills nothing by itself.
import type { CallShape } from './call-shape-types';

const SESSION = 'the realtime session (its conversation, audio and settings sent at run time)';

export const REALTIME_SHAPES: CallShape[] = [
  // `async with client.realtime.connect(model="gpt-realtime") as connection:` … `await connection.response.create()`.
  {
    id: 'openai.realtime.response', sdk: 'OpenAI', provider: 'openai', anchor: ['response', '.', 'create', '('], langs: ['python'],
    via: { from: 'receiver', anchors: [{ anchor: ['realtime', '.', 'connect', '('] }], unbound: 'realtime connection made elsewhere' },
    opaqueBody: SESSION, limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/openai/openai-python (src/openai/resources/realtime/realtime.py: connect(model=…) → RealtimeConnection; RealtimeResponseResource.create(event_id, response={max_output_tokens, …}); examples/realtime/realtime.py)',
  },
];
