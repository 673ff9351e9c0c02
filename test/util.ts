import path from 'node:path';

/** Repository root (tests run from out/test/…). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
