import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../main/app/core';
import { envSecretStore } from '../main/app/secret-scope';
import { secretAccount, type ImplicitWorkspace } from '../main/services/workspace-client';
import { createFileLogger } from '../main/logger';
import { cachePath, defaultDataDir, logDir } from '../main/paths';
import { latestBackup } from '../main/db/backup';
import { isAppError } from '../main/errors';
import { createKeytarStore } from '../main/secrets/keytar-store';
import { createMemoryStore } from '../main/secrets/memory-store';
import { cliConfirmer } from './confirm';
import { readEnvConfig, type EnvConfig } from './env-config';
import type { CliIo } from './io';

export interface CliCore {
  core: Core;
  /** The implicit environment-variable workspace is in use. */
  envMode: boolean;
  dataDir: string;
}

/** The data directory: --data-dir, else KYC_DESK_DATA_DIR, else the app's (paths.ts). */
export function dataDirOf(io: CliIo, flag: string | undefined): string {
  if (flag !== undefined && flag.trim() !== '') return resolve(io.cwd, flag);
  const env = io.env.KYC_DESK_DATA_DIR?.trim();
  if (env) return resolve(io.cwd, env);
  return defaultDataDir({ env: io.env });
}

/**
 * A short, stable name for one environment configuration: its own cache and keychain scope. Only
 * what identifies the Ondato account counts — environment, client id and the (normalised) endpoints;
 * not the secret or the setup id — so every run with the same account reuses one cache and one
 * keychain entry; `kyc-desk cache list|discard` shows and removes them.
 */
export function envWorkspaceId(config: EnvConfig): string {
  const e = config.endpoints;
  const text = [
    config.environment,
    config.credentials.clientId,
    e.authUrl,
    e.idvApiUrl,
    e.kycApiUrl,
    e.customerWebUrl,
  ].join('\n');
  return `env-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** The app's version (package.json), printed in every evidence pack the CLI writes. */
export function cliVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const version = pkg && typeof pkg === 'object' && 'version' in pkg ? pkg.version : null;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const RECOVERABLE = new Set(['cache_missing', 'cache_damaged', 'cache_key_missing']);

/** Names the newest backup, so the way back is one command away. */
function hintBackup(io: CliIo, dataDir: string): void {
  const latest = latestBackup(cachePath(dataDir));
  io.err(
    latest === null
      ? 'kyc-desk: there is no backup of this cache.'
      : `kyc-desk: latest backup (${new Date(latest.at).toISOString()}): kyc-desk cache restore "${latest.path}"`,
  );
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Opens the same core the app uses. With ONDATO_ENV set (and `allowEnv`), the ONDATO_* variables define
 * an implicit workspace with its own cache in `<dataDir>/env-<hash>/`; its secret stays in memory.
 */
export async function openCliCore(
  io: CliIo,
  options: { dataDir: string | undefined; allowEnv: boolean; sync: boolean; yes?: boolean },
): Promise<CliCore> {
  const root = dataDirOf(io, options.dataDir);
  const keychain = io.secrets ?? createKeytarStore();
  const envMode = options.allowEnv && (io.env.ONDATO_ENV ?? '').trim() !== '';
  let dataDir = root;
  let secrets = keychain;
  let implicit: ImplicitWorkspace | undefined;
  if (envMode) {
    const config = readEnvConfig(io.env);
    const id = envWorkspaceId(config);
    dataDir = join(root, id);
    secrets = envSecretStore(
      keychain,
      id,
      createMemoryStore({ [secretAccount(id)]: config.credentials.clientSecret }),
    );
    implicit = {
      id,
      name: `Environment (${config.environment})`,
      endpoints: config.endpoints,
      clientId: config.credentials.clientId,
      setupId: config.setupId,
    };
  }
  let core: Core;
  try {
    core = await createCore({
      dataDir,
      secrets,
      osUser: osUser(),
      logger: createFileLogger({ dir: logDir(dataDir) }),
      // The CLI neither opens browsers nor shows desktop notifications; `sync --watch` prints instead.
      shell: { openExternal: async () => undefined },
      notifier: { notify: () => undefined },
      confirmer: cliConfirmer(options.yes === true),
      app: { name: 'KYC Desk', version: cliVersion() },
      ...(implicit ? { implicitWorkspace: implicit } : {}),
      team: {
        env: io.env,
        home: io.env.HOME,
        envUrl: envMode ? io.env.KYC_DESK_TEAM_URL?.trim() || undefined : undefined,
      },
    });
  } catch (error) {
    if (isAppError(error) && RECOVERABLE.has(error.code)) hintBackup(io, dataDir);
    throw error;
  }
  const problem = core.cacheProblem();
  if (problem) {
    io.err(`kyc-desk: warning: ${problem.message}`);
    hintBackup(io, dataDir);
  }
  try {
    await core.start({ polling: options.sync });
  } catch (error) {
    await core.close();
    throw error;
  }
  return { core, envMode, dataDir };
}
