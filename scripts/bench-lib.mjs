// @ts-check
/**
 * The pure parts of the benchmark (scripts/bench.mjs): timing summaries, the shape of bench/results.json, the
 * goals of issue 5 and the printed table. Types for TypeScript callers: scripts/script-modules.d.ts.
 */

/**
 * @typedef {{ unit: 'ms' | 's' | 'ratio', p50?: number, p95?: number, median?: number, min?: number, max?: number,
 *   baseline?: number, ratio?: number, small?: number }} MetricResult
 * @typedef {{ metrics: Record<string, MetricResult>, size: Record<string, number | string>,
 *   machine: Record<string, number | string> }} BenchResults
 */

/**
 * The nearest-rank percentile (p in 0..100) of the samples; NaN for none.
 * @param {readonly number[]} samples @param {number} p
 */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return /** @type {number} */ (sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}

/**
 * The median: the mean of the two middle samples for an even count.
 * @param {readonly number[]} samples
 */
export function median(samples) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[mid])
    : /** @type {number} */ (sorted[mid - 1] + /** @type {number} */ (sorted[mid])) / 2;
}

/** @param {readonly number[]} samples */
export function summarize(samples) {
  return {
    min: samples.length ? Math.min(...samples) : Number.NaN,
    median: median(samples),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    count: samples.length,
  };
}

/**
 * Per-operation times from batch totals (the page clock rounds to 0.1 ms, so sub-millisecond operations are
 * timed a batch at a time and divided): one sample per batch.
 * @param {readonly number[]} batchTotals @param {number} batchSize
 */
export function perOperation(batchTotals, batchSize) {
  return batchTotals.map((total) => total / batchSize);
}

/**
 * Rounds for the table and results.json: 3 significant figures, at most 3 decimals.
 * @param {number} value
 */
export function round(value) {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return Number(value.toFixed(digits));
}

export const NUMERIC_FIELDS = /** @type {const} */ ([
  'p50',
  'p95',
  'median',
  'min',
  'max',
  'baseline',
  'ratio',
  'small',
]);

/**
 * The goals of issue 5: a figure of a metric and the limit it must stay at or under.
 * @type {Readonly<Record<string, ReadonlyArray<{ field: typeof NUMERIC_FIELDS[number]; max: number }>>>}
 */
export const GOALS = {
  checkin: [
    { field: 'p95', max: 50 },
    { field: 'ratio', max: 2 },
  ],
  checkinStorage: [{ field: 'ratio', max: 2 }],
  lookupById: [{ field: 'ratio', max: 1.5 }],
  search: [{ field: 'p95', max: 30 }],
  import10k: [
    { field: 'median', max: 5 },
    { field: 'ratio', max: 2 },
  ],
  certificates500: [{ field: 'ratio', max: 1.3 }],
  coldStart: [{ field: 'ratio', max: 1.3 }],
  report: [{ field: 'median', max: 1000 }],
  // issue 8: coverage
  coverage: [{ field: 'median', max: 1000 }],
  reminders: [{ field: 'median', max: 1000 }],
};

/**
 * The figure that growth compares: p95 where there is one, else the median.
 * @param {MetricResult} metric
 */
export function headlineField(metric) {
  return metric.p95 !== undefined && Number.isFinite(metric.p95) ? 'p95' : 'median';
}

/**
 * Drops empty fields and rounds the rest, so that results.json holds exactly the documented keys.
 * @param {MetricResult} metric
 * @returns {MetricResult}
 */
export function cleanMetric(metric) {
  /** @type {MetricResult} */
  const out = { unit: metric.unit };
  for (const field of NUMERIC_FIELDS) {
    const value = metric[field];
    if (value !== undefined && Number.isFinite(value)) out[field] = round(value);
  }
  return out;
}

/**
 * The full-size metrics with the tenth-size headline figure of each as `small`, cleaned.
 * @param {Record<string, MetricResult>} full
 * @param {Record<string, MetricResult> | undefined} tenth
 */
export function withGrowth(full, tenth) {
  /** @type {Record<string, MetricResult>} */
  const metrics = {};
  for (const [name, metric] of Object.entries(full)) {
    const small = tenth?.[name];
    metrics[name] = cleanMetric(small ? { ...metric, small: small[headlineField(metric)] } : metric);
  }
  return metrics;
}

/**
 * Whether the goals of a metric are met: 'yes', 'NO', '?' (a figure missing) or '' (no goal).
 * @param {string} name @param {MetricResult} metric
 */
export function goalVerdict(name, metric) {
  const goals = GOALS[name] ?? [];
  if (goals.length === 0) return '';
  const verdicts = goals.map(({ field, max }) => {
    const value = metric[field];
    return value === undefined ? '?' : value <= max ? 'yes' : 'NO';
  });
  return verdicts.every((v) => v === 'yes') ? 'yes' : verdicts.includes('NO') ? 'NO' : '?';
}

/** @param {string} name */
export function goalText(name) {
  return (GOALS[name] ?? []).map(({ field, max }) => `${field} ≤ ${max}`).join(', ');
}

/**
 * The results as a Markdown table (printed by the run and pasted into the README).
 * @param {BenchResults} results
 */
export function formatTable(results) {
  const header = [
    'metric',
    'unit',
    'p50',
    'p95',
    'median',
    'min',
    'max',
    'baseline',
    'ratio',
    'tenth size',
    'goal',
    'met',
  ];
  /** @param {number | undefined} v */
  const cell = (v) => (v === undefined ? '' : String(v));
  const rows = Object.entries(results.metrics).map(([name, m]) => [
    name,
    m.unit,
    cell(m.p50),
    cell(m.p95),
    cell(m.median),
    cell(m.min),
    cell(m.max),
    cell(m.baseline),
    cell(m.ratio),
    cell(m.small),
    goalText(name),
    goalVerdict(name, m),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => /** @type {string} */ (r[i]).length)),
  );
  /** @param {string[]} cells */
  const line = (cells) =>
    `| ${cells.map((c, i) => c.padEnd(/** @type {number} */ (widths[i]))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
