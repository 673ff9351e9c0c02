// Azure OpenAI deployments read from Bicep (src/core/scan/azure-bicep.ts readDeployments): the deployment's own
// `name`, never a nested object's (`sku: { name: 'Standard' }`), and only literal names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDeployments } from '../src/core/scan/azure-bicep';

test('readDeployments: a deployments array entry gives its name and model', () => {
  const text = `deployments: [
  {
    name: 'chat'
    sku: {
      name: 'Standard'
      capacity: 10
    }
    model: {
      format: 'OpenAI'
      name: 'gpt-4o'
      version: '2024-05-13'
    }
  }
]`;
  const [d, ...rest] = readDeployments(text);
  assert.equal(rest.length, 0);
  assert.equal(d.name, 'chat');
  assert.equal(d.model, 'gpt-4o');
  assert.equal(text.slice(d.start, d.end), 'gpt-4o');
});

test('readDeployments: a parameterised resource (`name: d.name`, model under properties) gives nothing', () => {
  const text = `resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = [for d in deployments: {
  name: d.name
  model: {
    name: 'gpt-4o'
  }
  properties: {
    model: {
      name: d.model.name
    }
  }
}]`;
  assert.deepEqual(readDeployments(text), []);
});
