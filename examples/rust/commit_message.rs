//! `git diff --cached | commit-message` — proposes a Conventional Commits message for the staged diff.
use std::io::Read;

use async_openai::{
    types::chat::{
        ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestUserMessageArgs,
        CreateChatCompletionRequestArgs,
    },
    Client,
};

const COMMIT_RULES: &str = r#"You write git commit messages in the Conventional Commits format.

Format: <type>(<scope>): <summary>
- type is one of feat, fix, docs, refactor, perf, test, build, chore.
- summary is imperative, lower case, no trailing period, at most 72 characters.
- Add a body only when the "why" is not obvious from the diff; wrap it at 72 columns.
- Never mention file names that are already obvious from the scope.
Reply with the message only."#;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut diff = String::new();
    std::io::stdin().read_to_string(&mut diff)?;

    let client = Client::new();
    let request = CreateChatCompletionRequestArgs::default()
        .model("gpt-4o")
        .messages([
            ChatCompletionRequestSystemMessageArgs::default()
                .content(COMMIT_RULES)
                .build()?
                .into(),
            ChatCompletionRequestUserMessageArgs::default()
                .content(diff)
                .build()?
                .into(),
        ])
        .build()?;

    let response = client.chat().create(request).await?;
    if let Some(message) = &response.choices[0].message.content {
        println!("{message}");
    }
    Ok(())
}
