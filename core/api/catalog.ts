import type { AnyOperation, OperationApp } from './operation';

/**
 * One handler map built from every domain's app. A name defined twice is a programming error, refused at
 * startup (as Actual's loot-core `App.method` does), so no operation can silently replace another.
 */
export function buildCatalog(apps: readonly OperationApp[]): Map<string, AnyOperation> {
  const catalog = new Map<string, AnyOperation>();
  for (const app of apps) {
    for (const op of app.operations) {
      if (!op.name.startsWith(`${app.domain}.`))
        throw new Error(`operation ${op.name} is not in its app's domain ${app.domain}`);
      if (catalog.has(op.name)) throw new Error(`operation ${op.name} is defined twice; names must be unique`);
      catalog.set(op.name, op);
    }
  }
  return catalog;
}
