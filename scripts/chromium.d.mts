import type { ChildProcess } from 'node:child_process';
export declare function chromiumPath(): string | null;
export declare function chromiumArgs(options: { extensionPath: string | null; hostMap?: Record<string, number>; headless?: boolean; userDataDir: string }): string[];
export declare function spawnChromium(options: {
  extensionPath: string | null;
  hostMap?: Record<string, number>;
  headless?: boolean;
  extraArgs?: string[];
}): Promise<{ wsEndpoint: string; process: ChildProcess; close(): Promise<void> }>;
