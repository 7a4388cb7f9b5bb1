export interface CliPaths {
  dir: string;
  main: string;
  worker: string;
  matchWorker: string;
  help: string;
  inputs: string;
}
export function cliPaths(root: string): CliPaths;
export function fingerprint(file: string): string;
export function cliIsUpToDate(root: string): boolean;
