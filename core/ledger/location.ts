/**
 * Where a ledger is: an SQLite file path, or a postgres:// (postgresql://) URL naming a PostgreSQL database.
 * Light on purpose (no driver loaded): the CLI reads locations before it knows whether it opens one.
 */

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The location with any password replaced by ***, for messages and logs. */
export function displayLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(a URL that does not parse)';
  }
}
