export * from './status';
export * from './facts';
export * from './debts';
export * from './advance';
