import { Dec, formatYen } from '../money';
import { groupedNumber, rateLabel, yenWithFraction } from './format';
import type { InputReader } from './input';
import type { TableRow, TotalRow } from './layout';
import type { LineItemInput, MoneyInput, TaxSummaryInput } from './types';

export interface PricedItems {
  rows: TableRow[];
  totals: TotalRow[];
  total: Dec;
}

function rateKey(rate: Dec | null): string {
  return rate === null ? 'none' : rate.toFixed();
}

/**
 * Reads the priced lines of an estimate or a prepaid statement and the tax computed for them by the module
 * that owns the amounts. The document only checks that the figures add up (lines per rate = taxable total,
 * taxable + tax = total); it never recomputes the tax.
 */
export function readPricedItems(
  r: InputReader,
  items: LineItemInput[] | undefined,
  taxes: TaxSummaryInput[] | undefined,
  totalInput: MoneyInput | undefined,
): PricedItems {
  const lineSums = new Map<string, Dec>();
  const read = (Array.isArray(items) ? items : []).flatMap((item, i) => {
    const path = `items[${i}]`;
    if (!item || typeof item !== 'object') {
      r.add(path, 'value.not_object', 'not a line item');
      return [];
    }
    const rate = item.taxRate === null ? null : r.rate(item.taxRate, `${path}.taxRate`);
    const amount = r.yen(item.amount, `${path}.amount`);
    const key = rateKey(rate);
    lineSums.set(key, (lineSums.get(key) ?? new Dec(0)).plus(amount));
    const name = r.text(item.name, `${path}.name`);
    const quantity = r.decimal(item.quantity, `${path}.quantity`);
    const unitPrice = r.decimal(item.unitPrice, `${path}.unitPrice`);
    return [{ name, quantity, unit: item.unit, unitPrice, amount, rate }];
  });
  if (read.length === 0) r.add('items', 'value.required', 'at least one line item is required');

  let subtotal = new Dec(0);
  let grand = new Dec(0);
  const taxRows: TotalRow[] = [];
  const seen = new Set<string>();
  (Array.isArray(taxes) ? taxes : []).forEach((t, i) => {
    const path = `taxes[${i}]`;
    const rate = t.rate === null ? null : r.rate(t.rate, `${path}.rate`);
    const taxable = r.yen(t.taxable, `${path}.taxable`);
    const tax = r.yen(t.tax, `${path}.tax`);
    const key = rateKey(rate);
    if (seen.has(key)) r.add(`${path}.rate`, 'value.duplicate', 'this rate appears twice', { value: key });
    seen.add(key);
    const lines = lineSums.get(key) ?? new Dec(0);
    if (!lines.equals(taxable)) {
      r.add(
        `${path}.taxable`,
        'amount.sum_mismatch',
        `${formatYen(taxable)} but the ${rateLabel(rate)} lines sum to ${formatYen(lines)}`,
        { amount: formatYen(taxable), sum: formatYen(lines) },
      );
    }
    if (rate === null && !tax.isZero()) r.add(`${path}.tax`, 'amount.tax_outside_tax', 'must be 0 outside the tax');
    subtotal = subtotal.plus(taxable);
    grand = grand.plus(taxable).plus(tax);
    taxRows.push(
      rate === null
        ? { label: '対象外', value: formatYen(taxable) }
        : { label: `${rateLabel(rate)}対象 ${formatYen(taxable)}`, value: `消費税 ${formatYen(tax)}` },
    );
  });
  for (const key of lineSums.keys()) {
    if (!seen.has(key))
      r.add(
        'taxes',
        'documents.no_tax_summary',
        `no tax summary for the lines at ${key === 'none' ? '対象外' : `rate ${key}`}`,
        { rate: key },
      );
  }
  const total = r.yen(totalInput, 'total');
  if (!total.equals(grand))
    r.add('total', 'amount.sum_mismatch', `${formatYen(total)} but taxable totals and tax sum to ${formatYen(grand)}`, {
      amount: formatYen(total),
      sum: formatYen(grand),
    });

  // With one tax category the rate per line is implied; with several, each line says its own.
  const mixed = lineSums.size > 1;
  const rows: TableRow[] = read.map((item) => ({
    kind: 'item',
    name: mixed ? `${item.name}［${rateLabel(item.rate)}］` : item.name,
    quantity: `${groupedNumber(item.quantity)}${item.unit ? ` ${item.unit}` : ''}`,
    unitPrice: yenWithFraction(item.unitPrice),
    amount: formatYen(item.amount),
  }));
  const totals: TotalRow[] = [
    { label: '小計（税抜）', value: formatYen(subtotal) },
    ...taxRows,
    { label: '合計（税込）', value: formatYen(total), strong: true },
  ];
  return { rows, totals, total };
}
