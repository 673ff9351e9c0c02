// A Python function made a tool, counted as the definition its SDK sends (src/core/scan/py-tool-schema.ts,
// py-docstrings.ts). Our own defs; each expected definition written by hand from the SDK's builder: openai-agents
// function_schema.py + strict_schema.py, langchain_core tools/structured.py from_function + utils/function_calling.py
// _convert_pydantic_to_openai_function, pydantic-ai _function_schema.py + _griffe.py (its tests/test_tools.py shows the
// same form: no titles, `additionalProperties: false`, required = no default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { lex } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';
import { pyToolSchema, pyTitle, type PyToolSdk } from '../src/core/scan/py-tool-schema';
import { cleandoc, docStyle, readDocstring } from '../src/core/scan/py-docstrings';

/** The schema of the file's first def, its decorator options none. */
function schemaOf(sdk: PyToolSdk, code: string) {
  const toks = lex(code, syntaxFor('python'));
  const k = toks.findIndex((t) => t.v === 'def') + 1;
  let close = k + 1;
  for (let d = 0; ; close++) {
    if (toks[close].v === '(') d++;
    if (toks[close].v === ')' && --d === 0) break;
  }
  let j = close + 1;
  while (toks[j].v !== ':') j++;
  return pyToolSchema(sdk, toks, code, { name: toks[k].v, open: k + 1, close, doc: toks[j + 1].t === 0 ? toks[j + 1].v : undefined, options: new Map() });
}

const tools = (code: string) => findSites(code, 'python', 'a.py').sites[0].tools?.text;

const WEATHER = `def get_weather(city: str, units: str = "metric", days: int = 1) -> str:
    """Get the forecast for a city.

    Args:
        city: The name of the city.
        units (str): Unit system,
            metric or imperial.
    """
    return "sunny"
`;

test('openai-agents: griffe description and parameter descriptions, titles, strict (all required, no extra keys)', () => {
  const want = {
    name: 'get_weather',
    description: 'Get the forecast for a city.',
    parameters: {
      properties: {
        city: { description: 'The name of the city.', title: 'City', type: 'string' },
        units: { default: 'metric', description: 'Unit system,\nmetric or imperial.', title: 'Units', type: 'string' },
        days: { default: 1, title: 'Days', type: 'integer' },
      },
      required: ['city', 'units', 'days'],
      title: 'get_weather_args',
      type: 'object',
      additionalProperties: false,
    },
  };
  assert.deepEqual(schemaOf('openai-agents', WEATHER), { fn: want, unknown: [] });
  const code = `from agents import Agent, Runner, function_tool\n\n@function_tool\n${WEATHER}\nagent = Agent(name="W", model="gpt-4.1", tools=[get_weather])\nRunner.run_sync(agent, "Paris?")\n`;
  assert.equal(tools(code), JSON.stringify([want]));
});

test('LangChain @tool: the whole docstring, dedented and stripped, is the description; no titles; required = no default', () => {
  // Python 3.13+ compiles a docstring without its common indentation; textwrap.dedent then leaves it as it is.
  const doc = 'Get the forecast for a city.\n\nArgs:\n    city: The name of the city.\n    units (str): Unit system,\n        metric or imperial.';
  assert.deepEqual(schemaOf('langchain', WEATHER).fn, {
    name: 'get_weather',
    description: doc,
    parameters: { properties: { city: { type: 'string' }, units: { default: 'metric', type: 'string' }, days: { default: 1, type: 'integer' } }, required: ['city'], type: 'object' },
  });
  const parsed = `from langchain_core.tools import tool\nfrom langchain_openai import ChatOpenAI\n\n@tool("weather", parse_docstring=True)\n${WEATHER}\nllm = ChatOpenAI(model="gpt-4.1-mini").bind_tools([get_weather])\nllm.invoke("Paris?")\n`;
  assert.equal(
    tools(parsed),
    JSON.stringify([{ name: 'weather', description: 'Get the forecast for a city.', parameters: { properties: { city: { description: 'The name of the city.', type: 'string' }, units: { default: 'metric', description: 'Unit system,\nmetric or imperial.', type: 'string' }, days: { default: 1, type: 'integer' } }, required: ['city'], type: 'object' } }]),
  );
});

