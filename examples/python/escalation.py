"""Hand-off notes for the human support team, written by Claude."""
import anthropic

client = anthropic.Anthropic()

HANDOFF_FORMAT = (
    "Write a hand-off note for a human support agent. "
    "Use three labelled lines: Problem, What we tried, Suggested next step. "
    "No greetings."
)


def handoff_note(transcript: str) -> str:
    message = client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=4096,
        system=HANDOFF_FORMAT,
        messages=[{"role": "user", "content": transcript}],
    )
    return message.content[0].text
