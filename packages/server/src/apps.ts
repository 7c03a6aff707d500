/**
 * The apps the gateway knows (docs/LANGUAGE.md §10): from an apps file (a JSON array of `{ appKey, appSecret,
 * orgIds }`), from the caller, or the development app that the server creates when given none.
 */
import { readFileSync } from 'node:fs';

/** An application allowed to call the server, and the organisations whose records it may read. */
export interface AppConfig {
  readonly appKey: string;
  readonly appSecret: string;
  readonly orgIds: readonly string[];
}

/** A mistake in the apps configuration: shown as it is, and the process exits with code 2. */
export class AppsConfigError extends Error {
  override readonly name = 'AppsConfigError';
}

/** Reads and checks an apps file. */
export function readAppsFile(file: string): AppConfig[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppsConfigError(`cannot read the apps file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppsConfigError(`the apps file ${file} is not JSON: ${(error as Error).message}`);
  }
  return checkApps(parsed, `the apps file ${file}`);
}

/** Checks apps given as data; every problem names the entry. */
export function checkApps(apps: unknown, where = 'apps'): AppConfig[] {
  if (!Array.isArray(apps)) throw new AppsConfigError(`${where} must be a JSON array of { appKey, appSecret, orgIds }`);
  if (apps.length === 0) throw new AppsConfigError(`${where} lists no app`);
  const seen = new Set<string>();
  return apps.map((app: unknown, index) => {
    const at = `${where}, entry ${index}`;
    if (typeof app !== 'object' || app === null || Array.isArray(app))
      throw new AppsConfigError(`${at}: not an object`);
    const { appKey, appSecret, orgIds } = app as Record<string, unknown>;
    if (typeof appKey !== 'string' || appKey.length === 0) throw new AppsConfigError(`${at}: appKey must be a string`);
    if (typeof appSecret !== 'string' || appSecret.length < 8) {
      throw new AppsConfigError(`${at}: appSecret must be a string of at least 8 characters`);
    }
    if (!Array.isArray(orgIds) || !orgIds.every((org) => typeof org === 'string' && org.length > 0)) {
      throw new AppsConfigError(`${at}: orgIds must be an array of organisation ids`);
    }
    if (seen.has(appKey)) throw new AppsConfigError(`${at}: appKey ${appKey} is listed twice`);
    seen.add(appKey);
    return { appKey, appSecret, orgIds: [...(orgIds as string[])] };
  });
}

/** Host names that reach this machine only: where a server with the development app may listen. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
