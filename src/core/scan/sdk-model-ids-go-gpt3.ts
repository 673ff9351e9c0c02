// PullRequestInc/go-gpt3 (a community Go client of 2021–2023) engine constants → the model id each one sends (see
// sdk-model-ids.ts). Data only, from https://github.com/PullRequestInc/go-gpt3 gpt3.go "Engine Types" (head c6cd599,
// 2023-11-27; the repository has no release tags). Its chat constants (GPT3Dot5Turbo, GPT3Dot5Turbo0301, …) are spelt
// and valued as go-openai's and come from that table. Every engine here is retired (price/retired-unpriced.ts).
// `DefaultEngine` (= DavinciEngine) is left out: a name any app may give its own constant.

export const GO_GPT3_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  TextAda001Engine: 'text-ada-001',
  TextBabbage001Engine: 'text-babbage-001',
  TextCurie001Engine: 'text-curie-001',
  TextDavinci001Engine: 'text-davinci-001',
  TextDavinci002Engine: 'text-davinci-002',
  TextDavinci003Engine: 'text-davinci-003',
  AdaEngine: 'ada',
  BabbageEngine: 'babbage',
  CurieEngine: 'curie',
  DavinciEngine: 'davinci',
};

/** Every model constant go-gpt3 declares (gpt3.go), its chat ones valued as go-openai's: a switch of a go-gpt3 call's
 * constant may write only these (`gpt3.GPT4o` does not compile). */
export const GO_GPT3_CONSTANT_NAMES: ReadonlySet<string> = new Set([...Object.keys(GO_GPT3_MODEL_CONSTANTS), 'GPT3Dot5Turbo', 'GPT3Dot5Turbo0301', 'GPT3Dot5Turbo0613']);
