// Rust rows whose anchor another crate's object shares, left out there: rig's `.agent(` on another client (rust-rig.ts),
// chatgpt_rs before 1.0 (0.1.0 – 0.6.0 wrapped the ChatGPT web app's session at chat.openai.com/backend-api, not the
// billed API: Maxuss/chatgpt_rs c4e68c8 src/client.rs; 1.0.0, bf1746e, posts to api.openai.com/v1/chat/completions).
import { notRigClient } from './rust-rig';
import { RIG_AGENT } from './call-shapes-rust';
import { chatgptRsVersion } from './chatgpt-rs-version';
import type { Ctx } from './values';

export function notCrateClient(c: Ctx, id: string, first: number): boolean {
  if (id === RIG_AGENT) return notRigClient(c, first);
  if (id.startsWith('chatgpt_rs.')) return chatgptRsVersion(c)?.[0] === 0;
  return false;
}
