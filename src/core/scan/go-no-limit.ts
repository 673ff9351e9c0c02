// The legacy Go Gemini SDKs' model object (github.com/google/generative-ai-go genai, cloud.google.com/go/vertexai/genai)
// sends an output limit only when the code sets one on it: `model.SetMaxOutputTokens(n)` or the embedded
// `GenerationConfig.MaxOutputTokens` (genai/content.go, GenerationConfig `MaxOutputTokens *int32`, nil is not sent).
// A model made where the call cannot follow (`modelMap[name].StartChat()`, held53 hgai pkg/model.go:96) sends none
// when no file of the Go module writes either name: the limit is the model's own, not one set at run time.
import { dirname } from '../resolve/files';
import { goModule, moduleGoFiles } from './go-importers';
import type { EvalScope } from './value';

/** Does no `.go` file of the call's module name `MaxOutputTokens` (so no limit can be set on a model object)? */
export function goModuleSetsNoLimit(s: EvalScope): boolean {
  const idx = s.index;
  const mod = idx && s.syn.id === 'go' ? goModule(idx.files, dirname(s.file)) : undefined;
  if (!idx || !mod) return false;
  return idx.memo(mod.root, 'go-no-max-output', () => {
    const files = moduleGoFiles(s);
    return files.length > 0 && files.every((f) => !(idx.text(f) ?? 'MaxOutputTokens').includes('MaxOutputTokens'));
  });
}
