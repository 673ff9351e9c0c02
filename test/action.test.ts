// action.yml and .pre-commit-hooks.yaml: the composite action's `run:` steps, parsed with the yaml package, run in
// order with bash against a temporary pull-request checkout (shallow, the base branch not fetched), the inputs and
// `${{ … }}` expressions given as the runner gives them (env, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the event file);
// `gh` is a stub that records what would be posted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { ROOT } from './util';
import { commitAll, git, repo, tmpDir, write } from './helpers/git-repo';

interface Step {
  name: string;
  id?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

const APP = (model: string) => `from openai import OpenAI

client = OpenAI()

def answer(question):
    return client.chat.completions.create(
        model="${model}",
        max_tokens=400,
        messages=[{"role": "user", "content": "Answer in one paragraph: " + question}],
    )
`;

/** A pull-request checkout as actions/checkout leaves it: the PR branch one commit deep, the base not fetched. */
function prCheckout(): { clone: string; origin: string } {
  // Current models: gpt-4o and gpt-4o-mini shut down on 2027-01-14, so no switch between them is advised.
  const origin = repo({ 'src/app.py': APP('gpt-5.4-mini') });
  git(origin, 'checkout', '-q', '-b', 'feature');
  write(origin, { 'src/app.py': APP('gpt-5.4') });
  commitAll(origin, 'switch to gpt-5.4');
  git(origin, 'checkout', '-q', 'main');
  const clone = path.join(tmpDir('prompt-cost-action-'), 'work');
  git(path.dirname(clone), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone);
  return { clone, origin };
}

interface Ran {
  steps: { name: string; code: number; stdout: string; stderr: string }[];
  summary: string;
  ghCalls: string[];
  failed: boolean;
}

/** Runs the action's steps as the runner would, with `inputs` over the declared defaults. */
function runAction(cwd: string, inputs: Record<string, string>, github: Record<string, string>): Ran {
  // The build step runs `npm ci` in the action's folder when dist/cli.js is missing: here that is the checkout under
  // test, whose node_modules may be a link to another checkout's (worktrees sharing one install), which npm ci would
  // empty. A missing bundle fails here instead; `npm test` builds it first.
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error(`${ROOT}/dist/cli.js is missing: build it first (node esbuild.mjs)`);
  const tmp = tmpDir('prompt-cost-runner-');
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  const ghLog = path.join(tmp, 'gh.log');
  // The stub gh: lists no earlier comment (or one, when GH_EXISTING is set), and logs each call with the body sent.
  fs.writeFileSync(
    path.join(bin, 'gh'),
    `#!/usr/bin/env bash
for a in "$@"; do case "$a" in body=@*) body="$(cat "\${a#body=@}")";; esac; done
body="\${body:-}"
echo "gh $* :: \${body//$'\\n'/\\\\n}" >> "${ghLog}"
if [[ "$*" == *"--jq"* ]] && [ -n "\${GH_EXISTING:-}" ]; then echo "$GH_EXISTING"; fi
`,
    { mode: 0o755 },
  );
  const event = path.join(tmp, 'event.json');
  fs.writeFileSync(event, JSON.stringify(github.base_ref ? { pull_request: { number: 7 } } : {}));
  const summary = path.join(tmp, 'summary.md');
  fs.writeFileSync(summary, '');
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(ACTION.inputs)) given[k] = v.default ?? '';
  Object.assign(given, inputs);
  const ctx = { inputs: given, github: { action_path: ROOT, token: 'test-token', base_ref: '', ...github }, steps: {} as Record<string, { outputs: Record<string, string> }> };
  const expr = (s: string) =>
    s.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, p: string) => {
      const [scope, ...rest] = p.split('.');
      if (scope === 'inputs') return ctx.inputs[rest.join('.')] ?? '';
      if (scope === 'github') return (ctx.github as Record<string, string>)[rest.join('.')] ?? '';
      if (scope === 'steps' && rest[1] === 'outputs') return ctx.steps[rest[0]]?.outputs[rest[2]] ?? '';
      throw new Error(`expression not handled by the test: ${p}`);
    });
  const out: Ran = { steps: [], summary: '', ghCalls: [], failed: false };
  for (const step of ACTION.runs.steps) {
    assert.ok(step.run && step.shell === 'bash', `${step.name}: a bash run step`);
    assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: expressions go through env, not into the script`);
    const outputFile = path.join(tmp, `out-${out.steps.length}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo/app',
      RUNNER_TEMP: tmp,
      GH_EXISTING: inputs.GH_EXISTING ?? '',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(v);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    out.steps.push({ name: step.name, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    const outputs: Record<string, string> = {};
    for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (step.id) ctx.steps[step.id] = { outputs };
    if (r.status !== 0) {
      out.failed = true;
      break;
    }
  }
  out.summary = fs.readFileSync(summary, 'utf8');
  out.ghCalls = fs.existsSync(ghLog) ? fs.readFileSync(ghLog, 'utf8').trim().split('\n') : [];
  return out;
}

test('action.yml declares the inputs the README documents, and runs as a composite of bash steps', () => {
  assert.equal(ACTION.runs.using, 'composite');
  assert.deepEqual(Object.keys(ACTION.inputs), ['paths', 'budget', 'base', 'fail-on-increase', 'comment', 'github-token']);
  for (const [k, v] of Object.entries(ACTION.inputs)) assert.ok(v.description.length > 20, k);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const k of ['paths', 'budget', 'base', 'fail-on-increase', 'comment']) assert.match(readme, new RegExp(`\\b${k}:`), `README shows the ${k} input`);
});

