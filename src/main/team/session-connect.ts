import type { Client } from 'pg';
import * as teamRepo from '../db/repos/team';
import type { Db } from '../db/sql';
import { connectTeam, type ConnectTeamOptions } from '../../team-db/connect';
import { TeamDbError } from '../../team-db/errors';
import { checkTeamSchema } from '../../team-db/migrate';
import { whoAmI } from './team-api';

/*
 * Opening a session's two connections. The work connection proves on arrival that the database is a
 * team database this build understands and that the role is an active officer (whose identity and the
 * team's SLA the cache keeps); the listener only LISTENs.
 */

/** Opens the work connection and checks it; a refused connection is closed before the error is thrown. */
export async function openWorkConnection(
  db: Db,
  workspaceId: string,
  options: ConnectTeamOptions,
  where: string,
): Promise<{ client: Client; schemaVersion: number }> {
  const client = await connectTeam(options);
  try {
    const schemaVersion = await checkTeamSchema(client);
    const me = await whoAmI(client);
    if (!me) {
      throw new TeamDbError(
        'team_forbidden',
        `Team database ${where}: this role is not an active officer of the team.`,
      );
    }
    const sla = await client.query<{ sla_minutes: number }>('SELECT sla_minutes FROM kyc_team.settings');
    teamRepo.setIdentity(db, workspaceId, {
      officer: me.role,
      supervisor: me.supervisor,
      slaMinutes: sla.rows[0]?.sla_minutes ?? null,
    });
    return { client, schemaVersion };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** Opens the listener: every NOTIFY on `channels` is handed to `notified` by channel name. */
export async function openListener(
  options: ConnectTeamOptions,
  channels: readonly string[],
  handlers: { notified(channel: string): void; failed(error: unknown): void; ended(listen: Client): void },
): Promise<Client> {
  const listen = await connectTeam(options);
  listen.on('notification', (message) => handlers.notified(message.channel));
  listen.on('error', (error) => handlers.failed(error));
  listen.on('end', () => handlers.ended(listen));
  try {
    for (const channel of channels) await listen.query(`LISTEN ${channel}`);
  } catch (error) {
    await listen.end().catch(() => undefined);
    throw error;
  }
  return listen;
}
