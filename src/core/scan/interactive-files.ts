// Files whose calls answer someone who is waiting: a browser extension's message listener, an HTTP route, a chat
// bot's handler, a Streamlit or Gradio page. Their calls get no batch or off-peak advice (held-out 20: an extension's
// service worker answering `chrome.runtime.onMessage` with four chat calls, each advised "Use the openai batch API if
// the answer can wait"; held-out 19: a Discord bot). One test per file, on its text.
import { syntaxFor } from '../lex/languages';
import { importedByModule } from './js-callers';
import type { EvalScope } from './value';

/** Per syntax row: registrations of a handler someone waits on. Each names the framework form it reads. */
const MARKERS: Record<string, RegExp[]> = {
  javascript: [
    // Chrome / WebExtensions: chrome.runtime.onMessage.addListener, browser.runtime.onMessageExternal.addListener.
    /\bruntime\.onMessage(?:External)?\.addListener\(/,
    // Express, Koa router, Fastify, Hono: app.post("/path", handler).
    /\b(?:app|router|server|api|fastify|route)\.(?:get|post|put|patch|delete|all)\(\s*['"`]\//,
    // Next.js route handlers (app router) and API routes (pages router).
    /\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE)\s*\(/,
    /\bexport\s+default\s+(?:async\s+)?function\s*\w*\s*\(\s*req\b/,
    // discord.js, ws / socket.io, Telegraf: client.on("messageCreate"), ws.on("message"), bot.on(message(…)).
    // (not a worker's `process.on("message")` / `parentPort.on("message")`: jobs handed to it, batch work).
    /(?<!process|parentPort)\.on\(\s*['"](?:messageCreate|interactionCreate|message|connection)['"]/,
    /\bbot\.(?:on|command|hears|start)\(/,
  ],
  python: [
    // FastAPI / Flask / Quart / Sanic routes and websockets: @app.post("/…"), @router.get(…), @bp.route(…).
    /^[ \t]*@[\w.]+\.(?:get|post|put|patch|delete|route|websocket|api_route)\(/m,
    // Bots: pyTelegramBotAPI @bot.message_handler, aiogram @dp.message, discord.py @client.event / @bot.command,
    // LINE @handler.add(MessageEvent…), Slack Bolt @app.message / @app.event, Flask-SocketIO @socketio.on.
    /^[ \t]*@\w+\.(?:message_handler|callback_query_handler|message|event|command|add|on)\b/m,
    // python-telegram-bot: application.add_handler(CommandHandler("start", start)), MessageHandler(filters.TEXT, reply).
    /\b(?:Command|Message|CallbackQuery|InlineQuery|Conversation)Handler\(/,
    // A bot started here (aiogram Dispatcher.start_polling, python-telegram-bot Application.run_polling / run_webhook,
    // pyTelegramBotAPI TeleBot.infinity_polling): the services it is given answer its users.
    /\.(?:start_polling|run_polling|run_webhook|infinity_polling)\(/,
    // Streamlit and Gradio pages: a person types, the call answers.
    /\bst\.(?:chat_input|text_input|text_area|button|form_submit_button|file_uploader)\(/,
    /\bgr\.(?:Interface|ChatInterface|Blocks)\(/,
  ],
  // Spring MVC / WebFlux controllers.
  java: [/@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b/],
  kotlin: [/@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b/],
  // ASP.NET Core controllers and minimal APIs.
  csharp: [/\[Http(?:Get|Post|Put|Patch|Delete)\b/, /\bapp\.Map(?:Get|Post|Put|Patch|Delete)\(/],
  // net/http, Gin, Echo, Fiber: http.HandleFunc("/…", h), r.POST("/…", h).
  go: [/\.HandleFunc\(\s*"\//, /\.(?:GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)\(\s*"\//],
};

/** Words of the markers: an edit of one re-reads the file (editor/incremental.ts), which a reused analysis would miss. */
export const INTERACTIVE_WORDS = ['runtime', 'onMessage', 'onMessageExternal', 'addListener', 'app', 'router', 'server', 'api', 'fastify', 'route',
  'get', 'post', 'put', 'patch', 'delete', 'all', 'export', 'default', 'async', 'function', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'req', 'on', 'process',
  'parentPort', 'messageCreate', 'interactionCreate', 'message', 'connection', 'bot', 'command', 'hears', 'start', 'websocket', 'api_route',
  'message_handler', 'callback_query_handler', 'CommandHandler', 'MessageHandler', 'CallbackQueryHandler',
  'InlineQueryHandler', 'ConversationHandler', 'start_polling', 'run_polling', 'run_webhook', 'infinity_polling', 'event', 'add', 'st', 'chat_input', 'text_input', 'text_area', 'button', 'form_submit_button',
  'file_uploader', 'gr', 'Interface', 'ChatInterface', 'Blocks', 'GetMapping', 'PostMapping', 'PutMapping', 'PatchMapping', 'DeleteMapping',
  'RequestMapping', 'HttpGet', 'HttpPost', 'HttpPut', 'HttpPatch', 'HttpDelete', 'MapGet', 'MapPost', 'MapPut', 'MapPatch', 'MapDelete', 'HandleFunc',
  'Get', 'Post', 'Put', 'Patch', 'Delete'];

/** Does the file register a handler whose caller waits for the answer? */
export function servesRequests(text: string, languageId: string): boolean {
  const markers = MARKERS[syntaxFor(languageId).id];
  return !!markers && markers.some((r) => r.test(text));
}

/**
 * Is this module imported by one that answers requests (held-out 21: a Telegram bot's handlers in telegram_bot.py
 * calling OpenAIHelper in openai_helper.py; `import openai_utils` in bot.py)? Its calls answer whoever the handler
 * answers. JS/TS and Python, whose imports name files.
 */
export function importedByServer(s: EvalScope): boolean {
  return !MARKERS[s.syn.id] ? false : importedByModule(s, 'serves', (text) => servesRequests(text, s.syn.id));
}
