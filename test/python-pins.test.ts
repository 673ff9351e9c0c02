// src/core/scan/python-pins.ts: the installed version of a Python distribution, from a lock file's exact version or an
// exact `==` pin; a range or a bare name gives none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonPin } from '../src/core/scan/python-pins';
import { memFiles } from './helpers/mem-files';

const DEPS = ['pydantic-ai', 'pydantic-ai-slim'];
const pin = (files: Record<string, string>) => {
  const fs = memFiles(Object.fromEntries(Object.entries(files).map(([n, t]) => [`/ws/${n}`, t])));
  return pythonPin(fs, '/ws', Object.keys(files), DEPS);
};

test('a lock file gives the locked version, before a requirements pin', () => {
  const lock = '[[package]]\nname = "pydantic-ai-slim"\nversion = "0.0.9"\n\n[[package]]\nname = "pydantic-ai"\nversion = "0.0.7"\nsource = { registry = "https://pypi.org/simple" }\n';
  assert.deepEqual(pin({ 'uv.lock': lock, 'requirements.txt': 'pydantic-ai==1.2.0\n' }), { version: [0, 0, 7], written: '0.0.7', file: 'uv.lock' });
  assert.deepEqual(pin({ 'poetry.lock': '[[package]]\r\nname = "pydantic-ai"\r\nversion = "0.0.12"\r\n' })?.version, [0, 0, 12]);
});

test('requirements and pyproject give an exact pin, with extras; the slim distribution counts', () => {
  assert.equal(pin({ 'requirements.txt': 'fastapi\npydantic-ai[openai]==0.0.8\n' })?.written, '0.0.8');
  assert.equal(pin({ 'pyproject.toml': 'dependencies = [\n  "pydantic-ai-slim[openai] == 0.0.11",\n]\n' })?.written, '0.0.11');
  assert.equal(pin({ 'requirements-dev.txt': 'Pydantic-AI==0.0.5\n' })?.written, '0.0.5');
});

test('a range, a bare name or another package gives no version', () => {
  assert.equal(pin({ 'requirements.txt': 'pydantic-ai>=0.0.7\n' }), undefined);
  assert.equal(pin({ 'pyproject.toml': 'dependencies = ["pydantic-ai"]\n' }), undefined);
  assert.equal(pin({ 'requirements.txt': 'my-pydantic-ai==0.0.1\npydantic-ai-tools==0.0.2\n' }), undefined);
  assert.equal(pin({ 'uv.lock': 'name = "pydantic-ai"\nsource = { registry = "x" }\n' }), undefined);
});
