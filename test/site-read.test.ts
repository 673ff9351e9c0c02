// site-read.ts: builders read after the scan loop (deferrable, readLater) come out as the loop read them: a builder a
// later call sends is no row, one nobody sends is a row in its place among the others, in source order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { testTable } from './helpers/table';

const table = testTable();

const RUST = `use async_openai::{types::{CreateChatCompletionRequestArgs, ChatCompletionRequestUserMessageArgs}, Client};

fn first_draft() {
    let lone = CreateChatCompletionRequestArgs::default().model("gpt-4o").max_tokens(100u32).build().unwrap();
    println!("{:?}", lone);
}

async fn ask(client: &Client<async_openai::config::OpenAIConfig>) -> String {
    let request = CreateChatCompletionRequestArgs::default()
        .model("gpt-4o-mini")
        .max_tokens(300u32)
        .messages([ChatCompletionRequestUserMessageArgs::default().content("Summarise the ticket in one line.").build().unwrap().into()])
        .build()
        .unwrap();
    let response = client.chat().create(request).await.unwrap();
    let other = client.chat().create(CreateChatCompletionRequestArgs::default().model("gpt-4.1").build().unwrap()).await.unwrap();
    format!("{:?}{:?}", response, other)
}

fn last_draft() {
    let spare = CreateChatCompletionRequestArgs::default().model("gpt-4o-mini").build().unwrap();
    println!("{:?}", spare);
}
`;

test('a builder a later call sends is that call’s request; unsent builders stay rows in source order', () => {
  const { calls } = analyze(RUST, 'rust', 'src/main.rs', table);
  assert.deepEqual(
    calls.map((c) => [c.line, c.site.model?.id, c.estimate.maxOutputTokens]),
    [
      [4, 'gpt-4o', 100],
      [15, 'gpt-4o-mini', 300],
      [16, 'gpt-4.1', calls[2].estimate.maxOutputTokens],
      [21, 'gpt-4o-mini', calls[3].estimate.maxOutputTokens],
    ],
  );
  // The sent request's prompt is read once, by the call that sends it.
  assert.ok(calls[1].estimate.promptTokens > 0);
});

test('the editor’s scan (read spans kept) finds the same calls', () => {
  const { sites } = findSites(RUST, 'rust', 'src/main.rs', () => undefined);
  assert.deepEqual(sites.map((s) => s.model?.id), ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4o-mini']);
});
