"""Drafts the first reply to a helpdesk ticket. The prompt, model and limit live in prompts.py and settings.py."""
from openai import OpenAI

from .prompts import REPLY_PROMPT
from .settings import REPLY_MAX_TOKENS, REPLY_MODEL

client = OpenAI()


def draft_reply(ticket: str) -> str:
    completion = client.chat.completions.create(
        model=REPLY_MODEL,
        max_tokens=REPLY_MAX_TOKENS,
        messages=[
            {"role": "system", "content": REPLY_PROMPT},
            {"role": "user", "content": ticket},
        ],
    )
    return completion.choices[0].message.content
