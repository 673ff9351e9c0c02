# Label incoming support e-mails so they land in the right queue.
require "openai"

LABELS = %w[billing shipping returns technical other].freeze

TRIAGE_PROMPT = <<~PROMPT
  You sort customer e-mails for a support desk.
  Reply with exactly one label: billing, shipping, returns, technical or other.
  If the e-mail mentions a refund, prefer billing.
PROMPT

class Triage
  def initialize(client = OpenAI::Client.new(access_token: ENV["OPENAI_ACCESS_TOKEN"]))
    @client = client
  end

  def label(subject, body)
    response = @client.chat(
      parameters: {
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: TRIAGE_PROMPT },
          { role: "user", content: "Subject: #{subject}\n\n#{body}" }
        ],
        max_tokens: 5,
        temperature: 0
      }
    )
    answer = response.dig("choices", 0, "message", "content").to_s.strip.downcase
    LABELS.include?(answer) ? answer : "other"
  end
end
