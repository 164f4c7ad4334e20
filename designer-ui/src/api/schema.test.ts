import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without type declarations
import { generate, OUTPUT } from '../../scripts/apiTypes.mjs';

describe('the API types', () => {
  it('are what openapi-typescript makes of openapi.json (run `npm run api:types` after changing it)', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await generate());
  }, 30_000);
});
