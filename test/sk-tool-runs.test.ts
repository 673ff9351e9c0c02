// Semantic Kernel auto function invocation (scan/sk-tool-runs.ts): a prompt invoked with settings whose
// ToolCallBehavior is AutoInvokeKernelFunctions, or whose FunctionChoiceBehavior is Auto() with invocation left on,
// is a tool loop; Auto(autoInvoke: false) and settings without a behavior ask once. Own text in the form of
// pwhsueh/SemanticKernelDemo Program.cs (issue 11 held-out sample 64).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const head = [
  'using Microsoft.SemanticKernel;',
  'using Microsoft.SemanticKernel.Connectors.OpenAI;',
  'var builder = Kernel.CreateBuilder();',
  'builder.AddOpenAIChatCompletion(modelId: "gpt-4.1-mini", apiKey: "k");',
  'var kernel = builder.Build();',
  'kernel.ImportPluginFromType<WeatherPlugin>();',
];

function runs(lines: string[]) {
  return analyze([...head, ...lines].join('\n'), 'csharp', 'Program.cs', table).calls.map((c) => c.run);
}

test('Semantic Kernel settings that auto-invoke kernel functions make the prompt a tool loop', () => {
  const [legacy] = runs([
    'OpenAIPromptExecutionSettings settings = new() { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };',
    'var answer = await kernel.InvokePromptAsync("Should I take an umbrella in Oslo today?", new(settings));',
  ]);
  assert.ok(legacy, 'a run');
  assert.equal(legacy?.turnsSource, 'setting');
  assert.match(legacy?.turnsFrom ?? '', /Semantic Kernel invokes the kernel functions/);
  // The settings reached through a KernelArguments local, FunctionChoiceBehavior.Auto() left to invoke.
  const [auto] = runs([
    'var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };',
    'KernelArguments arguments = new(settings);',
    'var answer = await kernel.InvokePromptAsync("Plan my weekend around the weather.", arguments);',
  ]);
  assert.equal(auto?.turnsSource, 'setting');
  // A chat service invokes functions only when given the kernel (its third parameter, or named).
  const [third, named, without] = runs([
    'var chat = kernel.GetRequiredService<IChatCompletionService>();',
    'var history = new ChatHistory();',
    'history.AddUserMessage("What is on my calendar tomorrow?");',
    'OpenAIPromptExecutionSettings settings = new() { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };',
    'var a = await chat.GetChatMessageContentAsync(history, settings, kernel);',
    'var b = await chat.GetChatMessageContentAsync(history, executionSettings: settings, kernel: kernel);',
    'var c = await chat.GetChatMessageContentAsync(history, settings);',
  ]);
  assert.ok(third && named, 'runs with the kernel given');
  assert.equal(without, undefined);
});

test('Semantic Kernel settings that do not invoke functions ask once', () => {
  const [manual, plain] = runs([
    'var manual = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };',
    'var first = await kernel.InvokePromptAsync("Which tool would you call for the forecast?", new(manual));',
    'var plain = new OpenAIPromptExecutionSettings { MaxTokens = 200 };',
    'var second = await kernel.InvokePromptAsync("Say hello.", new(plain));',
  ]);
  assert.equal(manual, undefined);
  assert.equal(plain, undefined);
});

test('a kernel built in the file and given no plugin has no function to call: the prompt is asked once', () => {
  const text = [
    ...head.slice(0, 5),
    'var settings = new OpenAIPromptExecutionSettings { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };',
    'var answer = await kernel.InvokePromptAsync("Give me the most important facts about Lisbon.", new(settings));',
  ].join('\n');
  assert.equal(analyze(text, 'csharp', 'Program.cs', table).calls[0]?.run, undefined);
  // The same with a plugin added through the builder: a loop.
  const withPlugin = text.replace('var kernel = builder.Build();', 'builder.Plugins.AddFromType<WeatherPlugin>();\nvar kernel = builder.Build();');
  assert.equal(analyze(withPlugin, 'csharp', 'Program.cs', table).calls[0]?.run?.turnsSource, 'setting');
});

