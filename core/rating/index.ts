export { rateUsage, UsageRating, type RateOptions } from './rate';
export { defaultCatalog, catalogJson } from './catalog';
export { parsePlans, type PlanTable } from './plans';
export { CONSUMPTION_TAX_RATES, taxRateFor, applyTax, type DatedTaxRate } from './tax';
export { accountBillJson, billHeadJson, billTailJson, billToJson } from './serialize';
export * from './types';
export { monthHours, simulatedUsage, SIMULATED_ACCOUNT, SIMULATION_MONTH, type SimulatedLine } from './simulation';
