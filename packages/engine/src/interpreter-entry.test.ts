import { describe, expect, it } from 'vitest';
import * as entry from './interpreter-entry';

// Vite's import.meta.glob, typed here because the engine has no Vite or Node types.
declare global {
  interface ImportMeta {
    glob<T>(
      pattern: string,
      options: { query: string; import: string; eager: true },
    ): Record<string, T>;
  }
}

/** The text of every source file beside this test, by path such as `./calendar.ts`. */
const SOURCES = import.meta.glob<string>('./*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Collects every source file that `start` imports, directly or not, with its text. */
function importGraph(start: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [start];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    const text = SOURCES[`./${file}.ts`];
    if (text === undefined) throw new Error(`source file ./${file}.ts not found`);
    files.set(file, text);
    for (const specifier of specifiersOf(text)) {
      if (specifier.startsWith('./')) pending.push(specifier.slice(2));
    }
  }
  return files;
}

function specifiersOf(text: string): string[] {
  return [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('interpreter entry', () => {
  const graph = importGraph('interpreter-entry');

  it('imports no package but the model', () => {
    const packages = new Set(
      [...graph.values()].flatMap(specifiersOf).filter((specifier) => !specifier.startsWith('./')),
    );
    expect([...packages]).toEqual(['@dunflow/model']);
  });

  it('leaves the compiler and the rule evaluators out', () => {
    const names = [...graph.keys()];
    expect(names.filter((name) => /rule|compile|facts|segment/.test(name))).toEqual([]);
  });

  it('reads no clock and no randomness', () => {
    for (const [name, text] of graph) {
      expect(text, name).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|performance\.now/);
    }
  });

  it('exports the interpreter, calendar and view functions', () => {
    const functions = Object.entries(entry)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'CalendarError',
      'InterpreterError',
      'addBusinessDays',
      'addDays',
      'applyDelay',
      'dateOf',
      'daysBetween',
      'describeRun',
      'isBusinessDay',
      'isoWeekday',
      'startOfDay',
      'startRun',
      'stepRun',
    ]);
  });
});
