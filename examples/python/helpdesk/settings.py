"""Model settings for the helpdesk: one place to change them for every call."""
import os

REPLY_MODEL = os.getenv("HELPDESK_MODEL", "gpt-4.1-mini")
REPLY_MAX_TOKENS = 400
