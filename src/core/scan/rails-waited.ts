// Rails: calls a person waits on though their file registers no handler (held-out 24: motzi's SpamDetector in
// app/services, run by the ActiveAdmin page action `page_action :scan` in app/admin/spam_users.rb, was advised the
// batch API). Rails loads classes by name, so a service's users are the project's files that name its class. A file
// under app/controllers, app/admin, app/helpers, app/channels or app/graphql, or one that defines a controller or
// registers an ActiveAdmin page or resource, answers a request; one under app/jobs, app/workers, app/sidekiq or
// lib/tasks, a rake file, or a job or worker class, is offline work. A service that request handlers use and no
// offline code does is waited on; one a job or rake task also runs keeps the batch advice (motzi's AnomalyDetector:
// AnalyzeAnomaliesJob runs it, its admin page only previews the prompt), and so does one nothing in view names.
import { dirname, normalize } from '../resolve/files';
import type { ValueIndex } from '../resolve/value-index';
import { projectFiles, type Walk } from './project-files';
import { mentions, projectRoot } from './ruby-merge-callers';

/** Words read outside calls: an edit touching one re-reads the file (editor/incremental.ts). */
export const RAILS_WORDS = ['ActiveAdmin', 'ApplicationController', 'ActionController', 'ApplicationJob', 'ActiveJob',
  'Sidekiq', 'class'];

const WALK: Walk = {
  skip: new Set(['vendor', 'node_modules', 'tmp', 'log', 'coverage', 'test', 'spec']), maxFolders: 1000, maxFiles: 2000,
};
/** Controllers, ActiveAdmin, view helpers (run while a page renders), Action Cable channels, GraphQL resolvers. */
const REQUEST_DIRS = ['app/controllers/', 'app/admin/', 'app/helpers/', 'app/channels/', 'app/graphql/'];
const OFFLINE_DIRS = ['app/jobs/', 'app/workers/', 'app/sidekiq/', 'lib/tasks/'];
const REQUEST_TEXT = ['ActiveAdmin.register', '< ApplicationController', 'ActionController::'];
const OFFLINE_TEXT = ['< ApplicationJob', 'ActiveJob::Base', 'Sidekiq::Worker', 'Sidekiq::Job'];
/** Classes of one file looked for in the others. */
const MAX_CLASSES = 4;

type Role = 'request' | 'offline' | undefined;

/** What the project file at `rel` (its path under the Rails root) with `text` is: a request handler, offline work, or
 * neither. */
function role(rel: string, text: string): Role {
  if (REQUEST_DIRS.some((d) => rel.startsWith(d)) || REQUEST_TEXT.some((w) => text.includes(w))) return 'request';
  const offline = rel.endsWith('.rake') || OFFLINE_DIRS.some((d) => rel.startsWith(d));
  if (offline || OFFLINE_TEXT.some((w) => text.includes(w))) return 'offline';
  return undefined;
}

/** Is the Ruby file at `file` (its text `text`) a request handler of a Rails app, or a class only request handlers
 * use? Read once per project until a file under it changes. */
export function railsWaitedOn(index: ValueIndex, file: string, text: string): boolean {
  const path = normalize(file);
  if (!path.endsWith('.rb') || !index.files.folders) return false;
  const root = projectRoot(index.files, dirname(path));
  if (root === undefined) return false;
  const own = role(under(root, path), text);
  if (own) return own === 'request';
  const classes = classNames(text);
  if (!classes.length) return false;
  return index.memo(root, `rails-waited ${path} ${classes.join(' ')}`, () => {
    let request = 0;
    const ruby = (n: string) => n.endsWith('.rb') || n.endsWith('.rake');
    const files = index.memo(root, 'rails-files', () => projectFiles(index.files, root, ruby, WALK));
    for (const f of files) {
      if (f === path) continue;
      const t = index.text(f) ?? '';
      if (!classes.some((cls) => mentions(t, cls))) continue;
      const r = role(under(root, f), t);
      if (r === 'offline') return false;
      if (r === 'request') request++;
    }
    return request > 0;
  });
}

/** `file`'s path below `root` (the CLI's paths are relative to where it runs: a root of `.`). */
function under(root: string, file: string): string {
  if (root === '.') return file.startsWith('./') ? file.slice(2) : file;
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** The classes a file defines (`class SpamDetector`, `class Ai::Client < Base`: `Client`), by their last name. */
function classNames(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('class '); i >= 0 && out.length < MAX_CLASSES; i = text.indexOf('class ', i + 6)) {
    // At a line's start, after blanks only.
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    if (j >= 0 && text[j] !== '\n') continue;
    let k = i + 6;
    while (text[k] === ' ') k++;
    let e = k;
    while (e < text.length && /[\w:]/.test(text[e])) e++;
    const name = text.slice(k, e).split('::').pop() ?? '';
    if (/^[A-Z]/.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}
