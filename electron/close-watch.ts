import type { CallResult } from '../core/api/service';
import type { CallObserver, RoutedCall } from './ipc-routing';

export const CLOSE_OPERATION = 'billing.closeMonth';
/** A stepped close whose window has made no step for this long is taken as abandoned. */
export const CLOSE_IDLE_MS = 120_000;

/**
 * Whether a month close is running, as the main process sees it from the calls it carries (D-APP-2): a
 * billing.closeMonth call in flight, or a close in steps (an answer with `finished: false`) whose window will
 * call again. A window that goes away, a failed step or a finished close ends it.
 */
export class CloseWatch implements CallObserver {
  private inFlight = 0;
  /** Windows in the middle of a stepped close, with when they last stepped. */
  private readonly stepping = new Map<number, number>();

  constructor(
    private readonly nowMs: () => number,
    private readonly idleMs = CLOSE_IDLE_MS,
  ) {}

  started(call: RoutedCall): void {
    if (call.operation !== CLOSE_OPERATION) return;
    this.inFlight++;
    this.stepping.set(call.senderId, this.nowMs());
  }

  finished(call: RoutedCall, result: CallResult): void {
    if (call.operation !== CLOSE_OPERATION) return;
    this.inFlight = Math.max(0, this.inFlight - 1);
    const more = result.ok && (result.output as { finished?: unknown } | null)?.finished === false;
    if (more) this.stepping.set(call.senderId, this.nowMs());
    else this.stepping.delete(call.senderId);
  }

  /** The window is gone (closed, reloaded): its close, if any, is no longer going on from here. */
  forget(senderId: number): void {
    this.stepping.delete(senderId);
  }

  isClosing(): boolean {
    if (this.inFlight > 0) return true;
    const now = this.nowMs();
    for (const [sender, at] of this.stepping) if (now - at > this.idleMs) this.stepping.delete(sender);
    return this.stepping.size > 0;
  }
}
