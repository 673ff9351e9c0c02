// Batch advice withheld where a person waits, across modules (issue #11, session 33's blind sample):
// - yoichiojima-2/openai-rust: src/api_client.rs `pub async fn request(messages)` posts with reqwest; src/features.rs
//   loops `io::stdin().read_line(&mut input)` → `api_client::request(&messages).await` → `println!`.
// The forms below are written for these tests, in the shapes seen there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit } from '../src/core/editor/incremental';
import { advice, shippedTable as table, AT } from './helpers/app-advice';

const CLIENT =
  'use crate::message::Message;\nuse reqwest::Client;\n\nconst URL: &str = "https://api.openai.com/v1/chat/completions";\n\n' +
  'pub async fn request(messages: &Vec<Message>) -> serde_json::Value {\n    let client = Client::new();\n' +
  '    let body = serde_json::json!({ "model": "gpt-4o-mini", "max_tokens": 400, "messages": messages });\n' +
  '    client.post(URL).json(&body).send().await.unwrap().json().await.unwrap()\n}\n';
const CHAT =
  'use std::io;\nuse crate::api_client;\nuse crate::message::Message;\n\npub async fn interactive_chat() {\n    let mut messages: Vec<Message> = Vec::new();\n' +
  '    loop {\n        let mut input = String::new();\n        io::stdin().read_line(&mut input).unwrap();\n' +
  '        messages.push(Message { role: "user".into(), content: input });\n        let response = api_client::request(&messages).await;\n        println!("{}", response);\n    }\n}\n';
const CARGO = '[package]\nname = "chat-cli"\nversion = "0.1.0"\n\n[dependencies]\nreqwest = "0.11"\n';

test('Rust: a wrapper another module calls after reading a line from stdin gets no batch advice; stdin fed as a pipe keeps it', () => {
  const base = { 'Cargo.toml': CARGO, 'src/api_client.rs': CLIENT, 'src/main.rs': 'mod api_client;\nmod features;\nmod message;\n' };
  assert.ok(advice(base, 'src/api_client.rs', 'rust')[0].includes('batch'), 'no caller: batch kept');
  assert.ok(!advice({ ...base, 'src/features.rs': CHAT }, 'src/api_client.rs', 'rust')[0].includes('batch'));
  // Two calls up: main's loop reads the line, features::reply calls the wrapper.
  const reply = 'use crate::api_client;\n\npub async fn reply(text: String) {\n    let m = vec![text];\n    println!("{}", api_client::request(&m).await);\n}\n';
  const main = 'mod api_client;\nmod features;\n\n#[tokio::main]\nasync fn main() {\n    let mut rl = rustyline::DefaultEditor::new().unwrap();\n    while let Ok(line) = rl.readline(">> ") {\n        features::reply(line).await;\n    }\n}\n';
  assert.ok(!advice({ ...base, 'src/features.rs': reply, 'src/main.rs': main }, 'src/api_client.rs', 'rust')[0].includes('batch'));
  // Each line piped in is one request: batch work.
  const pipe = CHAT.replace('    loop {\n        let mut input = String::new();\n        io::stdin().read_line(&mut input).unwrap();\n', '    for line in io::stdin().lock().lines() {\n        let input = line.unwrap();\n');
  assert.ok(advice({ ...base, 'src/features.rs': pipe }, 'src/api_client.rs', 'rust')[0].includes('batch'));
  // A file's BufReader read_line is no terminal.
  const file = CHAT.replace('io::stdin().read_line(&mut input)', 'reader.read_line(&mut input)');
  assert.ok(advice({ ...base, 'src/features.rs': file }, 'src/api_client.rs', 'rust')[0].includes('batch'));
});

// umyomyomyon/gpt-cli: src/main.rs loops `let input = cli::prompt();` → `api::request_chatgpt(…)`; src/cli.rs `prompt()`
// prints a mark and returns `read_input()`, which reads stdin.
test('Rust: the terminal read in a helper the caller calls first (another module, two functions down)', () => {
  const cli = 'use std::io::Write;\n\npub fn prompt() -> String {\n    print!("> ");\n    std::io::stdout().flush().unwrap();\n    read_input()\n}\n\n' +
    'fn read_input() -> String {\n    let mut line = String::new();\n    std::io::stdin().read_line(&mut line).unwrap();\n    line.trim().to_string()\n}\n';
  const main = 'mod api_client;\nmod cli;\nmod message;\n\n#[tokio::main]\nasync fn main() {\n    let mut messages = Vec::new();\n    loop {\n        let input = cli::prompt();\n' +
    '        messages.push(input);\n        println!("{}", api_client::request(&messages).await);\n    }\n}\n';
  const base = { 'Cargo.toml': CARGO, 'src/api_client.rs': CLIENT, 'src/main.rs': main };
  assert.ok(!advice({ ...base, 'src/cli.rs': cli }, 'src/api_client.rs', 'rust')[0].includes('batch'));
  // The helper reads a file instead: nobody at the terminal.
  const file = cli.replace('std::io::stdin().read_line(&mut line).unwrap();', 'std::fs::File::open("q.txt").unwrap().read_to_string(&mut line).unwrap();');
  assert.ok(advice({ ...base, 'src/cli.rs': file }, 'src/api_client.rs', 'rust')[0].includes('batch'));
  // A helper asking once for the API key before the work is no person waiting on each answer.
  const key = cli.replace('pub fn prompt()', 'pub fn prompt_api_key()');
  assert.ok(advice({ ...base, 'src/cli.rs': key, 'src/main.rs': main.replace('cli::prompt()', 'cli::prompt_api_key()') }, 'src/api_client.rs', 'rust')[0].includes('batch'));
});

test('Rust: read_line from stdin in the same function before the call', () => {
  const one = CLIENT.replace('    let client = Client::new();\n', '    let mut q = String::new();\n    std::io::stdin().read_line(&mut q).unwrap();\n    let client = Client::new();\n');
  assert.ok(!advice({ 'Cargo.toml': CARGO, 'src/api_client.rs': one }, 'src/api_client.rs', 'rust')[0].includes('batch'));
});

test('keystroke path: an edit of the terminal read above the call takes the full analysis', () => {
  const src = CLIENT.replace('    let client = Client::new();\n', '    let mut q = String::new();\n    std::io::stdin().read_line(&mut q).unwrap();\n    let client = Client::new();\n');
  const t = table();
  const snap = analyzeSnapshot(src, 'rust', 'src/api_client.rs', t, { now: AT });
  assert.ok(!snap.result.calls[0].suggestions.some((s) => s.kind === 'batch'));
  for (const word of ['stdin', 'read_line']) {
    const edit = { offset: src.indexOf(word) + 2, removed: 1, inserted: '' };
    assert.equal(applyEdit(snap, edit), undefined, word);
    const text = src.slice(0, edit.offset) + src.slice(edit.offset + 1);
    assert.ok(analyze(text, 'rust', 'src/api_client.rs', t, { now: AT }).calls[0].suggestions.some((s) => s.kind === 'batch'), word);
  }
});
