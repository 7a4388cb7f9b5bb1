/** Defensive readers for catalog outputs: a field the catalog drops shows as empty instead of breaking a screen. */
export type Loose = Record<string, unknown>;

export function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(v: Loose, key: string): string {
  const value = v[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function num(v: Loose, key: string): number | null {
  const value = v[key];
  return typeof value === 'number' ? value : null;
}

export function list(output: unknown, key?: string): Loose[] {
  const found = Array.isArray(output) ? output : key && isObject(output) ? output[key] : undefined;
  return Array.isArray(found) ? found.filter(isObject) : [];
}

export function obj(output: unknown, key?: string): Loose {
  const found = key && isObject(output) ? output[key] : output;
  return isObject(found) ? found : {};
}
