// An Azure OpenAI deployment's model, from the Bicep the repository deploys it with. The code names a deployment
// ("completions"), whose name is the deployer's choice (scan/deployment-names.ts); an Azure Developer CLI template
// creates it in infra/*.bicep as a `Microsoft.CognitiveServices/accounts/deployments` resource whose `name` is the
// deployment and `properties.model.name` the model (https://learn.microsoft.com/azure/templates/microsoft.cognitiveservices/accounts/deployments,
// azd templates pass it as `deployments: [{ name: 'completions', model: { format: 'OpenAI', name: 'gpt-4o', version: … } }]`).
// Azure/BuildYourOwnCopilot: appsettings.json's CompletionsDeployment "completions", infra/aca/infra/main.bicep and
// infra/aks/infra/main.bicep deploy it as gpt-4o. Only literal names are read, only under an `infra` folder above the
// call's file, and a deployment every file agrees on; the model is priced as the code's, its source the Bicep line.
import type { ModelRef, ValueSource } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import { ancestors, basename, dirname, join } from '../resolve/files';

/** Folders above the call's file looked at for `infra/`. */
const UP = 8;
/** Bicep files read under one infra folder, and how deep. */
const MAX_FILES = 40;
const MAX_DEPTH = 3;
/** Characters walked back from `model:` for the deployment's own `name:`. */
const MAX_BACK = 2000;

interface Deployed {
  model: string;
  file: string;
  /** Offsets of the model name inside its quotes. */
  start: number;
  end: number;
}

/** The model the repository's Bicep deploys under `deployment`, as a model reference, or undefined. */
export function bicepDeployment(index: ValueIndex, fromFile: string, deployment: string): ModelRef | undefined {
  for (const a of ancestors(dirname(fromFile), UP)) {
    if (!index.files.folders?.(a)?.includes('infra')) continue;
    const infra = join(a, 'infra');
    const table = index.memo(infra, 'bicep-deployments', () => deployments(index, infra));
    const hits = table.get(deployment);
    if (!hits?.length || hits.some((h) => h.model !== hits[0].model)) return undefined;
    const h = hits[0];
    const source: ValueSource = { file: h.file, offset: h.start, what: `model of Azure deployment '${deployment}' in ${basename(h.file)}` };
    return { id: h.model, span: { start: h.start, end: h.end }, file: h.file, quote: "'", kind: 'constant', source };
  }
  return undefined;
}

function deployments(index: ValueIndex, infra: string): Map<string, Deployed[]> {
  const out = new Map<string, Deployed[]>();
  for (const f of bicepFiles(index, infra)) {
    const text = index.files.read(f);
    if (text === undefined || !text.includes('model')) continue;
    for (const d of readDeployments(text)) {
      const list = out.get(d.name);
      const hit = { model: d.model, file: f, start: d.start, end: d.end };
      if (list) list.push(hit);
      else out.set(d.name, [hit]);
    }
  }
  return out;
}

function bicepFiles(index: ValueIndex, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const n of index.files.list(dir) ?? []) if (n.endsWith('.bicep') && out.length < MAX_FILES) out.push(join(dir, n));
    if (depth >= MAX_DEPTH) return;
    for (const sub of index.files.folders?.(dir) ?? []) if (out.length < MAX_FILES && !sub.startsWith('.')) walk(join(dir, sub), depth + 1);
  };
  walk(root, 0);
  return out;
}

const MODEL = /\bmodel\s*:\s*\{/g;
const NAME = /^\s*name\s*:\s*'([^'\n]+)'/;

/** Each `model: { … name: 'm' … }` with the `name: 'd'` of the object it is in: deployment d runs model m. */
export function readDeployments(text: string): { name: string; model: string; start: number; end: number }[] {
  const out: { name: string; model: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(MODEL)) {
    const open = m.index! + m[0].length - 1;
    const close = text.indexOf('}', open);
    if (close < 0) continue;
    const inner = text.slice(open + 1, close);
    const mm = /(?:^|[\s,])name\s*:\s*'([^'\n]+)'/.exec(inner);
    if (!mm) continue;
    const start = open + 1 + mm.index + mm[0].length - 1 - mm[1].length;
    const name = ownName(text, m.index!);
    if (name) out.push({ name, model: mm[1], start, end: start + mm[1].length });
  }
  return out;
}

/** The `name: '…'` of the object around offset `at`, at its own level (a nested `sku: { name: … }` is not it). */
function ownName(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - MAX_BACK; i--) {
    const ch = text[i];
    if (ch === '}') depth++;
    else if (ch === '{') {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0 && ch === 'n' && (i === 0 || /[\s,{]/.test(text[i - 1]))) {
      const head = text.slice(i, i + 200);
      if (!/^name\s*:/.test(head)) continue;
      // `name: deployment.name`: not a literal, so not known here.
      return NAME.exec(head)?.[1];
    }
  }
  return undefined;
}
