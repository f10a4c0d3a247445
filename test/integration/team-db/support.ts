import { Client } from 'pg';
import { addOfficer } from '../../../src/team-db/admin';
import { migrateTeamDatabase } from '../../../src/team-db/migrate';
import { startPgCluster, type PgCluster } from '../../support/pg-cluster';

export interface TeamFixture {
  cluster: PgCluster;
  database: string;
  owner: Client;
  /** A new connection as `role` (password as set by `officer`). */
  connect(role: string): Promise<Client>;
  officer(role: string, options?: { supervisor?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery';

/** A throwaway cluster with a migrated team database, and helpers to log in as officers. */
export async function startTeamFixture(): Promise<TeamFixture> {
  const cluster = await startPgCluster();
  const database = 'team';
  const admin = new Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const owner = new Client({ connectionString: cluster.url(undefined, undefined, database) });
  // A test that restarts the server kills this connection; its queries fail, the process must not.
  owner.on('error', () => undefined);
  await owner.connect();
  await migrateTeamDatabase(owner);
  const clients: Client[] = [];
  return {
    cluster,
    database,
    owner,
    async connect(role) {
      const client = new Client({ connectionString: cluster.url(role, PASSWORD, database) });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    async officer(role, options = {}) {
      await addOfficer(owner, {
        role,
        displayName: role,
        supervisor: options.supervisor ?? false,
        password: PASSWORD,
      });
    },
    async close() {
      for (const client of clients) await client.end().catch(() => undefined);
      await owner.end().catch(() => undefined);
      cluster.destroy();
    },
  };
}
