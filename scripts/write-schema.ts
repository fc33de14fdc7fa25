// npm run schema: writes the result's JSON Schema to schema/result.schema.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resultJsonSchema } from '../lib/model/result-json-schema.ts';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/result.schema.json', resultJsonSchema());
console.log('wrote schema/result.schema.json');
