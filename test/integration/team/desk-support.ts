import { addOfficer } from '../../../src/team-db/admin';
import type { WorkspaceView } from '../../../src/shared/domain/views';
import {
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from '../services/support';
import type { CoreDeps } from '../../../src/main/app/core';
import type { TeamFixture } from '../team-db/support';

/*
 * A desk of a team: its own data directory, its own keychain and its own PostgreSQL login, joined to
 * the fixture's team database through the service a desk uses (services.team.join).
 */
export const DESK_PASSWORD = 'desk password, not a secret';

export interface Desk {
  role: string;
  core: TestCore;
  ws: WorkspaceView;
  dataDir: string;
  keychain: TestKeychain;
  url: string;
  close(): Promise<void>;
  /** Closes the core but keeps its data and keychain (a restart of the same desk). */
  closeCore(): Promise<void>;
}

export function teamUrl(team: TeamFixture, role: string): string {
  return `postgres://${role}@${team.cluster.host}:${team.cluster.port}/${team.database}`;
}

export async function addDeskOfficer(
  team: TeamFixture,
  role: string,
  options: { supervisor?: boolean } = {},
): Promise<void> {
  await addOfficer(team.owner, {
    role,
    displayName: role.toUpperCase(),
    supervisor: options.supervisor ?? false,
    password: DESK_PASSWORD,
  });
}

export async function openDesk(
  team: TeamFixture,
  simUrl: string,
  role: string,
  extra: Partial<CoreDeps> = {},
): Promise<Desk> {
  const data = tempDataDir();
  const keychain = testKeychain();
  const core = await testCore(data.dir, keychain.store, { team: { env: {}, home: data.dir }, ...extra });
  await core.start({ polling: false });
  const ws = await core.services.workspaces.add({
    ...simulatorWorkspace(simUrl, { name: `Desk ${role}` }),
    clientSecret: 'demo-secret',
  });
  const url = teamUrl(team, role);
  await core.services.team.join({ workspaceId: ws.id, url, password: DESK_PASSWORD });
  let open = true;
  const closeCore = async (): Promise<void> => {
    if (!open) return;
    open = false;
    await core.close();
  };
  return {
    role,
    core,
    ws,
    dataDir: data.dir,
    keychain,
    url,
    closeCore,
    async close() {
      await closeCore();
      await keychain.cleanup();
      data.remove();
    },
  };
}