test('the [KernelFunction] methods of a plugin class go with the request as tools', () => {
  const text = [
    ...head,
    'OpenAIPromptExecutionSettings settings = new() { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions };',
    'var answer = await kernel.InvokePromptAsync("Should I take an umbrella in Oslo today?", new(settings));',
    'public class WeatherPlugin',
    '{',
    '    [KernelFunction, Description("Gets the forecast for a city")]',
    '    public async Task<string> GetForecastAsync([Description("The city")] string city, int days = 1, CancellationToken ct = default)',
    '    {',
    '        return await Task.FromResult("rain");',
    '    }',
    '    [KernelFunction("now_utc")]',
    '    public static string Now() => DateTime.UtcNow.ToString();',
    '    public string NotATool() => "";',
    '}',
  ].join('\n');
  const [site] = findSites(text, 'csharp', 'Program.cs').sites;
  assert.deepEqual(JSON.parse(site.tools?.text ?? 'null'), [
    { type: 'function', function: { name: 'WeatherPlugin-GetForecast', description: 'Gets the forecast for a city', parameters: { type: 'object', required: ['city'], properties: { city: { description: 'The city', type: 'string' }, days: { type: 'integer' } } } } },
    { type: 'function', function: { name: 'WeatherPlugin-now_utc', parameters: { type: 'object', required: [], properties: {} } } },
  ]);
  assert.equal(site.tools?.definitions, 2);
  assert.ok((analyze(text, 'csharp', 'Program.cs', table).calls[0].run?.toolTokens ?? 0) > 0, 'tool tokens in the run');
});

test('an enum parameter of a kernel function is sent as a string with its names', () => {
  const text = [
    ...head,
    'OpenAIPromptExecutionSettings settings = new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };',
    'var answer = await kernel.InvokePromptAsync("How warm is it in Oslo?", new(settings));',
    'public enum TempUnit { Celsius, [Description("US")] Fahrenheit = 2 }',
    'public class WeatherPlugin',
    '{',
    '    [KernelFunction]',
    '    public string Temperature(string city, TempUnit unit, TempUnit? fallback = null, TempUnit[] also = null) => "";',
    '}',
  ].join('\n');
  const [site] = findSites(text, 'csharp', 'Program.cs').sites;
  // SK's KernelJsonSchemaBuilder serialises enums with JsonStringEnumConverter: {"type":"string","enum":[…]}, not an object.
  assert.deepEqual(JSON.parse(site.tools?.text ?? 'null'), [
    { type: 'function', function: { name: 'WeatherPlugin-Temperature', parameters: { type: 'object', required: ['city', 'unit'], properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['Celsius', 'Fahrenheit'] },
      fallback: { type: ['string', 'null'], enum: ['Celsius', 'Fahrenheit', null] },
      also: { type: 'array', items: { type: 'string', enum: ['Celsius', 'Fahrenheit'] } },
    } } } },
  ]);
});

// Python: the same behaviour (semantic_kernel function_choice_behavior.py FunctionChoiceBehavior.Auto(auto_invoke=True)),
// often set on the settings after they are made, as the SDK's python/samples/concepts/plugins do.
const pyHead = [
  'from semantic_kernel import Kernel',
  'from semantic_kernel.connectors.ai.function_choice_behavior import FunctionChoiceBehavior',
  'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion, OpenAIChatPromptExecutionSettings',
  'from semantic_kernel.contents import ChatHistory',
  'kernel = Kernel()',
  'service = OpenAIChatCompletion(ai_model_id="gpt-4.1-mini")',
  'kernel.add_service(service)',
  'kernel.add_plugin(WeatherPlugin(), plugin_name="weather")',
  'async def ask(question):',
];
const pyRuns = (lines: string[], head = pyHead) => analyze([...head, ...lines.map((l) => '    ' + l)].join('\n'), 'python', 'app.py', table).calls.map((c) => c.run);

