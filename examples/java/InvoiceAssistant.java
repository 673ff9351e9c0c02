package com.example.billing;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** Reads overdue invoices, decides how firm the reminder should be, and drafts the email. */
public final class InvoiceAssistant {
    private static final String REMINDER_STYLE = """
            You draft payment reminders for Lumen Print Co., a small print shop.

            Tone by stage:
            - "gentle": first reminder, assume it was missed, thank them for their business.
            - "firm": second reminder, state the amount and the new due date clearly.
            - "final": last reminder before the account is paused; stay polite, no threats.

            Always include the invoice number, the amount with currency, and how to pay
            (bank transfer details are in the footer, do not repeat them).
            Sign off as "Accounts team, Lumen Print Co." Keep it under 150 words.
            """;

    private static final String STAGES = "gentle, firm, final";

    private final OpenAIClient client = OpenAIOkHttpClient.fromEnv();

    String stage(String invoiceHistory) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O)
                .addSystemMessage("Pick the reminder stage (" + STAGES + ") from the invoice history. Reply with one word.")
                .addUserMessage(invoiceHistory)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("gentle");
    }

    String draft(String stage, String invoice) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addSystemMessage(REMINDER_STYLE)
                .addUserMessage("Stage: " + stage)
                .addUserMessage(invoice)
                .maxCompletionTokens(400)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElseThrow();
    }

    public static void main(String[] args) {
        InvoiceAssistant assistant = new InvoiceAssistant();
        String invoice = "INV-2291, 480.00 EUR, due 2024-05-01, reminders sent: 1";
        System.out.println(assistant.draft(assistant.stage(invoice), invoice));
    }
}
