import { catalogJson } from '../../rating';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

const COLUMNS = ['id', 'service', 'meter', 'charge', 'unitPrice', 'monthlyCap', 'monthlyPrice', 'name'] as const;

/** The catalog as aligned text columns, one plan a row. */
export function planTable(plans: ReadonlyArray<Record<string, unknown>>): string {
  const rows = [
    COLUMNS.map((c) => c as string),
    ...plans.map((p) => COLUMNS.map((c) => (p[c] === undefined ? '' : String(p[c])))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export const plansCommand: CliCommand = {
  name: 'plans',
  summary: 'print the default price catalog (JSON, or a table with --table)',
  usage: 'Usage: backoffice plans [--table]\n\nPrints the default price catalog used when a usage file has no "plans".',
  async run(args, io) {
    if (args.some((a) => a !== '--table')) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const catalog = catalogJson as { plans: Array<Record<string, unknown>> };
    io.out(args.includes('--table') ? planTable(catalog.plans) : `${JSON.stringify(catalog, null, 2)}\n`);
    return EXIT_OK;
  },
};
