// Types of scripts/code-server.mjs for the TypeScript runners and tests.
import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const CODE_SERVER_MINIMUM_VERSION: string;
export function selectedCodeServerVersion(): string;
export function setupFlag(version?: string): string;
export function cacheRoot(): string;
export function codeServerDir(version?: string): string;
export function codeServerMarker(version?: string): string;
export function codeServerEntry(version?: string): string;
export function isCodeServerInstalled(version?: string): boolean;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function freePort(): Promise<number>;
export function installVsix(vsix: string, extensionsDir: string): string;
export function killGroup(child: ChildProcess | undefined, graceMs?: number): Promise<void>;

export interface CodeServer {
  port: number;
  /** `http://localhost:PORT/` */
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startCodeServer(options: {
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  port?: number;
  env?: Record<string, string>;
  onOutput?: (text: string) => void;
  timeoutMs?: number;
}): Promise<CodeServer>;

export function workbenchUrl(port: number, folder: string, args?: [string, string][]): string;
