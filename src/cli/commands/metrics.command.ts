import { type Command, Option } from 'commander';
import { currencyDecimals } from '../../domain/imports/currency-codes';
import type { MetricValue } from '../../domain/revenue';
import { breakdownDimensionSchema, metricsRangeQuerySchema, type PeriodSummary } from '../../shared/api/metrics.contract';
import type { Database } from '../../server/db/database';
import { ProblemError } from '../../server/http/problem';
import { getChurnReasons } from '../../server/features/metrics/churn-reasons.service';
import { getCohorts } from '../../server/features/metrics/cohorts.service';
import { getMetricsBreakdown, getMetricsOverview, rebuildMetrics } from '../../server/features/metrics/metrics-overview.service';
import { resolveMetricsRange } from '../../server/features/metrics/metrics-range';
import { getMonthlyMovementsByGroup } from '../../server/features/metrics/movements-by-group.service';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

type Format = 'table' | 'json' | 'csv';

interface MetricsOptions {
  from?: string;
  to?: string;
  by?: string;
  format: Format;
}

/** What a subcommand prints: a JSON value, or rows for a table or CSV. */
type Report = { json: unknown; headers: string[]; rows: string[][]; warnings?: string[] };

/** How each kind of figure is written in a table (for people) and in CSV (for spreadsheets). */
interface CellStyle {
  csv: boolean;
  currency: string;
}

const money = (minor: number, style: CellStyle): string => {
  const decimals = currencyDecimals(style.currency) ?? 2;
  const major = minor / 10 ** decimals;
  return style.csv ? major.toFixed(decimals) : major.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
};
const undefinedText = (metric: MetricValue) => (metric.status === 'infinite' ? 'infinite' : 'not defined');
const rate = (metric: MetricValue, style: CellStyle): string =>
  metric.status !== 'defined' ? undefinedText(metric) : style.csv ? String(metric.value) : `${(metric.value * 100).toFixed(1)}%`;
const ratio = (metric: MetricValue, style: CellStyle): string =>
  metric.status !== 'defined' ? undefinedText(metric) : style.csv ? String(metric.value) : metric.value.toFixed(2);
const moneyMetric = (metric: MetricValue, style: CellStyle): string => (metric.status !== 'defined' ? undefinedText(metric) : money(metric.value, style));

type SummaryFigures = Omit<PeriodSummary, 'crcMinor' | 'csCostMinor'>;
const summaryColumns: Record<string, (summary: SummaryFigures, style: CellStyle) => string> = {
  mrr_start: (summary, style) => money(summary.mrrStartMinor, style),
  mrr_end: (summary, style) => money(summary.mrrEndMinor, style),
  customers_start: (summary) => String(summary.customersStart),
  customers_end: (summary) => String(summary.customersEnd),
  nrr: (summary, style) => rate(summary.nrr, style),
  grr: (summary, style) => rate(summary.grr, style),
  churned_logos: (summary) => String(summary.churnedLogos),
  logo_churn_rate: (summary, style) => rate(summary.logoChurnRate, style),
  gross_mrr_churn_rate: (summary, style) => rate(summary.grossMrrChurnRate, style),
  net_mrr_churn_rate: (summary, style) => rate(summary.netMrrChurnRate, style),
  quick_ratio: (summary, style) => ratio(summary.quickRatio, style),
  arpa: (summary, style) => moneyMetric(summary.arpaMinor, style),
  ltv: (summary, style) => moneyMetric(summary.ltvMinor, style),
};
const columnsOf: Record<'overview' | 'nrr' | 'grr' | 'churn', string[]> = {
  overview: Object.keys(summaryColumns),
  nrr: ['mrr_start', 'mrr_end', 'customers_start', 'nrr'],
  grr: ['mrr_start', 'customers_start', 'grr'],
  churn: ['customers_start', 'churned_logos', 'logo_churn_rate', 'gross_mrr_churn_rate', 'net_mrr_churn_rate'],
};

