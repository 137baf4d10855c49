import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import {
  currentRuleVersions,
  publishRuleVersion,
  ruleVersionHistory,
  type RuleVersionInput,
} from './rule-versions';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

function template(hashDigit: string, ruleId = 'friendly-reminder'): RuleVersionInput {
  return {
    kind: 'template',
    ruleId,
    hash: hashDigit.repeat(64),
    formatVersion: 1,
    source: `{\n  "id": "${ruleId}",\n  "version": "${hashDigit}"\n}\n`,
    sourcePath: `templates/${ruleId}.json`,
    sourceCommit: 'c'.repeat(40),
    sourceDirty: false,
    definitionHash: null,
  };
}

describe('publishRuleVersion', () => {
  it('stores a new version', async () => {
    const published = await publishRuleVersion(testDb.db, template('a'));

    expect(published.status).toBe('created');
    expect(published.version).toMatchObject(template('a'));
    expect(published.version.publishedAt).toBe(published.version.firstPublishedAt);
  });

  it('is idempotent by hash', async () => {
    const first = await publishRuleVersion(testDb.db, template('a'));
    const again = await publishRuleVersion(testDb.db, { ...template('a'), sourceDirty: true });

    expect(again.status).toBe('unchanged');
    expect(again.version).toEqual(first.version);
    expect(await ruleVersionHistory(testDb.db, 'template', 'friendly-reminder')).toHaveLength(1);
  });

  it('makes a reverted version current again', async () => {
    await publishRuleVersion(testDb.db, template('a'));
    await publishRuleVersion(testDb.db, template('b'));
    const reverted = await publishRuleVersion(testDb.db, {
      ...template('a'),
      sourceCommit: 'd'.repeat(40),
    });
    const [current] = await currentRuleVersions(testDb.db);

    expect(reverted.status).toBe('republished');
    expect(current?.hash).toBe('a'.repeat(64));
    expect(current?.sourceCommit).toBe('d'.repeat(40));
    expect(reverted.version.publishedAt > reverted.version.firstPublishedAt).toBe(true);
  });

  it('rejects a hash that is not SHA-256 hex', async () => {
    await expect(
      publishRuleVersion(testDb.db, { ...template('a'), hash: 'not-a-hash' }),
    ).rejects.toThrow("rule version hash 'not-a-hash' is not 64 lower-case hex digits");
  });

  it('rejects a definition hash that is not published', async () => {
    const scenario: RuleVersionInput = {
      ...template('a', 'default'),
      kind: 'scenario',
      definitionHash: 'e'.repeat(64),
    };

    await expect(publishRuleVersion(testDb.db, scenario)).rejects.toThrow(/foreign key/);
  });
});

describe('currentRuleVersions', () => {
  it('returns the latest version of each rule', async () => {
    await publishRuleVersion(testDb.db, template('a'));
    await publishRuleVersion(testDb.db, template('b'));
    await publishRuleVersion(testDb.db, template('c', 'firm-reminder'));
    const current = await currentRuleVersions(testDb.db, 'template');

    expect(current.map((version) => [version.ruleId, version.hash[0]])).toEqual([
      ['firm-reminder', 'c'],
      ['friendly-reminder', 'b'],
    ]);
    expect(await currentRuleVersions(testDb.db, 'scenario')).toEqual([]);
  });
});

describe('ruleVersionHistory', () => {
  it('lists versions newest first', async () => {
    await publishRuleVersion(testDb.db, template('a'));
    await publishRuleVersion(testDb.db, template('b'));
    const history = await ruleVersionHistory(testDb.db, 'template', 'friendly-reminder');

    expect(history.map((version) => version.hash[0])).toEqual(['b', 'a']);
  });
});
