import { rates, timeRatio, type Measurement } from './measurement';

const HEADERS = ['measurement', 'input', 'runs', 'median', 'min', 'max', 'baseline', 'time ratio'];

/**
 * Formats measurements as a Markdown table padded the way Prettier pads one, so the results
 * page passes `prettier --check` as written. Rates show the slowest run as `min`.
 */
export function resultsTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map((measurement) => tableRow(measurement, measurements));
  const widths = HEADERS.map((header, column) =>
    Math.max(3, header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

function tableRow(measurement: Measurement, all: readonly Measurement[]): string[] {
  const perSecond = rates(measurement);
  const values =
    perSecond === undefined
      ? [measurement.ms.median, measurement.ms.min, measurement.ms.max].map(formatSeconds)
      : [perSecond.median, perSecond.min, perSecond.max].map((rate) =>
          formatRate(rate, measurement.display.kind === 'rate' ? measurement.display.unit : ''),
        );
  const ratio = timeRatio(measurement, all);
  return [
    measurement.name,
    measurement.input,
    String(measurement.ms.runs),
    ...values,
    measurement.baseline ?? '',
    ratio === undefined ? '' : ratio.toFixed(2),
  ];
}

/** Formats a rate with three significant digits and thousands separators, e.g. `12,300 rows/s`. */
export function formatRate(rate: number, unit: string): string {
  const rounded = Number(rate.toPrecision(3));
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
