import type { CompiledDefinition } from '@dunflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import {
  currentDefinition,
  getDefinition,
  listVersions,
  publishDefinition,
} from './scenario-versions';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

function definition(hashDigit: string, name = 'Default reminders'): CompiledDefinition {
  return {
    formatVersion: 1,
    scenarioId: 'default',
    name,
    hash: hashDigit.repeat(64),
    settings: { businessDays: [1, 2, 3, 4, 5], holidays: { FR: ['2026-05-01'] } },
    triggerNodeId: 'start',
    nodes: {
      start: {
        type: 'trigger',
        id: 'start',
        trigger: { entry: 'overdue', days: 0 },
        next: 'done',
      },
      done: { type: 'end', id: 'done', outcome: 'completed' },
    },
    templates: {},
    ruleSets: {},
    facts: [],
  };
}

describe('publishDefinition', () => {
  it('publishes a definition once per hash', async () => {
    const first = await publishDefinition(testDb.db, definition('a'), 'abc123');
    const again = await publishDefinition(testDb.db, definition('a'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ version: first.version, created: false });
    expect(first.version).toMatchObject({
      hash: 'a'.repeat(64),
      scenarioId: 'default',
      sourceCommit: 'abc123',
    });
  });

  it('rejects an invalid definition', async () => {
    const invalid = { ...definition('a'), hash: 'not-a-hash' };
    await expect(publishDefinition(testDb.db, invalid)).rejects.toThrow();
  });
});

describe('currentDefinition', () => {
  it('returns the latest published version', async () => {
    await publishDefinition(testDb.db, definition('a', 'First'));
    await publishDefinition(testDb.db, definition('b', 'Second'));
    expect((await currentDefinition(testDb.db, 'default'))?.name).toBe('Second');
  });

  it('returns an earlier version published again', async () => {
    await publishDefinition(testDb.db, definition('a', 'First'));
    await publishDefinition(testDb.db, definition('b', 'Second'));
    const reverted = await publishDefinition(testDb.db, definition('a', 'First'));
    expect(reverted.created).toBe(false);
    expect((await currentDefinition(testDb.db, 'default'))?.name).toBe('First');
  });

  it('returns undefined for an unpublished scenario', async () => {
    expect(await currentDefinition(testDb.db, 'nothing')).toBeUndefined();
  });
});

describe('getDefinition', () => {
  it('returns the stored definition unchanged', async () => {
    await publishDefinition(testDb.db, definition('c'));
    expect(await getDefinition(testDb.db, 'c'.repeat(64))).toEqual(definition('c'));
    expect(await getDefinition(testDb.db, 'd'.repeat(64))).toBeUndefined();
  });
});

describe('listVersions', () => {
  it('lists versions newest first', async () => {
    await publishDefinition(testDb.db, definition('a'));
    await publishDefinition(testDb.db, definition('b'));
    await publishDefinition(testDb.db, { ...definition('e'), scenarioId: 'other' });
    const hashes = (await listVersions(testDb.db, 'default')).map((version) => version.hash[0]);
    expect(hashes).toEqual(['b', 'a']);
    expect(await listVersions(testDb.db)).toHaveLength(3);
  });
});
