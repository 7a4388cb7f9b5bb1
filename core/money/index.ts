export { Dec, isDecimalString, parseDecimal, parseNonNegativeDecimal, floorYen, decimalString } from './decimal';
export { Exact } from './exact';
export { formatYen } from './format';