test('in a pull request: annotations with file and line, the base fetched into a shallow checkout, the change in the summary and a comment', () => {
  const { clone } = prCheckout();
  assert.equal(git(clone, 'rev-parse', '--is-shallow-repository'), 'true');
  const r = runAction(clone, { budget: '' }, { base_ref: 'main' });
  assert.equal(r.failed, false, JSON.stringify(r.steps.map((s) => [s.name, s.code, s.stderr])));
  const [build, scan, diff, comment, verdict] = r.steps;
  assert.equal(build.stdout, '', 'dist/cli.js is there: no build');
  assert.match(scan.stdout, /^::notice file=src\/app\.py,line=6,title=Prompt Cost%3A Cheaper%3A /m);
  assert.match(diff.stderr + diff.stdout, /^$/);
  assert.match(r.summary, /^### Prompt Cost: \+\$/);
  assert.match(r.summary, /gpt-5\.4-mini → \*\*gpt-5\.4\*\*/);
  assert.equal(r.ghCalls.length, 2, r.ghCalls.join('\n'));
  assert.match(r.ghCalls[0], /^gh api repos\/octo\/app\/issues\/7\/comments --paginate --jq /);
  assert.match(r.ghCalls[1], /^gh api --method POST repos\/octo\/app\/issues\/7\/comments -F body=@\S+ :: <!-- prompt-cost diff -->\\n### Prompt Cost: \+\$/);
  assert.equal(comment.code, 0);
  assert.equal(verdict.code, 0);
});

test('a later push updates the same comment; comment: false posts none', () => {
  const { clone } = prCheckout();
  const again = runAction(clone, { GH_EXISTING: '4242' }, { base_ref: 'main' });
  assert.match(again.ghCalls[1], /^gh api --method PATCH repos\/octo\/app\/issues\/comments\/4242 -F body=@/);
  const quiet = runAction(clone, { comment: 'false' }, { base_ref: 'main' });
  assert.deepEqual(quiet.ghCalls, []);
  assert.equal(quiet.failed, false);
});

test('budget and fail-on-increase fail the job in the verdict step, after the annotations and the comment', () => {
  const { clone } = prCheckout();
  const overBudget = runAction(clone, { budget: '0.000001', comment: 'false' }, { base_ref: 'main' });
  assert.equal(overBudget.failed, true);
  assert.equal(overBudget.steps.length, 5, 'every step ran; the verdict failed');
  assert.match(overBudget.steps[1].stdout, /^::error file=src\/app\.py,line=6,title=Prompt Cost%3A Over budget/m);
  assert.match(overBudget.steps[4].stderr, /scan exit 1/);
  const rise = runAction(clone, { 'fail-on-increase': '10%', comment: 'false' }, { base_ref: 'main' });
  assert.equal(rise.failed, true);
  assert.match(rise.steps[4].stderr, /diff exit 1/);
  const small = runAction(clone, { 'fail-on-increase': '1000000', comment: 'false' }, { base_ref: 'main' });
  assert.equal(small.failed, false);
});

test('outside a pull request: no comparison unless a base is given; an explicit base works; a bad one fails', () => {
  const { clone, origin } = prCheckout();
  const push = runAction(clone, {}, {});
  assert.equal(push.failed, false);
  assert.match(push.steps[2].stdout, /no comparison/);
  assert.equal(push.summary, '');
  const base = git(origin, 'rev-parse', 'main');
  const explicit = runAction(clone, { base, comment: 'false' }, {});
  assert.equal(explicit.failed, false, explicit.steps[2].stderr);
  assert.match(explicit.summary, /gpt-5\.4-mini → \*\*gpt-5\.4\*\*/);
  const bad = runAction(clone, { base: 'no-such-branch', comment: 'false' }, {});
  assert.equal(bad.failed, true);
  assert.match(bad.steps[2].stderr, /unknown revision "no-such-branch"/);
});

test('.pre-commit-hooks.yaml: runs the package bin on exactly the extensions the engine reads', () => {
  const hooks = YAML.parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  assert.equal(hooks.length, 1);
  const h = hooks[0];
  assert.equal(h.id, 'prompt-cost');
  assert.equal(h.language, 'node');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(h.entry, `${Object.keys(pkg.bin)[0]} scan`);
  assert.match(pkg.scripts.postinstall, /build-if-needed/, 'an install from the repository builds dist/ (pre-commit packs the clone)');
  const src = fs.readFileSync(path.join(ROOT, 'src', 'core', 'lex', 'languages.ts'), 'utf8');
  const exts = [...src.matchAll(/'\.(\w+)': '/g)].map((m) => m[1]).sort();
  assert.ok(exts.length >= 15);
  const inHook = /\\\.\(([^)]+)\)\$/.exec(h.files)![1].split('|').sort();
  assert.deepEqual(inHook, exts);
});
