// Readers that find calls in a file whose text holds no call shape's words (word-filter.ts): a LangChain4j / Spring AI
// service, a chain another module makes, a Ruby dispatch, an app's own HTTP wrapper, a RubyLLM chat record. The
// scanner (scanner.ts) and the workspace scan's byte screen (node/scan-files.ts) both ask them before a file is read,
// here in one place so that a new reader is added to both at once.
import type { ValueIndex } from '../resolve/value-index';
import { readsServices } from './ai-services-spring';
import { mayRunImportedChain } from './imported-runnables';
import { mayDispatch } from './ruby-dispatch';
import { mayCallWrapper } from './http-wrappers';
import { mayAskRecord } from './ruby-llm-records';

/** Whether a reader may find a call in the file whose words `has` answers for (gate-words.ts finds them in one pass). */
export function readersMayFind(languageId: string, has: (word: string) => boolean, index: ValueIndex | undefined, file: string | undefined): boolean {
  return readsServices(languageId, has, index, file) || mayRunImportedChain(languageId, has, index) || mayDispatch(languageId, has, index) || mayCallWrapper(languageId, has, index, file) || mayAskRecord(languageId, has, index, file);
}
