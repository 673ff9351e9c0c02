// A Kotlin/Java call in a prompt whose value is not read (src/core/scan/jvm-call-values.ts): named, never silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const texts = (src: string, lang: string) => scan(src, lang).map((s) => s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)));

test('Kotlin Gemini: a call chain whose value is unknown is named as returned at run time', () => {
  const kt = `package shop

import com.google.ai.client.generativeai.GenerativeModel
import com.google.ai.client.generativeai.type.Content
import com.google.ai.client.generativeai.type.TextPart
import com.google.gson.Gson

val tagger = GenerativeModel(
    modelName = "gemini-2.5-flash",
    apiKey = "k",
    systemInstruction = Content("Tagger", listOf(TextPart("Answer as JSON like: " + Gson().toJson(Tags(listOf()))), TextPart("At most five tags."))),
)

suspend fun tag(item: Item) = tagger.generateContent(ItemPrompt(item).render())
`;
  assert.deepEqual(texts(kt, 'kotlin'), [['Answer as JSON like: ', '?Gson().toJson(Tags(listOf())) (returned at run time)', 'At most five tags.', '?item', '?ItemPrompt(item).render() (returned at run time)']]);
});

test('Kotlin: a helper read in the file, an empty list, a builder lambda stay as they were', () => {
  const kt = `package shop

import com.google.ai.client.generativeai.GenerativeModel
import com.google.ai.client.generativeai.type.content

class Greeting {
    fun line(): String {
        return "Greet the shopper in one line."
    }
}

val model = GenerativeModel(modelName = "gemini-2.5-flash", apiKey = "k")

suspend fun greet() = model.generateContent(Greeting().line())
suspend fun ask(q: String) = model.generateContent(content(role = "user") { text(q) })
`;
  assert.deepEqual(texts(kt, 'kotlin'), [['Greet the shopper in one line.'], ['?q']]);
});