/** The period's figures as one row ("all") or one row per group of --by. */
async function summaryReport(database: Database, kind: keyof typeof columnsOf, options: MetricsOptions, style: Omit<CellStyle, 'currency'>): Promise<Report> {
  const columns = columnsOf[kind];
  if (options.by) {
    const breakdown = await getMetricsBreakdown(database.db, { from: options.from, to: options.to, by: options.by });
    const cellStyle = { ...style, currency: breakdown.reportingCurrency };
    return {
      json: breakdown,
      headers: ['group', 'accounts', 'currency', ...columns],
      rows: breakdown.groups.map((group) => [group.label, String(group.accounts), breakdown.reportingCurrency, ...columns.map((column) => summaryColumns[column]!(group.summary, cellStyle))]),
    };
  }
  const overview = await getMetricsOverview(database.db, { from: options.from, to: options.to });
  const cellStyle = { ...style, currency: overview.reportingCurrency };
  const extra = kind === 'overview' ? ['crc', 'cs_cost'] : [];
  const { summary } = overview;
  const extraCells = kind === 'overview' ? [moneyMetric(summary.crcMinor, cellStyle), summary.csCostMinor === null ? 'not entered' : money(summary.csCostMinor, cellStyle)] : [];
  return {
    json: kind === 'overview' ? overview : { reportingCurrency: overview.reportingCurrency, from: overview.from, to: overview.to, summary, warnings: overview.warnings },
    headers: ['period', 'currency', ...columns, ...extra],
    rows: [[`${overview.from}…${overview.to}`, overview.reportingCurrency, ...columns.map((column) => summaryColumns[column]!(summary, cellStyle)), ...extraCells]],
    warnings: overview.warnings.map((warning) => warning.message),
  };
}

const movementHeaders = ['month', 'currency', 'mrr', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'customers'];

/** The month-by-month MRR movements (of each group with --by). */
async function movementsReport(database: Database, options: MetricsOptions, style: Omit<CellStyle, 'currency'>): Promise<Report> {
  if (options.by) {
    const result = await getMonthlyMovementsByGroup(database.db, { from: options.from, to: options.to, by: options.by });
    const cellStyle = { ...style, currency: result.reportingCurrency };
    return {
      json: result,
      headers: ['group', ...movementHeaders],
      rows: result.groups.flatMap((group) =>
        group.months.map((month) => [
          group.label,
          month.month,
          result.reportingCurrency,
          ...[month.closingMrrMinor, month.newMrrMinor, month.expansionMrrMinor, month.reactivationMrrMinor, month.contractionMrrMinor, month.churnMrrMinor].map((minor) => money(minor, cellStyle)),
          String(month.closingCustomers),
        ]),
      ),
    };
  }
  const overview = await getMetricsOverview(database.db, { from: options.from, to: options.to });
  const cellStyle = { ...style, currency: overview.reportingCurrency };
  return {
    json: { reportingCurrency: overview.reportingCurrency, from: overview.from, to: overview.to, months: overview.months, warnings: overview.warnings },
    headers: movementHeaders,
    rows: overview.months.map((month) => [
      month.month,
      overview.reportingCurrency,
      ...[month.mrrMinor, month.newMinor, month.expansionMinor, month.reactivationMinor, month.contractionMinor, month.churnMinor].map((minor) => money(minor, cellStyle)),
      String(month.customers),
    ]),
    warnings: overview.warnings.map((warning) => warning.message),
  };
}

/** Cohort retention: a heatmap of logo retention in a table, one row per cohort and month in CSV. */
async function cohortsReport(database: Database, options: MetricsOptions, style: Omit<CellStyle, 'currency'>): Promise<Report> {
  const result = await getCohorts(database.db, { from: options.from, to: options.to });
  const cellStyle = { ...style, currency: result.reportingCurrency };
  if (style.csv) {
    return {
      json: result,
      headers: ['cohort', 'month_offset', 'month', 'currency', 'retained_customers', 'logo_retention', 'mrr', 'revenue_retention'],
      rows: result.cohorts.flatMap((cohort) =>
        cohort.cells.map((cell) => [
          cohort.cohortMonth,
          String(cell.monthOffset),
          cell.month,
          result.reportingCurrency,
          String(cell.retainedCustomers),
          rate(cell.logoRetention, cellStyle),
          money(cell.mrrMinor, cellStyle),
          rate(cell.revenueRetention, cellStyle),
        ]),
      ),
    };
  }
  const width = Math.max(0, ...result.cohorts.map((cohort) => cohort.cells.length));
  return {
    json: result,
    headers: ['cohort', 'customers', `mrr (${result.reportingCurrency})`, ...Array.from({ length: width }, (_, offset) => `+${offset}`)],
    rows: result.cohorts.map((cohort) => [
      cohort.cohortMonth,
      String(cohort.startingCustomers),
      money(cohort.startingMrrMinor, cellStyle),
      ...cohort.cells.map((cell) => rate(cell.logoRetention, cellStyle)),
    ]),
  };
}

