// Files whose calls answer someone who is waiting: a browser extension's message listener, an HTTP route, a chat
// bot's handler, a Streamlit or Gradio page. Their calls get no batch or off-peak advice (held-out 20: an extension's
// service worker answering `chrome.runtime.onMessage` with four chat calls, each advised "Use the openai batch API if
// the answer can wait"; held-out 19: a Discord bot). One test per file, on its text.
import { syntaxFor } from '../lex/languages';
import { COMPONENT_LANGUAGES } from '../lex/components';
import { importedByModule } from './js-callers';
import { COMPONENT } from './sfc-imports';
import type { EvalScope } from './value';

/**
 * A registration's regex, then lists of literals: each list has one in any text the regex matches. A file without
 * them is not run through the regex (1.3 ms of 6 regexes over a 69 KB Python file, at each analysis, against µs).
 */
export type Marker = [RegExp, ...string[][]];

// Python decorators at the start of a line; each with the rest from its `@`, sticky, for servesRequests (decorated).
const ROUTE = /^[ \t]*@[\w.]+\.(?:get|post|put|patch|delete|route|websocket|api_route)\(/m;
const ROUTE_AT = /@[\w.]+\.(?:get|post|put|patch|delete|route|websocket|api_route)\(/y;
const BOT_HANDLER = /^[ \t]*@\w+\.(?:message_handler|callback_query_handler|message|event|command|add|on)\b/m;
const BOT_HANDLER_AT = /@\w+\.(?:message_handler|callback_query_handler|message|event|command|add|on)\b/y;
/** A marker `^[ \t]*@…` (multiline) and the same from its `@`. */
export const DECORATOR = new Map<RegExp, RegExp>([
  [ROUTE, ROUTE_AT],
  [BOT_HANDLER, BOT_HANDLER_AT],
]);

/** Per syntax row: registrations of a handler someone waits on. Each names the framework form it reads. */
export const MARKERS: Record<string, Marker[]> = {
  javascript: [
    // Chrome / WebExtensions: chrome.runtime.onMessage.addListener, browser.runtime.onMessageExternal.addListener.
    [/\bruntime\.onMessage(?:External)?\.addListener\(/, ['runtime.onMessage']],
    // Express, Koa router, Fastify, Hono: app.post("/path", handler).
    [/\b(?:app|router|server|api|fastify|route)\.(?:get|post|put|patch|delete|all)\(\s*['"`]\//, ['.get(', '.post(', '.put(', '.patch(', '.delete(', '.all(']],
    // Next.js route handlers (app router) and API routes (pages router).
    [/\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE)\s*\(/],
    [/\bexport\s+default\s+(?:async\s+)?function\s*\w*\s*\(\s*req\b/],
    // discord.js, ws / socket.io, Telegraf: client.on("messageCreate"), ws.on("message"), bot.on(message(…)).
    // (not a worker's `process.on("message")` / `parentPort.on("message")`: jobs handed to it, batch work).
    [/(?<!process|parentPort)\.on\(\s*['"](?:messageCreate|interactionCreate|message|connection)['"]/, ['.on(']],
    [/\bbot\.(?:on|command|hears|start)\(/, ['bot.']],
  ],
  python: [
    // FastAPI / Flask / Quart / Sanic routes and websockets: @app.post("/…"), @router.get(…), @bp.route(…).
    [ROUTE, ['@'], ['.get(', '.post(', '.put(', '.patch(', '.delete(', '.route(', '.websocket(', '.api_route(']],
    // Bots: pyTelegramBotAPI @bot.message_handler, aiogram @dp.message, discord.py @client.event / @bot.command,
    // LINE @handler.add(MessageEvent…), Slack Bolt @app.message / @app.event, Flask-SocketIO @socketio.on.
    [BOT_HANDLER, ['@'], ['.message', '.callback_query_handler', '.event', '.command', '.add', '.on']],
    // python-telegram-bot: application.add_handler(CommandHandler("start", start)), MessageHandler(filters.TEXT, reply).
    [/\b(?:Command|Message|CallbackQuery|InlineQuery|Conversation)Handler\(/, ['Handler(']],
    // A bot started here (aiogram Dispatcher.start_polling, python-telegram-bot Application.run_polling / run_webhook,
    // pyTelegramBotAPI TeleBot.infinity_polling): the services it is given answer its users.
    [/\.(?:start_polling|run_polling|run_webhook|infinity_polling)\(/, ['_polling(', '.run_webhook(']],
    // Streamlit and Gradio pages: a person types, the call answers.
    [/\bst\.(?:chat_input|text_input|text_area|button|form_submit_button|file_uploader)\(/, ['st.']],
    [/\bgr\.(?:Interface|ChatInterface|Blocks)\(/, ['gr.']],
    // Sublime Text plugins: a command class runs when the user invokes it from the palette, a menu or a key
    // (https://docs.sublimetext.io/reference/plugins.html: ApplicationCommand, WindowCommand, TextCommand).
    [/\bsublime_plugin\.(?:Application|Window|Text)Command\b/, ['sublime_plugin.']],
  ],
  // Spring MVC / WebFlux controllers.
  java: [[/@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b/, ['Mapping']]],
  kotlin: [[/@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b/, ['Mapping']]],
  // ASP.NET Core controllers and minimal APIs; Azure Functions' HTTP trigger binding (`[HttpTrigger(AuthorizationLevel.
  // Anonymous, "post", Route = "ask")] HttpRequestData req`, https://learn.microsoft.com/azure/azure-functions/functions-bindings-http-webhook-trigger).
  csharp: [[/\[Http(?:Get|Post|Put|Patch|Delete)\b/, ['[Http']], [/\bapp\.Map(?:Get|Post|Put|Patch|Delete)\(/, ['app.Map']], [/\[HttpTrigger\(/, ['[HttpTrigger(']]],
  // net/http, Gin, Echo, Fiber: http.HandleFunc("/…", h), r.POST("/…", h).
  go: [[/\.HandleFunc\(\s*"\//, ['.HandleFunc(']], [/\.(?:GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)\(\s*"\//, ['"/']]],
};

/** Words of the markers: an edit of one re-reads the file (editor/incremental.ts), which a reused analysis would miss. */
export const INTERACTIVE_WORDS = ['runtime', 'onMessage', 'onMessageExternal', 'addListener', 'app', 'router', 'server', 'api', 'fastify', 'route',
  'get', 'post', 'put', 'patch', 'delete', 'all', 'export', 'default', 'async', 'function', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'req', 'on', 'process',
  'parentPort', 'messageCreate', 'interactionCreate', 'message', 'connection', 'bot', 'command', 'hears', 'start', 'websocket', 'api_route',
  'message_handler', 'callback_query_handler', 'CommandHandler', 'MessageHandler', 'CallbackQueryHandler',
  'InlineQueryHandler', 'ConversationHandler', 'start_polling', 'run_polling', 'run_webhook', 'infinity_polling', 'event', 'add', 'st', 'chat_input', 'text_input', 'text_area', 'button', 'form_submit_button',
  'file_uploader', 'gr', 'Interface', 'ChatInterface', 'Blocks', 'sublime_plugin', 'ApplicationCommand', 'WindowCommand', 'TextCommand', 'GetMapping', 'PostMapping', 'PutMapping', 'PatchMapping', 'DeleteMapping',
  'RequestMapping', 'HttpTrigger', 'HttpGet', 'HttpPost', 'HttpPut', 'HttpPatch', 'HttpDelete', 'MapGet', 'MapPost', 'MapPut', 'MapPatch', 'MapDelete', 'HandleFunc',
  'Get', 'Post', 'Put', 'Patch', 'Delete'];

/** A decorator's marker from each `@` that only blanks follow the line's start to: run as written, the multiline regex
 * tries every line of the file. */
function decorated(text: string, rest: RegExp): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    let j = i - 1;
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    const c = j < 0 ? 10 : text.charCodeAt(j);
    if (c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) continue;
    rest.lastIndex = i;
    if (rest.test(text)) return true;
  }
  return false;
}

/** A Next.js route by its path: an app router `route.ts` (https://nextjs.org/docs/app/api-reference/file-conventions/route)
 * or a pages router `pages/api/…` file (https://nextjs.org/docs/pages/building-your-application/routing/api-routes). Its
 * helpers answer the request too, whatever the file exports. */
export function nextRoute(file: string): boolean {
  return /(?:^|\/)app\/(?:.+\/)?route\.[cm]?[jt]s$/.test(file) || /(?:^|\/)pages\/api\/.+\.[cm]?[jt]sx?$/.test(file);
}

/** Does the file register a handler whose caller waits for the answer? */
export function servesRequests(text: string, languageId: string): boolean {
  // A Vue / Svelte component runs on a person's clicks, an Astro page's script as the page is asked for (lex/components.ts).
  if (COMPONENT_LANGUAGES.has(languageId)) return true;
  const markers = MARKERS[syntaxFor(languageId).id];
  if (!markers) return false;
  for (const [re, ...hints] of markers) {
    if (!hints.every((any) => any.some((h) => text.includes(h)))) continue;
    const rest = DECORATOR.get(re);
    if (rest ? decorated(text, rest) : re.test(text)) return true;
  }
  return false;
}

/**
 * Is this module imported by one that answers requests (held-out 21: a Telegram bot's handlers in telegram_bot.py
 * calling OpenAIHelper in openai_helper.py; `import openai_utils` in bot.py)? Its calls answer whoever the handler
 * answers. JS/TS and Python, whose imports name files; C#, whose files name each other's types (cs-users.ts). A JS/TS
 * module a React, Vue or Svelte component imports is waited on too: the component awaits it in an event handler or as
 * it renders.
 */
export function importedByServer(s: EvalScope): boolean {
  if (!MARKERS[s.syn.id]) return false;
  const js = s.syn.id === 'javascript';
  return importedByModule(s, js ? 'waits' : 'serves', (text, file) => servesRequests(text, s.syn.id) || (js && (reactComponent(text, file) || COMPONENT.test(file) || nextRoute(file))));
}

/** A React directive opening the file (after blanks and comments): `"use client"` (a component the browser runs on a
 * person's clicks) or `"use server"` (server actions a form or component calls), https://react.dev/reference/rsc/use-client. */
function directive(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else break;
  }
  const q = text[i];
  return (q === '"' || q === "'") && (text.startsWith('use client', i + 1) || text.startsWith('use server', i + 1)) && text[i + 11] === q;
}
/** `import … from "react"`, `require("react")`. */
const IMPORTS_REACT = /\bfrom\s*['"]react['"]|\brequire\(\s*['"]react['"]\s*\)/;

/**
 * A React component's module: a .tsx / .jsx file, a `"use client"` / `"use server"` one, or one importing react
 * (a .js component). JennyT3/INFINITO components/ai-photo-capture.tsx (`"use client"`) awaits analyzeClothing of
 * lib/ai-services.ts in a click handler, which calls OpenAI's chat completions: the person who clicked waits.
 */
export function reactComponent(text: string, file: string): boolean {
  return /\.[jt]sx$/.test(file) || directive(text) || (text.includes('react') && IMPORTS_REACT.test(text));
}
