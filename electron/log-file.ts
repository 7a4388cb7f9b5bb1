import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CallResult } from '../core/api/service';
import type { Clock } from '../core/api/clock';
import { dailyFileName, expiredDailyFiles, type DailyFiles } from '../core/host/daily-files';
import type { CallObserver, RoutedCall } from './ipc-routing';

export type LogLevel = 'info' | 'warn' | 'error';
/** Who wrote the line: the main process, the page (its console errors), the updater, or a routed call. */
export type LogSource = 'main' | 'renderer' | 'updater' | 'call' | 'crash';

/** Days of log files kept (D-APP-3). */
export const LOG_KEEP_DAYS = 30;
const LOG_FILES: DailyFiles = { prefix: 'backoffice', extension: '.log' };
const MAX_MESSAGE = 2000;

/** One file per JST day: `backoffice-2026-11-24.log`. */
export function logFileName(now: Date): string {
  return dailyFileName(LOG_FILES, now);
}

/** The log files older than `keepDays` days before today (JST), by name; other files are never touched. */
export function expiredLogFiles(names: string[], now: Date, keepDays = LOG_KEEP_DAYS): string[] {
  return expiredDailyFiles(LOG_FILES, names, now, keepDays);
}

/**
 * What a log line may say of a value the app did not write itself (an error message, a page's console line):
 * secrets by name (password, token, session, code, key) are masked, long base64 runs (a file's bytes) cut out,
 * one line, at most 2,000 characters. Inputs are never logged at all; this is the net under messages.
 */
export function redact(text: string): string {
  return text
    .replace(
      /("?(?:password|passwd|token|secret|session|code|apiKey|key)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi,
      '$1[redacted]',
    )
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/[A-Za-z0-9+/=_-]{200,}/g, '[data]')
    .replace(/\s*[\r\n]+\s*/g, ' ⏎ ')
    .slice(0, MAX_MESSAGE);
}

export function formatLogLine(now: Date, level: LogLevel, source: LogSource, message: string): string {
  return `${now.toISOString()} ${level.toUpperCase().padEnd(5)} ${source.padEnd(8)} ${redact(message)}\n`;
}

/** A routed call in one line: its name, how it ended and how long it took; never its input or its output. */
export function describeCall(call: RoutedCall, result: CallResult, ms: number): { level: LogLevel; message: string } {
  const verb = call.channel.endsWith(':print') ? 'print' : 'call';
  const took = `${Math.round(ms)} ms`;
  if (result.ok) return { level: 'info', message: `${verb} ${call.operation} ok ${took} (window ${call.senderId})` };
  const fields = result.problems?.length ? ` fields: ${result.problems.map((p) => p.path).join(', ')}` : '';
  const why = result.kind === 'failed' ? `: ${result.message}` : fields;
  return {
    level: result.kind === 'failed' ? 'error' : 'warn',
    message: `${verb} ${call.operation} ${result.kind} ${took} (window ${call.senderId})${why}`,
  };
}

/**
 * The app's log: one file a day in the user data folder's logs/ (D-APP-3), appended line by line so a crash
 * loses nothing already said, files older than LOG_KEEP_DAYS removed when a new day's file starts. Writing a
 * log never stops the app: a failed write is dropped.
 */
export class DailyLog {
  private day: string | null = null;

  constructor(
    readonly dir: string,
    private readonly now: Clock,
    private readonly keepDays = LOG_KEEP_DAYS,
  ) {}

  /** Today's file (it may not exist yet). */
  currentFile(): string {
    return path.join(this.dir, logFileName(this.now()));
  }

  write(level: LogLevel, source: LogSource, message: string): void {
    const now = this.now();
    const name = logFileName(now);
    try {
      if (name !== this.day) this.startDay(name, now);
      appendFileSync(path.join(this.dir, name), formatLogLine(now, level, source, message), { mode: 0o600 });
    } catch {
      // The log is a witness, not a duty.
    }
  }

  info = (source: LogSource, message: string) => this.write('info', source, message);
  warn = (source: LogSource, message: string) => this.write('warn', source, message);
  error = (source: LogSource, message: string) => this.write('error', source, message);

  /** Every routed call, as describeCall words it. */
  observer(): CallObserver {
    return {
      finished: (call, result, ms) => {
        const { level, message } = describeCall(call, result, ms);
        this.write(level, 'call', message);
      },
    };
  }

  private startDay(name: string, now: Date): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (const old of expiredLogFiles(readdirSync(this.dir), now, this.keepDays))
      rmSync(path.join(this.dir, old), { force: true });
    this.day = name;
  }
}

/** An error of any shape as one line: its stack where there is one. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e));
}
