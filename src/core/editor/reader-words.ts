// Words the scan's readers look for outside a call (interactive hints, request and client names, Ruby/Rails words,
// Ruby module functions, the HTTP senders' methods, instructor, front-end state): an edit that makes or breaks one can change calls, so the keystroke path
// (incremental.ts) keeps them significant. Gathered here so each reader's list is added in one place.
import { ASKS_WORDS } from '../scan/interactive';
import { RUST_ASKS_WORDS } from '../scan/rust-waited';
import { INTERACTIVE_WORDS } from '../scan/interactive-files';
import { CONSTANT_WORDS } from '../scan/user-constants';
import { NOT_REQUEST_WORDS } from '../scan/requests';
import { MOCK_WORDS } from '../scan/mock-stubs';
import { CLIENT_WORDS } from '../scan/site-filters';
import { INSTRUCTOR_WORDS } from '../scan/py-instructor';
import { RUBY_WORDS } from '../scan/ruby-attrs';
import { RUBY_INCLUDE_WORDS } from '../scan/class-files';
import { RUBY_MODULE_WORDS } from '../scan/ruby-callers';
import { RUBY_LLM_WORDS } from '../scan/ruby-llm';
import { COMMANDER_WORDS } from '../scan/commander-options';
import { RAILS_WORDS } from '../scan/rails-waited';
import { HTTPS_REQUEST_WORDS } from '../scan/js-https-request';
import { MAP_WORDS } from '../scan/jvm-map-body';
import { KT_ARRAY_WORDS } from '../scan/kotlin-json-array';
import { REST_WORDS } from '../scan/http-restsharp';
import { URLCONN_WORDS } from '../scan/http-jvm-urlconn';
import { APACHE_WORDS } from '../scan/http-jvm-apache';
import { STATE_WORDS } from '../scan/reactive-state';
import { SERVICE_WORDS } from '../scan/dotnet-config';
import { PY_STRUCTURED_WORDS } from '../scan/imported-runnables';
import { GEMINI_DOTNET_WORDS } from '../scan/gemini-dotnet';
import { HTTPARTY_WORDS } from '../scan/http-ruby';
import { GO_FLAG_WORDS } from '../scan/go-flag-vars';
import { GO_TEMPLATE_WORDS } from '../scan/go-text-template';
import { GATEWAY_WORDS } from '../scan/provider-factories';
import { GENAI_WORDS } from '../scan/rust-genai';
import { AZURE_CLIENT_WORDS } from '../scan/dotnet-azure';
import { SK_KERNEL_PREFIXES, SK_KERNEL_WORDS } from '../scan/sk-tool-runs';
import { MODAL_WORDS } from '../scan/modal-runs';
import { PYDANTIC_DECORATOR_WORDS } from '../scan/py-agent-decorators';

export const READER_WORDS: readonly string[] = [
  ...ASKS_WORDS, ...RUST_ASKS_WORDS, ...INTERACTIVE_WORDS, ...CONSTANT_WORDS, ...NOT_REQUEST_WORDS, ...MOCK_WORDS, ...CLIENT_WORDS, ...INSTRUCTOR_WORDS, ...RUBY_WORDS, ...RUBY_INCLUDE_WORDS, ...RUBY_MODULE_WORDS, ...RUBY_LLM_WORDS, ...COMMANDER_WORDS, ...RAILS_WORDS, ...HTTPS_REQUEST_WORDS, ...MAP_WORDS, ...KT_ARRAY_WORDS, ...REST_WORDS, ...URLCONN_WORDS, ...APACHE_WORDS, ...STATE_WORDS, ...SERVICE_WORDS, ...PY_STRUCTURED_WORDS, ...GEMINI_DOTNET_WORDS, ...HTTPARTY_WORDS, ...GO_FLAG_WORDS, ...GO_TEMPLATE_WORDS, ...GATEWAY_WORDS, ...GENAI_WORDS, ...AZURE_CLIENT_WORDS, ...SK_KERNEL_WORDS, ...MODAL_WORDS, ...PYDANTIC_DECORATOR_WORDS,
];

/** Word prefixes a reader's whole-file test matches (sk-tool-runs.ts `ImportPluginFrom[A-Z]`): any word that starts so. */
const READER_PREFIXES: readonly string[] = [...SK_KERNEL_PREFIXES];
export const hasReaderPrefix = (w: string) => READER_PREFIXES.some((p) => w.startsWith(p));
