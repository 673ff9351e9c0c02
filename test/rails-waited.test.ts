// Rails services a person waits on (src/core/scan/rails-waited.ts): a class only controllers or ActiveAdmin pages use
// gets no batch advice; one a job, worker or rake task also runs keeps it, as do the jobs themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from './helpers/cli';
import { tmpDir, write } from './helpers/git-repo';

const service = (cls: string) => `class ${cls}
  def call(text)
    client = OpenAI::Client.new
    client.chat(parameters: { model: "gpt-4o", max_tokens: 300, messages: [{ role: "user", content: text }] })
  end
end
`;

test('a service only request handlers use gets no batch advice; one a job also runs keeps it', () => {
  const root = tmpDir('prompt-cost-rails-');
  write(root, {
    'Gemfile': "gem 'rails'\ngem 'ruby-openai'\n",
    'app/services/spam_check.rb': service('SpamCheck'),
    'app/admin/spam.rb': 'ActiveAdmin.register_page "Spam" do\n  page_action :scan, method: :post do\n    SpamCheck.new.call(params[:text])\n  end\nend\n',
    'app/services/digest.rb': service('Digest'),
    'app/controllers/digests_controller.rb': 'class DigestsController < ApplicationController\n  def show\n    render plain: Digest.new.call("x")\n  end\nend\n',
    'app/jobs/digest_job.rb': 'class DigestJob < ApplicationJob\n  def perform\n    Digest.new.call("y")\n  end\nend\n',
    'app/services/nightly.rb': service('Nightly'),
    'lib/tasks/nightly.rake': 'task nightly: :environment do\n  Nightly.new.call("z")\nend\n',
    'app/controllers/replies_controller.rb': `class RepliesController < ApplicationController\n${service('Inline').split('\n').slice(1).join('\n')}`,
    'app/services/unused.rb': service('Unused'),
    'app/services/caption.rb': service('Caption'),
    'app/helpers/photos_helper.rb': 'module PhotosHelper\n  def caption(p)\n    Caption.new.call(p.title)\n  end\nend\n',
    'test/services/spam_check_test.rb': 'class SpamCheckTest < ActiveSupport::TestCase\n  test "x" do\n    SpamCheck.new\n  end\nend\n',
  });
  const r = cli(['scan', '.', '--format', 'json'], root);
  const rows = JSON.parse(r.out).calls as { file: string; suggestions: { kind: string }[] }[];
  const batch = (f: string) => {
    const row = rows.find((x) => x.file === f);
    assert.ok(row, `no row in ${f}`);
    return row.suggestions.some((s) => s.kind === 'batch');
  };
  assert.equal(batch('app/services/spam_check.rb'), false, 'run by an ActiveAdmin page action');
  assert.equal(batch('app/controllers/replies_controller.rb'), false, 'a controller');
  assert.equal(batch('app/services/digest.rb'), true, 'a job runs it too');
  assert.equal(batch('app/services/nightly.rb'), true, 'a rake task runs it');
  assert.equal(batch('app/services/unused.rb'), true, 'no user in view');
  assert.equal(batch('app/services/caption.rb'), false, 'a view helper, run while a page renders');
});
