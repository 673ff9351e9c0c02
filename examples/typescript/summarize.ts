// Summarize long support threads for the weekly report.
// Vercel AI SDK for the summary, the OpenAI SDK for a short title.
import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import OpenAI from "openai";

const client = new OpenAI();

const SUMMARY_SYSTEM = `You summarize customer-support threads for a weekly report.
Write three bullet points: what the customer wanted, what we did, and whether it is resolved.
Keep each bullet under 25 words. Do not include names, emails or order numbers.`;

export async function summarizeThread(thread: string): Promise<string> {
  const { text } = await generateText({
    model: openai("gpt-4o"),
    system: SUMMARY_SYSTEM,
    prompt: `Thread:\n${thread}`,
    maxTokens: 400,
  });
  return text;
}

export async function titleFor(summary: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Write a title of at most eight words. No quotes." },
      { role: "user", content: summary },
    ],
  });
  return completion.choices[0].message.content ?? "";
}