test('Python Semantic Kernel: FunctionChoiceBehavior.Auto() on settings the call is given makes a tool loop', () => {
  const [later] = pyRuns([
    'settings = OpenAIChatPromptExecutionSettings(max_tokens=300)',
    'settings.function_choice_behavior = FunctionChoiceBehavior.Auto()',
    'history = ChatHistory()',
    'history.add_user_message(question)',
    'return await service.get_chat_message_content(history, settings, kernel=kernel)',
  ]);
  assert.equal(later?.turnsSource, 'setting');
  assert.match(later?.turnsFrom ?? '', /Semantic Kernel invokes the kernel functions/);
  const [inline] = pyRuns(['return await kernel.invoke_prompt(question, settings=OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto()))']);
  assert.equal(inline?.turnsSource, 'setting');
});

test('Python Semantic Kernel: no kernel given, auto_invoke=False, or a kernel with no plugin: asked once', () => {
  const [noKernel] = pyRuns([
    'settings = OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto())',
    'history = ChatHistory()',
    'history.add_user_message(question)',
    'return await service.get_chat_message_content(history, settings)',
  ]);
  assert.equal(noKernel, undefined);
  const [manual] = pyRuns(['return await kernel.invoke_prompt(question, settings=OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto(auto_invoke=False)))']);
  assert.equal(manual, undefined);
  const [bare] = pyRuns(['return await kernel.invoke_prompt(question, settings=OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto()))'], pyHead.filter((l) => !l.includes('add_plugin')));
  assert.equal(bare, undefined);
});

test('Python Semantic Kernel: a ChatCompletionAgent given plugins loops; one given none asks once', () => {
  const text = [
    'from semantic_kernel.agents import ChatCompletionAgent',
    'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion',
    'helper = ChatCompletionAgent(service=OpenAIChatCompletion(ai_model_id="gpt-4.1-mini"), instructions="Plan trips.", plugins=[FlightsPlugin()])',
    'plain = ChatCompletionAgent(service=OpenAIChatCompletion(ai_model_id="gpt-4.1-mini"), instructions="Rewrite kindly.", plugins=[])',
    'manual = ChatCompletionAgent(service=OpenAIChatCompletion(ai_model_id="gpt-4.1-mini"), instructions="Plan trips.", plugins=[FlightsPlugin()], function_choice_behavior=FunctionChoiceBehavior.Auto(auto_invoke=False))',
    'async def ask(q):',
    '    a = await helper.get_response(messages=q)',
    '    b = await plain.get_response(messages=q)',
    '    c = await manual.get_response(messages=q)',
  ].join('\n');
  const [looped, once, asked] = analyze(text, 'python', 'agents.py', table).calls.map((c) => c.run);
  assert.equal(looped?.turnsSource, 'setting');
  assert.equal(once, undefined);
  assert.equal(asked, undefined);
});

