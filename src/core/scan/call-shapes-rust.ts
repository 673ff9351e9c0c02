// Rust agent frameworks whose request is built by a builder and sent by a method of the object built.
import type { CallShape } from './call-shape-types';

const RIG = 'https://github.com/0xPlaygrounds/rig';
export const RIG_AGENT = 'rig.rust.agent';

export const RUST_FRAMEWORK_SHAPES: CallShape[] = [
  // rig: `client.agent(MODEL).preamble("…").max_tokens(n).tool(…).build()`, then `agent.prompt(x)` / `agent.chat(x, history)`.
  {
    id: RIG_AGENT, sdk: 'Rig', kind: 'builder', anchor: ['.', 'agent', '('], langs: ['rust'], needs: ['rig', 'rig_core'], modelArg: 0, batchable: false,
    limitParam: '.max_tokens({n})', turnInput: 'the message sent with agent.prompt() / .chat() (run time)',
    source: `${RIG} (b75850e, crates/rig-agent/src/agent/builder.rs: AgentBuilder preamble, append_preamble, context, max_tokens, tool, build; crates/rig-core/src/providers/openai/completion/mod.rs: GPT_4O … constants)`,
  },
];