/** Churned MRR by churn reason, largest first. */
async function reasonsReport(database: Database, options: MetricsOptions, style: Omit<CellStyle, 'currency'>): Promise<Report> {
  const result = await getChurnReasons(database.db, { from: options.from, to: options.to });
  const cellStyle = { ...style, currency: result.reportingCurrency };
  return {
    json: result,
    headers: ['reason', 'currency', 'churned_mrr', 'accounts', 'share'],
    rows: result.reasons.map((reason) => [reason.reasonCode, result.reportingCurrency, money(reason.churnedMrrMinor, cellStyle), String(reason.accounts), rate(reason.share, cellStyle)]),
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function print(report: Report, format: Format): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
    return;
  }
  if (format === 'csv') {
    for (const row of [report.headers, ...report.rows]) process.stdout.write(`${row.map(csvCell).join(',')}\n`);
  } else if (report.rows.length === 1) {
    // One row (the period's figures) reads better as a list of figure and value.
    printTable(['figure', 'value'], report.headers.map((header, column) => [header, report.rows[0]?.[column] ?? '']));
  } else {
    printTable(report.headers, report.rows);
  }
  for (const warning of report.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
}

/** Checks --from, --to, --by and --format with the API's own schemas, naming the option that is wrong. */
function validateOptions(options: MetricsOptions): void {
  const range = metricsRangeQuerySchema.safeParse({ from: options.from, to: options.to });
  if (!range.success) throw new CliError(range.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  if (options.by !== undefined) {
    const by = breakdownDimensionSchema.safeParse(options.by);
    if (!by.success) throw new CliError(`--by: ${by.error.issues[0]?.message ?? 'unknown dimension'}`);
  }
  try {
    resolveMetricsRange(options, new Date(), { from: '--from', to: '--to' });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new CliError(error.errors.map((item) => `${item.field}: ${item.message}`).join('\n'));
  }
}

const reports = {
  overview: { description: 'The period summary: MRR, NRR, GRR, churn, quick ratio, ARPA, LTV, CRC (per group with --by).', by: true },
  nrr: { description: 'Net revenue retention over the period (per group with --by).', by: true },
  grr: { description: 'Gross revenue retention over the period (per group with --by).', by: true },
  churn: { description: 'Logo churn rate and gross and net MRR churn rates (per group with --by).', by: true },
  movements: { description: 'Month by month: MRR, new, expansion, reactivation, contraction, churn, customers.', by: true },
  cohorts: { description: 'Retention of the cohorts whose first paying month is in the period, through this month.', by: false },
  reasons: { description: 'Churned MRR by churn reason ("unknown" when no churn event explains it).', by: false },
} as const;

/** Registers `cycle metrics [overview|nrr|grr|churn|movements|cohorts|reasons|rebuild]`. */
export function registerMetricsCommand(program: Command): void {
  const metrics = program
    .command('metrics')
    .description('Revenue and retention metrics (definitions: docs/metrics.md). Money in major units of the reporting currency.');

  for (const [name, report] of Object.entries(reports) as [keyof typeof reports, (typeof reports)[keyof typeof reports]][]) {
    const command = metrics
      .command(name, { isDefault: name === 'overview' })
      .description(report.description)
      .option('--from <YYYY-MM>', 'first month of the period (default: 12 months before --to)')
      .option('--to <YYYY-MM>', 'last month of the period, included (default: the last full month)')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'));
    if (report.by) command.option('--by <dimension>', 'tier, segment, owner, industry, region, status, stage, plan or trait:<key>');
    command.action(async (options: MetricsOptions) => {
      validateOptions(options);
      const style = { csv: options.format === 'csv' };
      const result = await withDatabase(async (database) => {
        if (name === 'movements') return movementsReport(database, options, style);
        if (name === 'cohorts') return cohortsReport(database, options, style);
        if (name === 'reasons') return reasonsReport(database, options, style);
        return summaryReport(database, name, options, style);
      });
      print(result, options.format);
    });
  }

  metrics
    .command('rebuild')
    .description('Recompute the monthly MRR facts and totals of every account from the subscriptions.')
    .action(async () => {
      const result = await withDatabase((database) => rebuildMetrics(database.db));
      process.stdout.write(`Rebuilt the MRR facts through ${result.throughMonth}: ${result.rows.toLocaleString('en-US')} rows in ${result.seconds.toFixed(2)} s.\n`);
    });
}
