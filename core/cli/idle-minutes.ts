import { InputError } from '../errors';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../host/signed-in';
import { takeOption } from './db-path';

/** D-SEC-18: the minutes a session may go unused, as an administrator sets them: 1 up to the 12-hour limit. */
export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = SESSION_ABSOLUTE_MS / 60_000;
export const IDLE_MINUTES_DEFAULT = SESSION_IDLE_MS / 60_000;

export const IDLE_MINUTES_HELP = `--idle-minutes N  a session unused for N minutes ends (${IDLE_MINUTES_MIN}–${IDLE_MINUTES_MAX}, default ${IDLE_MINUTES_DEFAULT})`;

/**
 * Removes `--idle-minutes N` from args: the whole number of minutes, undefined when absent (the default then);
 * anything else is bad input naming the flag.
 */
export function takeIdleMinutes(args: string[]): number | undefined {
  const text = takeOption(args, 'idle-minutes');
  if (text === undefined) return undefined;
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= IDLE_MINUTES_MIN && minutes <= IDLE_MINUTES_MAX))
    throw InputError.one(
      '--idle-minutes',
      'cli.idle_minutes_invalid',
      `must be a whole number of minutes from ${IDLE_MINUTES_MIN} to ${IDLE_MINUTES_MAX}, not ${JSON.stringify(text)}`,
      { value: text, min: IDLE_MINUTES_MIN, max: IDLE_MINUTES_MAX },
    );
  return minutes;
}
