/**
 * The designer's API types, generated from the OpenAPI document the app serves (designer-ui/openapi.json, kept equal
 * to it by the app's OpenApiDocumentIT). `npm run api:types` writes src/api/schema.ts; src/api/schema.test.ts fails
 * when that file is not what this generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCUMENT = join(root, 'openapi.json');
export const OUTPUT = join(root, 'src', 'api', 'schema.ts');
const HEADER = '/**\n * Generated from openapi.json by `npm run api:types` (openapi-typescript). Do not edit by hand.\n */\n\n';

export async function generate() {
  const ast = await openapiTS(JSON.parse(readFileSync(DOCUMENT, 'utf8')));
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, await generate());
  console.log(`wrote ${OUTPUT}`);
}
