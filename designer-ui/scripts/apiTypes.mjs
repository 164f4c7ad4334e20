/**
 * The designer's API types, generated from the OpenAPI document the app serves (designer-ui/openapi.json, kept equal
 * to it by the app's OpenApiDocumentIT) into src/api/schema.ts, which is not committed: `npm run build`, `test`,
 * `typecheck` and `dev` write it first, so it cannot drift from openapi.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCUMENT = join(root, 'openapi.json');
export const OUTPUT = join(root, 'src', 'api', 'schema.ts');
const HEADER = '/**\n * Generated from openapi.json by scripts/apiTypes.mjs (openapi-typescript) before every build. Do not edit.\n */\n\n';

const ast = await openapiTS(JSON.parse(readFileSync(DOCUMENT, 'utf8')));
writeFileSync(OUTPUT, HEADER + astToString(ast));
