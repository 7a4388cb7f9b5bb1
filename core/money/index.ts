export { Dec, isDecimalString, parseDecimal, parseNonNegativeDecimal, floorYen, decimalString } from './decimal';
export { Exact } from './exact';
export { formatYen } from './format';
export { readYen, type YenReading, type YenRule } from './yen-input';
