// src/core/scan/ai-services.ts: LangChain4j AI service methods as calls, their @SystemMessage / @UserMessage templates
// the prompt. Here: an interface declared in another file of the workspace, and the arguments that are no message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const CALLER = `package com.acme.app;

import com.acme.shared.Guide;

public class Tour {
    public static void main(String[] args) {
        ChatModel model = OpenAiChatModel.builder().modelName("gpt-4.1-mini").maxTokens(200).build();
        Guide guide = AiServices.create(Guide.class, model);
        guide.describe("Porto", 2);
        guide.remember(42, "Where should we eat?");
    }
}
`;

const GUIDE = `package com.acme.shared;

public interface Guide {

    @SystemMessage("You are a city guide.")
    @UserMessage("Describe {{city}} in {{n}} sentences.")
    String describe(@V("city") String city, @V("n") int n);

    String remember(@MemoryId int visitor, @UserMessage String question);
}
`;

const run = (files: Record<string, string>) => findSites(CALLER, 'java', '/ws/src/main/java/com/acme/app/Tour.java', undefined, new ValueIndex(memFiles(files))).sites;

test('an interface imported from another package: its templates are the prompt, their source names that file', () => {
  const [describe] = run({ '/ws/src/main/java/com/acme/shared/Guide.java': GUIDE, '/ws/src/main/java/com/acme/app/Tour.java': CALLER });
  const texts = describe.parts.filter((p) => p.resolved).map((p) => p.text);
  // A number argument fills its hole as written.
  assert.deepEqual(texts, ['You are a city guide.', 'Describe Porto in 2 sentences.']);
  const src = describe.parts[0].source;
  assert.equal(src?.file, '/ws/src/main/java/com/acme/shared/Guide.java');
  assert.equal(GUIDE.slice(src!.offset).startsWith('SystemMessage'), true);
  // The part's span is in the analysed file (the method's name in the call).
  assert.equal(CALLER.slice(describe.parts[0].span.start, describe.parts[0].span.end), 'describe');
  assert.equal(describe.systemMessages, 1);
});

test('@MemoryId is no message; the @UserMessage parameter is', () => {
  const [, remember] = run({ '/ws/src/main/java/com/acme/shared/Guide.java': GUIDE, '/ws/src/main/java/com/acme/app/Tour.java': CALLER });
  assert.deepEqual(remember.parts.filter((p) => p.resolved).map((p) => p.text), ['Where should we eat?']);
});

test('the interface not in the workspace: the call stays, with its arguments as the prompt', () => {
  const found = run({ '/ws/src/main/java/com/acme/app/Tour.java': CALLER });
  assert.equal(found.length, 2);
  assert.deepEqual(found[0].parts.filter((p) => p.resolved).map((p) => p.text), ['Porto']);
});

test('a class field the service is made with, after a sibling method that declares a local of the same name', () => {
  // OtherServiceExamples.java: `static ChatModel chatModel` at the top, a main() with its own `ChatModel chatModel`, then
  // a nested class whose service takes the field (definitions.ts assignmentBefore passes over the sibling's local).
  const text = `public class Examples {
    static ChatModel chatModel = OpenAiChatModel.builder().modelName("gpt-4.1-mini").build();

    static class First {
        public static void main(String[] args) {
            ChatModel chatModel = OpenAiChatModel.builder().modelName("gpt-4.1").build();
            Chef chef = AiServices.create(Chef.class, chatModel);
            chef.cook("rice");
        }
    }

    static class Second {
        public static void main(String[] args) {
            Chef chef = AiServices.create(Chef.class, chatModel);
            chef.cook("beans");
        }
    }
}
`;
  const sites = findSites(text, 'java', '/ws/Examples.java').sites;
  assert.deepEqual(sites.map((s) => s.model?.id), ['gpt-4.1', 'gpt-4.1-mini']);
});
