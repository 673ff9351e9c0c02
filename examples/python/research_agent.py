"""A small research agent: it may call the search tool up to eight times before it answers."""
from openai import OpenAI

client = OpenAI()

SYSTEM = "You are a careful research assistant. Search before you state a fact, cite the page, and stop when you can answer."
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "search",
            "description": "Search the web and return the top results",
            "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
        },
    }
]


def research(question: str) -> str:
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]
    for _ in range(8):
        reply = client.chat.completions.create(model="gpt-4.1", messages=messages, tools=TOOLS, max_completion_tokens=1000)
        message = reply.choices[0].message
        messages.append(message)
        if not message.tool_calls:
            return message.content
        for call in message.tool_calls:
            messages.append({"role": "tool", "tool_call_id": call.id, "content": search(call.function.arguments)})
    return "No answer within eight searches."


def search(arguments: str) -> str:
    return "…"
