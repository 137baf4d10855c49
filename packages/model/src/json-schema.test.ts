import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, toJsonSchema, type PublishedSchemaName } from './json-schema';

describe('toJsonSchema', () => {
  const names = Object.keys(PUBLISHED_SCHEMAS) as PublishedSchemaName[];

  it.each(names)('exports %s as draft 2020-12', (name) => {
    const schema = toJsonSchema(name);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists every scenario node type', () => {
    const text = JSON.stringify(toJsonSchema('scenario'));
    for (const type of [
      'trigger',
      'wait',
      'condition',
      'switch',
      'sendEmail',
      'waitForEvent',
      'end',
    ]) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });
});
