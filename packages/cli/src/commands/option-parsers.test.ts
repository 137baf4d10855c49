import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  parseCountOption,
  parseDateOption,
  parseMonthOption,
  parseOnErrorOption,
} from './option-parsers';

describe('parseDateOption', () => {
  it('accepts a calendar date', () => {
    expect(parseDateOption('2013-06-30')).toBe('2013-06-30');
    expect(parseDateOption('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2013-02-30', '2013-6-30', '30/06/2013', '2023-02-29', ''])('rejects %j', (value) => {
    expect(() => parseDateOption(value)).toThrow(InvalidArgumentError);
  });
});

describe('parseMonthOption', () => {
  it('accepts YYYY-MM', () => {
    expect(parseMonthOption('2013-12')).toBe('2013-12');
  });

  it.each(['2013-13', '2013-00', '2013-6', '2013-06-01'])('rejects %j', (value) => {
    expect(() => parseMonthOption(value)).toThrow('Expected a month as YYYY-MM');
  });
});

describe('parseCountOption', () => {
  it('accepts whole numbers from 0', () => {
    expect(parseCountOption('0')).toBe(0);
    expect(parseCountOption('25')).toBe(25);
  });

  it.each(['-1', '1.5', 'ten', ''])('rejects %j', (value) => {
    expect(() => parseCountOption(value)).toThrow('Expected a whole number of at least 0');
  });
});

describe('parseOnErrorOption', () => {
  it('maps the command-line names to the importer modes', () => {
    expect(parseOnErrorOption('skip-rows')).toBe('skipRows');
    expect(parseOnErrorOption('reject-file')).toBe('rejectFile');
  });

  it('rejects the importer spelling', () => {
    expect(() => parseOnErrorOption('skipRows')).toThrow("Expected 'skip-rows' or 'reject-file'");
  });
});
