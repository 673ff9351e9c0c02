using System;
using System.Threading.Tasks;
using Azure;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace Contoso.Helpdesk;

/// <summary>Summarizes long helpdesk threads for the on-call engineer and suggests a priority.</summary>
public sealed class TicketSummarizer
{
    private const string HandoverPrompt = """
        You prepare helpdesk handovers for the on-call engineer at Contoso.
        Summarize the thread in at most five bullet points:
        - what the customer is trying to do,
        - what is broken, with exact error messages,
        - what has been tried already,
        - what the customer is waiting for.
        Do not speculate about causes. Quote ticket ids exactly as written.
        """;

    private readonly ChatClient _summaries = new("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

    public async Task<string> SummarizeAsync(string thread)
    {
        ChatCompletionOptions options = new()
        {
            MaxOutputTokenCount = 500,
            Temperature = 0.1f,
        };

        ChatCompletion completion = await _summaries.CompleteChatAsync(
            [new SystemChatMessage(HandoverPrompt), new UserChatMessage(thread)],
            options);
        return completion.Content[0].Text;
    }

    public string Priority(string summary)
    {
        AzureOpenAIClient azure = new(
            new Uri("https://contoso-helpdesk.openai.azure.com/"),
            new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_KEY")!));
        ChatClient triage = azure.GetChatClient("gpt-4o-mini-triage");

        ChatCompletion completion = triage.CompleteChat(
            new SystemChatMessage("Rate the ticket P1 (outage), P2 (degraded) or P3 (question). Reply with the label."),
            new UserChatMessage($"Summary:\n{summary}"));
        return completion.Content[0].Text.Trim();
    }
}
