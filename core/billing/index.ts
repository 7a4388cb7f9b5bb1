export * from './payment-method';
export * from './dates';
export * from './card';
