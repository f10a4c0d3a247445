import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/*
 * PostgreSQL's own password sources, as libpq reads them: PGPASSWORD, then the password file
 * (PGPASSFILE or ~/.pgpass; ignored unless only its owner can read it, like libpq).
 * Format per line: hostname:port:database:username:password, `*` matches anything, `\` escapes.
 */
export interface PgTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

function splitLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      current += line[i + 1];
      i += 1;
    } else if (ch === ':' && fields.length < 4) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

export function passwordFromPgpassText(text: string, target: PgTarget): string | null {
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const fields = splitLine(raw);
    if (fields.length !== 5) continue;
    const [host, port, database, user, password] = fields as [string, string, string, string, string];
    const matches = (pattern: string, value: string): boolean => pattern === '*' || pattern === value;
    const hostMatches = matches(host, target.host) || (host === 'localhost' && target.host === '127.0.0.1');
    if (
      hostMatches &&
      matches(port, String(target.port)) &&
      matches(database, target.database) &&
      matches(user, target.user)
    ) {
      return password;
    }
  }
  return null;
}

export function lookupPassword(
  target: PgTarget,
  env: Record<string, string | undefined>,
  home: string | undefined,
): string | null {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  const file = env.PGPASSFILE ?? (home ? join(home, '.pgpass') : null);
  if (!file) return null;
  try {
    const info = statSync(file);
    // libpq ignores a password file that group or others can read; so do we.
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) return null;
    return passwordFromPgpassText(readFileSync(file, 'utf8'), target);
  } catch {
    return null;
  }
}
