import { describe, expect, it } from 'vitest';
import { canonicalRuleJson } from './canonical-rule-json';
import { FORMAT_HISTORIES, type FormatHistory } from './format-migrations';
import { migrateRuleFile } from './migrate-rule-file';
import { parseRuleFile } from './parse-rule-file';
import { FormatVersionError } from './rules-file-error';

/** A template as Dunflow wrote it in format 0: no formatVersion and no kind. */
const TEMPLATE_FORMAT_0 = `{
  "id": "friendly-reminder",
  "channel": "email",
  "language": "en",
  "subject": "Invoice {{invoiceId}} is overdue",
  "body": "Dear {{customerName}}, please pay {{openAmount}} {{currency}}."
}
`;

/** A history with two steps, 1 to 2 renaming `title` to `name` and 2 to 3 adding `tags`. */
const RENAMING_HISTORY: FormatHistory = {
  current: 3,
  oldest: 1,
  migrations: [
    {
      from: 1,
      migrate: ({ title, ...rest }) => ({ ...rest, name: title }),
    },
    { from: 2, migrate: (json) => ({ ...json, tags: [] }) },
  ],
};

describe('template format 0', () => {
  it('migrates to format 1 with a kind', () => {
    const json = parseRuleFile('friendly.json', TEMPLATE_FORMAT_0, 'template');

    expect(json['formatVersion']).toBe(1);
    expect(json['kind']).toBe('template');
    expect(json['subject']).toBe('Invoice {{invoiceId}} is overdue');
  });

  it('is written back in format 1', () => {
    const json = parseRuleFile('friendly.json', TEMPLATE_FORMAT_0, 'template');
    const lines = canonicalRuleJson('template', json).split('\n');

    expect(lines.slice(0, 5)).toEqual([
      '{',
      '  "$schema": "../schemas/template.schema.json",',
      '  "formatVersion": 1,',
      '  "kind": "template",',
      '  "id": "friendly-reminder",',
    ]);
  });

  it('reads an explicit format version 0', () => {
    const json = migrateRuleFile(
      'friendly.json',
      { formatVersion: 0, id: 'friendly-reminder' },
      FORMAT_HISTORIES.template,
    );

    expect(json).toEqual({ kind: 'template', formatVersion: 1, id: 'friendly-reminder' });
  });
});

describe('migrateRuleFile', () => {
  it('applies every step in order', () => {
    const json = migrateRuleFile('a.json', { formatVersion: 1, title: 'Old' }, RENAMING_HISTORY);

    expect(json).toEqual({ formatVersion: 3, name: 'Old', tags: [] });
  });

  it('starts at the version of the file', () => {
    const json = migrateRuleFile('a.json', { formatVersion: 2, name: 'New' }, RENAMING_HISTORY);

    expect(json).toEqual({ formatVersion: 3, name: 'New', tags: [] });
  });

  it('leaves its input unchanged', () => {
    const input = { formatVersion: 1, title: 'Old' };
    migrateRuleFile('a.json', input, RENAMING_HISTORY);

    expect(input).toEqual({ formatVersion: 1, title: 'Old' });
  });

  it('rejects a newer version', () => {
    const migrate = () => migrateRuleFile('a.json', { formatVersion: 4 }, RENAMING_HISTORY);

    expect(migrate).toThrow(FormatVersionError);
    expect(migrate).toThrow('a.json: format version 4 is newer than this dunflow reads (up to 3)');
  });

  it('rejects a version older than the oldest', () => {
    const migrate = () => migrateRuleFile('a.json', { formatVersion: 0 }, RENAMING_HISTORY);

    expect(migrate).toThrow('format version 0 is older than this dunflow reads (from 1)');
  });

  it('requires a version where files have one', () => {
    const migrate = () => migrateRuleFile('a.json', { id: 'x' }, FORMAT_HISTORIES.scenario);

    expect(migrate).toThrow('a.json: "formatVersion" is missing; set "formatVersion": 1');
  });

  it('rejects a version that is not a whole number', () => {
    const migrate = () => migrateRuleFile('a.json', { formatVersion: '1' }, RENAMING_HISTORY);

    expect(migrate).toThrow('"formatVersion" "1" is not a format version');
  });

  it('names a missing migration step', () => {
    const gap: FormatHistory = { current: 2, oldest: 1, migrations: [] };
    const migrate = () => migrateRuleFile('a.json', { formatVersion: 1 }, gap);

    expect(migrate).toThrow('format version 1 has no migration to version 2');
  });
});
