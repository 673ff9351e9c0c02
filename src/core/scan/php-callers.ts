// Callers of a PHP class's public method in the project's other files: a Laravel service injected by its type
// (`public function __construct(protected ChatService $chat)`, `app(ChatService::class)`) or made with `new`, its
// method called as `$this->chat->sendMessages([...])` in a controller or another service (vccvn/m-ai
// app/Services/GPT/PromptService.php passing a message list to ChatService::sendMessages). The project is the folder
// of its composer.json; its files that name the class and call `->method(` are read, each such call a caller (the
// receiver's type is not checked, as for Ruby's callers, ruby-callers.ts). A call not closed leaves the callers unknown.
// An app without Composer keeps its pages beside the file: the folder above it, the files that `require` it.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname } from '../resolve/files';
import { callerFiles, projectFiles, type Walk } from './project-files';
import { mentions } from './ruby-merge-callers';
import type { EvalScope } from './value';

const UP = 8;
/** Folders of a Laravel project that hold no caller of the app's services (dependencies, caches, tests' doubles). */
const WALK: Walk = { skip: new Set(['vendor', 'node_modules', 'storage', 'bootstrap', 'public', 'tests', 'database', 'resources']), maxFolders: 400, maxFiles: 4000 };
const isPhp = (n: string) => n.endsWith('.php') && !n.endsWith('.blade.php');
const INCLUDES = /\b(?:require|include)(?:_once)?\b/;
/** The text `require`s / `include`s the file by its name. */
const requires = (text: string, file: string) => INCLUDES.test(text) && text.includes(file.slice(file.lastIndexOf('/') + 1));

/** `->m(` calls in the project's other files of the public method whose name is token `at`; [] when it is not a
 * class's public method or none is called elsewhere; undefined when a call cannot be read. */
export function phpCallers(s: EvalScope, at: number): { sc: EvalScope; k: number }[] | undefined {
  const { toks } = s;
  const idx = s.index;
  if (s.syn.id !== 'php' || !idx?.files.folders || toks[at - 1]?.v !== 'function') return [];
  // `private function` / `protected function` / `static function`: called from the class itself only, or statically.
  for (let k = at - 2; k >= 0 && k >= at - 4 && isId(toks[k]); k--) if (['private', 'protected', 'static'].includes(toks[k].v)) return [];
  const cls = classOf(s, at);
  const composer = ancestors(dirname(s.file), UP).find((a) => (idx.files.list(a) ?? []).includes('composer.json'));
  if (!cls) return globalCallers(s, at, composer);
  // An app without Composer: the files near it that `require` the class's file (`require_once 'Openai.php';`).
  const root = composer ?? dirname(dirname(s.file));
  const method = toks[at].v;
  // The constructor is called as `new Summarizer($client, 'gpt-4o', 300)` (its promoted parameters' values).
  const ctor = method === '__construct';
  const call = ctor ? `new ${cls}(` : `->${method}(`;
  const users = callerFiles(s, root, `php.callers ${s.file} ${cls} ${call}`, () => idx.memo(root, 'php-files', () => projectFiles(idx.files, root, isPhp, WALK)),
    (_, text) => text().includes(call) && [cls, ...(ctor ? [] : implemented(s, at))].some((n) => mentions(text(), n)) && (!!composer || requires(text(), s.file)));
  if (!users) return undefined;
  const out: { sc: EvalScope; k: number }[] = [];
  for (const sc of users) {
    const t = sc.toks;
    for (let k = 1; k < t.length; k++) {
      if (t[k].t !== T.Id || t[k].v !== (ctor ? cls : method) || !(ctor ? t[k - 1].v === 'new' : isP(t[k - 1], '->')) || !isP(t[k + 1], '(')) continue;
      if (!(sc.match[k + 1] > k + 1)) return undefined;
      out.push({ sc, k });
    }
  }
  return out;
}

/** The class the method at token `at` is declared in. */
function classOf(s: EvalScope, at: number): string | undefined {
  const { toks } = s;
  for (let k = at - 1; k >= 0; k--) if (toks[k].t === T.Id && toks[k].v === 'class' && isId(toks[k + 1]) && !isP(toks[k - 1], '::')) return toks[k + 1].v;
  return undefined;
}

/**
 * The interfaces the class of the method at token `at` declares it implements (`class OpenAIService implements
 * AIServiceInterface`): a caller typed by the interface (`private readonly AIServiceInterface $aiService`, bound to the
 * class in a service provider) names it, not the class (held64 nofikoff/test-laravel-example
 * app/Services/ActorExtractionService.php calling `$this->aiService->extractStructuredData(config('ai.…'), …)`).
 */
function implemented(s: EvalScope, at: number): string[] {
  const { toks } = s;
  let k = at - 1;
  while (k >= 0 && !(toks[k].t === T.Id && toks[k].v === 'class' && isId(toks[k + 1]) && !isP(toks[k - 1], '::'))) k--;
  const out: string[] = [];
  let i = k + 2;
  while (i < at && !isP(toks[i], '{') && toks[i].v !== 'implements') i++;
  if (toks[i]?.v !== 'implements') return out;
  for (i++; i < at && !isP(toks[i], '{'); i++) if (isId(toks[i]) && !isP(toks[i + 1], '\\')) out.push(toks[i].v);
  return out;
}

/**
 * Callers of a file's global function (`function callAPI($data, $resFormat='message')` in app/connections/chatGPT.php)
 * in the files that `require` / `include` that file by its name and call it (barrven/venabar.com-MVC app/model/joke.php:
 * `require APP.DS.'connections'.DS.'chatGPT.php';` then `$temp = callAPI($data, 'raw');`). The project is the folder of
 * its composer.json, else the folder above the file's (an app without Composer keeps its pages beside it).
 */
function globalCallers(s: EvalScope, at: number, composer: string | undefined): { sc: EvalScope; k: number }[] | undefined {
  const { toks } = s;
  const idx = s.index!;
  const fn = toks[at].v;
  const root = composer ?? dirname(dirname(s.file));
  const users = callerFiles(s, root, `php.function ${s.file} ${fn}`, () => idx.memo(root, 'php-files', () => projectFiles(idx.files, root, isPhp, WALK)),
    (_, text) => text().includes(fn + '(') && requires(text(), s.file));
  if (!users) return undefined;
  const out: { sc: EvalScope; k: number }[] = [];
  for (const sc of users) {
    const t = sc.toks;
    for (let k = 1; k < t.length; k++) {
      if (t[k].t !== T.Id || t[k].v !== fn || !isP(t[k + 1], '(') || isP(t[k - 1], '->') || isP(t[k - 1], '::') || t[k - 1].v === 'function') continue;
      if (!(sc.match[k + 1] > k + 1)) return undefined;
      out.push({ sc, k });
    }
  }
  return out;
}
