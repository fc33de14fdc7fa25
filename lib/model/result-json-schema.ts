import { z } from 'zod';
import { ResultSchema } from './result.ts';

/** The JSON Schema of a result, generated from the zod schema (kept in git as schema/result.schema.json). */
export function resultJsonSchema(): string {
  const schema = z.toJSONSchema(ResultSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const withId = {
    $id: 'urn:gouji:schema:result:1',
    title: 'gouji result of one 政府信息公开工作年度报告',
    ...schema,
  };
  return `${JSON.stringify(withId, null, 2)}\n`;
}
