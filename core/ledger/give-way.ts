/**
 * Lets the event loop answer other requests in the middle of a long piece of work (a bank import): their reads
 * run on another connection beside the open write (D-SEC-17), so a host goes on answering (D-SEC-21).
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
