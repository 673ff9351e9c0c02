package com.example.meetings

import com.aallam.openai.api.chat.ChatCompletionRequest
import com.aallam.openai.api.chat.ChatMessage
import com.aallam.openai.api.chat.ChatRole
import com.aallam.openai.api.model.ModelId
import com.aallam.openai.client.OpenAI

/** Turns a meeting transcript into action items, and names the meeting for the calendar. */
class MeetingNotes(private val openAI: OpenAI) {
    suspend fun actionItems(transcript: String): String? {
        val request = ChatCompletionRequest(
            model = ModelId("gpt-4o"),
            messages = listOf(
                ChatMessage(
                    role = ChatRole.System,
                    content = "List the action items from this meeting transcript. One line each: owner, task, due date if one was said.",
                ),
                ChatMessage(role = ChatRole.User, content = transcript),
            ),
            maxTokens = 300,
        )
        return openAI.chatCompletion(request).choices.first().message.content
    }

    suspend fun title(agenda: String): String? {
        val request = ChatCompletionRequest(
            model = ModelId("gpt-4o-mini"),
            messages = listOf(
                ChatMessage(role = ChatRole.System, content = "Write a calendar title of at most six words for this agenda."),
                ChatMessage(role = ChatRole.User, content = agenda),
            ),
        )
        return openAI.chatCompletion(request).choices.first().message.content
    }
}
