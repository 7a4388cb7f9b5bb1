export * from './jst';
export * from './month';