test('Python: the @kernel_function methods of the plugins added to the kernel go with the request as tools', () => {
  const text = [
    'from typing import Annotated',
    'from semantic_kernel import Kernel',
    'from semantic_kernel.functions import kernel_function',
    'from semantic_kernel.connectors.ai.function_choice_behavior import FunctionChoiceBehavior',
    'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion, OpenAIChatPromptExecutionSettings',
    '',
    'class WeatherPlugin:',
    '    @kernel_function(description="Gets the forecast for a city")',
    '    def get_forecast(self, city: Annotated[str, "The city"], days: int = 1, unit: str | None = None) -> str:',
    '        return "rain"',
    '',
    '    @kernel_function',
    '    def now_utc(self) -> str:',
    '        """The current time in UTC."""',
    '        return "12:00"',
    '',
    '    def not_a_tool(self):',
    '        return ""',
    '',
    'class Clock:',
    '    @kernel_function(name="tick")',
    '    def step(self, count: Annotated[list[int], "How many"], label=None):',
    '        return count',
    '',
    'kernel = Kernel()',
    'service = OpenAIChatCompletion(ai_model_id="gpt-4.1-mini")',
    'kernel.add_service(service)',
    'kernel.add_plugin(WeatherPlugin(), plugin_name="weather")',
    'clock = Clock()',
    'kernel.add_plugin(clock)',
    '',
    'async def ask(question):',
    '    settings = OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto())',
    '    return await kernel.invoke_prompt(question, settings=settings)',
  ].join('\n');
  const site = findSites(text, 'python', 'app.py').sites.at(-1)!;
  // function_calling_utils.py kernel_function_metadata_to_function_call_format; plugin_name defaults to the class name.
  assert.deepEqual(JSON.parse(site.tools?.text ?? 'null'), [
    { type: 'function', function: { name: 'weather-get_forecast', description: 'Gets the forecast for a city', parameters: { type: 'object', properties: { city: { type: 'string', description: 'The city' }, days: { type: 'integer' }, unit: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'weather-now_utc', description: 'The current time in UTC.', parameters: { type: 'object', properties: {}, required: [] } } },
    { type: 'function', function: { name: 'Clock-tick', description: '', parameters: { type: 'object', properties: { count: { type: 'array', items: { type: 'integer' }, description: 'How many' }, label: { type: 'object' } }, required: ['count', 'label'] } } },
  ]);
  assert.equal(site.tools?.definitions, 3);
  const call = analyze(text, 'python', 'app.py', table).calls.at(-1)!;
  assert.ok((call.run?.toolTokens ?? 0) > 0, 'tool tokens in the run');
  // A plugin class of a package is sent too: named, not counted.
  const more = text.replace('clock = Clock()', 'from semantic_kernel.core_plugins import TimePlugin\nkernel.add_plugin(TimePlugin(), plugin_name="time")\nclock = Clock()');
  const named = findSites(more, 'python', 'app.py').sites.at(-1)!;
  assert.equal(named.tools?.definitions, 3);
  assert.ok(named.parts.some((p) => !p.resolved && p.label === 'time plugin (TimePlugin): its functions not counted'), JSON.stringify(named.parts.map((p) => p.label)));
});

// semantic-kernel python/samples getting_started_with_agents/chat_completion/step04: an agent given
// `plugins=[MenuPlugin()]`, asked in a loop over the user's inputs with `thread=thread` and `thread = response.thread`.
test("Python: a ChatCompletionAgent's plugins=[…] go as tools, in a loop too, and its thread grows the conversation", () => {
  const text = [
    'from semantic_kernel.agents import ChatCompletionAgent',
    'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion',
    'from semantic_kernel.functions import kernel_function',
    '',
    'class MenuPlugin:',
    '    @kernel_function(description="Lists the specials of the day")',
    '    def get_specials(self) -> str:',
    '        return "soup"',
    '',
    'class OtherPlugin:',
    '    @kernel_function(description="Never given to the agent")',
    '    def other(self) -> str:',
    '        return ""',
    '',
    'QUESTIONS = ["Hello", "What is the special soup?", "Thanks"]',
    '',
    'async def main():',
    '    agent = ChatCompletionAgent(service=OpenAIChatCompletion(ai_model_id="gpt-4.1-mini"), name="Host", instructions="Answer questions about the menu.", plugins=[MenuPlugin()])',
    '    thread = None',
    '    for q in QUESTIONS:',
    '        response = await agent.get_response(messages=q, thread=thread)',
    '        thread = response.thread',
  ].join('\n');
  const site = findSites(text, 'python', 'host.py').sites.at(-1)!;
  const tools = JSON.parse(site.tools?.text ?? 'null');
  assert.deepEqual(tools.map((t: { function: { name: string } }) => t.function.name), ['MenuPlugin-get_specials'], 'the agent\'s plugin only');
  const call = analyze(text, 'python', 'host.py', table).calls.at(-1)!;
  assert.equal(call.run?.turns, 3);
  assert.ok((call.run?.toolTokens ?? 0) > 0, 'tool tokens in the run');
  assert.equal(call.run?.growsHistory, true, 'the thread carries the conversation');
  // The same loop with no thread passed on asks each question alone.
  const alone = analyze(text.replace('thread=thread)', 'thread=None)'), 'python', 'host.py', table).calls.at(-1)!;
  assert.equal(alone.run?.growsHistory, false);
});
