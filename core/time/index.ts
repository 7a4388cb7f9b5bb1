export * from './jst';
export * from './month';
export * from './holidays';
export * from './business-days';
export * from './input-year';
