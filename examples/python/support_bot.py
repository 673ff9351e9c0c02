"""A small customer-support bot: route the question, answer it, keep the tone on-brand."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))

SUPPORT_POLICY = """You are the support assistant for Northwind Outdoor, an online store for camping gear.

Rules:
- Answer only questions about orders, shipping, returns, sizing and product care.
- Orders ship within 2 business days. Standard shipping takes 3-5 business days; express takes 1-2.
- Returns are accepted within 30 days if the item is unused and in its original packaging.
- Refunds go back to the original payment method within 5-7 business days after we receive the item.
- Never promise a delivery date. Never share another customer's data.
- If the customer is angry or the question is about a safety issue, say a human agent will follow up.

Style: friendly, plain English, at most five short sentences. End with one helpful next step."""

INTENTS = "order_status, shipping, returns, sizing, product_care, other"


def classify(question: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Classify the customer message into one of: " + INTENTS + ". Reply with the label only."},
            {"role": "user", "content": question},
        ],
    )
    return completion.choices[0].message.content.strip()


def answer(question: str, order_summary: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SUPPORT_POLICY},
            {"role": "user", "content": f"Order on file:\n{order_summary}\n\nCustomer question:\n{question}"},
        ],
        max_tokens=350,
        temperature=0.3,
    )
    return completion.choices[0].message.content


if __name__ == "__main__":
    q = "My tent arrived with a broken pole. Can I swap it?"
    print(classify(q))
    print(answer(q, "Order #4821: Trailhead 2P tent, delivered yesterday"))
