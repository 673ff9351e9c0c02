// Command release-digest turns the commits since the last tag into release notes and a short announcement.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/openai/openai-go/v3"
)

const notesStyle = `You write release notes for Tidewater, a self-hosted backup tool.

Rules:
- Group entries under "Added", "Changed", "Fixed" and "Security". Skip empty groups.
- One line per change, imperative mood, no commit hashes, no author names.
- Merge commits that describe the same change into one line.
- Mention breaking changes first, in bold, with the migration step.
- Refer to settings by their config key in backticks, e.g. ` + "`retention.days`" + `.

Output Markdown only. No preamble, no closing remarks.`

func commitsSinceLastTag() (string, error) {
	tag, err := exec.Command("git", "describe", "--tags", "--abbrev=0").Output()
	if err != nil {
		return "", err
	}
	out, err := exec.Command("git", "log", "--pretty=%s", strings.TrimSpace(string(tag))+"..HEAD").Output()
	return strings.TrimSpace(string(out)), err
}

func releaseNotes(ctx context.Context, client openai.Client, commits string) (string, error) {
	resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT5_4,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(notesStyle),
			openai.UserMessage("Commits since the last release:\n" + commits),
		},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

func announcement(ctx context.Context, client anthropic.Client, notes string) (string, error) {
	msg, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeHaiku4_5,
		MaxTokens: 300,
		System: []anthropic.TextBlockParam{
			{Text: "Write a friendly two-paragraph announcement for the project's forum. No emojis."},
		},
		Messages: []anthropic.MessageParam{
			anthropic.NewUserMessage(anthropic.NewTextBlock(notes)),
		},
	})
	if err != nil {
		return "", err
	}
	return msg.Content[0].Text, nil
}

func main() {
	ctx := context.Background()
	commits, err := commitsSinceLastTag()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	notes, err := releaseNotes(ctx, openai.NewClient(), commits)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	post, err := announcement(ctx, anthropic.NewClient(), notes)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(notes)
	fmt.Println(post)
}
