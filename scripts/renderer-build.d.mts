export function rendererDist(root: string): string;
export function rendererIsUpToDate(root: string): boolean;
export function buildRendererIfStale(root: string, log?: (line: string) => void): boolean;