test('pydantic-ai: a Returns section makes the description <summary>/<returns>; RunContext left out; no header without a blank line above', () => {
  const code = `def find(ctx: RunContext[Deps], query: str, limit: int = 5) -> list[str]:
    """Search the notes.

    Args:
        query: What to look for.

    Returns:
        list[str]: The matching titles.
    """
`;
  assert.deepEqual(schemaOf('pydantic-ai', code).fn, {
    name: 'find',
    description: '<summary>Search the notes.</summary>\n<returns>\n<type>list[str]</type>\n<description>The matching titles.</description>\n</returns>',
    parameters: { properties: { query: { description: 'What to look for.', type: 'string' }, limit: { default: 5, type: 'integer' } }, required: ['query'], type: 'object', additionalProperties: false },
  });
  // griffe skips a section header with no blank line above it; openai-agents inserts one before a parameter header.
  const tight = 'def f(q: str):\n    """Search.\n    Args:\n        q: The query.\n    """\n';
  assert.equal(schemaOf('pydantic-ai', tight).fn.description, 'Search.\nArgs:\n    q: The query.');
  assert.equal(schemaOf('openai-agents', tight).fn.description, 'Search.');
  assert.deepEqual(schemaOf('openai-agents', tight).fn.parameters.properties, { q: { description: 'The query.', title: 'Q', type: 'string' } });
});

test('types as pydantic writes them; a type not read is named, its property {}', () => {
  const code = 'def f(ctx: RunContextWrapper[Ctx], tags: list[str], mode: Literal["fast", "slow"], n: Optional[int] = None, when: str | None = None, meta: Dict[str, float] = {}, order: Order = None, note: Annotated[str, "A note."] = ""):\n    pass\n';
  const { fn, unknown } = schemaOf('openai-agents', code);
  assert.deepEqual(fn.parameters.properties, {
    tags: { items: { type: 'string' }, title: 'Tags', type: 'array' },
    mode: { enum: ['fast', 'slow'], title: 'Mode', type: 'string' },
    n: { anyOf: [{ type: 'integer' }, { type: 'null' }], title: 'N' },
    when: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'When' },
    meta: { additionalProperties: { type: 'number' }, title: 'Meta', type: 'object' },
    order: { title: 'Order' },
    note: { default: '', description: 'A note.', title: 'Note', type: 'string' },
  });
  assert.deepEqual(unknown, ['f(order: Order): its schema not counted']);
  const site = findSites(`from agents import Agent, Runner, function_tool\n\n@function_tool\n${code}\nagent = Agent(name="W", model="gpt-4.1", tools=[f])\nRunner.run_sync(agent, "go")\n`, 'python', 'a.py').sites[0];
  assert.ok(site.parts.some((p) => !p.resolved && p.label === 'f(order: Order): its schema not counted'), 'the unread type is named');
});

test('docstrings: Sphinx and NumPy styles, cleandoc, titles', () => {
  const sphinx = 'Add two numbers.\n\n    :param a: The first.\n    :param b: The second,\n        a number.\n    :returns: The sum.\n    :rtype: int\n    ';
  assert.equal(docStyle(cleandoc(sphinx)), 'sphinx');
  assert.deepEqual(readDocstring(sphinx), { params: new Map([['a', 'The first.'], ['b', 'The second,\na number.']]), returns: { description: 'The sum.', type: 'int' }, description: 'Add two numbers.' });
  const numpy = 'Add two numbers.\n\n    Parameters\n    ----------\n    a : int\n        The first.\n    b : int\n        The second.\n\n    Returns\n    -------\n    int\n        The sum.\n    ';
  assert.equal(docStyle(cleandoc(numpy)), 'numpy');
  assert.deepEqual(readDocstring(numpy), { params: new Map([['a', 'The first.'], ['b', 'The second.']]), returns: { type: 'int', description: 'The sum.' }, description: 'Add two numbers.' });
  assert.equal(cleandoc('  First.\n      deeper\n    back\n\n'), 'First.\n  deeper\nback');
  assert.equal(pyTitle('order_id'), 'Order Id');
  assert.equal(pyTitle('api2key'), 'Api2Key');
});
