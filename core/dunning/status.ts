/** The account status for non-payment, in order of severity (R-DUN-1..7). */
export const ACCOUNT_STATUSES = ['active', 'restricted', 'suspend', 'terminated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function severity(status: AccountStatus): number {
  return ACCOUNT_STATUSES.indexOf(status);
}

export function statusOfSeverity(level: number): AccountStatus {
  const status = ACCOUNT_STATUSES[level];
  if (status === undefined) throw new RangeError(`no account status of severity ${level}`);
  return status;
}

/** What the cloud platform must do; this product only writes them to an outbox. */
export type PlatformCommandName = 'restrict' | 'stop_all_vms' | 'delete_all_vms' | 'disable_login' | 'lift';

/**
 * R-DUN-1..3 (and R-DUN-6 "actions as in R-DUN-1..3"): Restricted forbids paid operations and operations on
 * existing VMs; Suspend stops every running VM; Terminated deletes every VM and disables the console login.
 * Back to Active lifts the restriction.
 */
export function commandsForEntering(status: AccountStatus): PlatformCommandName[] {
  switch (status) {
    case 'restricted':
      return ['restrict'];
    case 'suspend':
      return ['stop_all_vms'];
    case 'terminated':
      return ['delete_all_vms', 'disable_login'];
    case 'active':
      return ['lift'];
  }
}

/**
 * R-DUN-9: deleting a customer's VMs cannot be undone, so it waits in the outbox for a supervisor's release;
 * every other command is sent as soon as it is written.
 */
export function waitsForRelease(command: PlatformCommandName): boolean {
  return command === 'delete_all_vms';
}
