// The "Prompt Cost" output channel (Output view): activation, price sheets, tokenizer load, failures.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function createLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('Prompt Cost', { log: true });
  return channel;
}

export const log = {
  info: (m: string) => channel?.info(m),
  warn: (m: string) => channel?.warn(m),
  error: (m: string, e?: unknown) => channel?.error(e === undefined ? m : `${m}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
};
