import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The layer rules of eslint.config.js, proven on snippets placed at real folder paths: each forbidden
 * arrow must fail lint with no-restricted-imports, each allowed one must pass. The files need not exist;
 * ESLint picks the config block by the path alone.
 */

const root = join(__dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport type Probe = typeof probe;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: Array<[string, string]> = [
  ['src/main/db/repos/probe.ts', "import type { OndatoClient as probe } from '../../ondato';"],
  ['src/main/db/probe.ts', "import { createEngine as probe } from '../sync/engine';"],
  ['src/main/db/probe.ts', "import type { Services as probe } from '../services';"],
  ['src/main/db/probe.ts', "import { createCore as probe } from '../app/core';"],
  ['src/main/ondato/probe.ts', "import * as probe from '../db/repos/cases';"],
  ['src/main/ondato/probe.ts', "import type { SecretStore as probe } from '../secrets/secret-store';"],
  ['src/main/sync/probe.ts', "import type { ServiceContext as probe } from '../services/context';"],
  ['src/main/sync/probe.ts', "import type { SecretStore as probe } from '../secrets/secret-store';"],
  ['src/main/services/probe.ts', "import type { Core as probe } from '../app/core';"],
  ['src/main/services/nested/probe.ts', "import { createCore as probe } from '../../app/core';"],
  ['src/main/services/probe.ts', "import type { HandlerMap as probe } from '../handlers';"],
  ['src/main/services/probe.ts', "import { dispatch as probe } from '../ipc/handle';"],
  ['src/main/services/probe.ts', "import { SETUPS as probe } from '../../simulator';"],
  ['src/main/app/probe.ts', "import { dispatch as probe } from '../ipc/handle';"],
  ['src/main/app/probe.ts', "import { installIpc as probe } from '../electron/ipc-adapter';"],
  ['src/main/handlers.ts', "import { dispatch as probe } from './ipc/handle';"],
  ['src/main/errors.ts', "import type { Db as probe } from './db/sql';"],
  ['src/main/electron/probe.ts', "import { runCli as probe } from '../../cli/main';"],
  ['src/simulator/probe.ts', "import * as probe from '../main/ondato';"],
  ['src/simulator/specimens/probe.ts', "import type { Db as probe } from '../../main/db/sql';"],
  ['src/cli/probe.ts', "import * as probe from '../main/electron/menu';"],
  ['src/preload/probe.ts', "import * as probe from '../main/errors';"],
  ['src/shared/domain/probe.ts', "import * as probe from '../../main/errors';"],
  ['src/renderer/src/probe.ts', "import * as probe from '../../main/errors';"],
  ['src/main/services/probe.ts', "import * as probe from 'electron';"],
];

const allowed: Array<[string, string]> = [
  ['src/main/db/repos/probe.ts', "import type { KycResponse as probe } from '../../../shared/wire/schemas';"],
  ['src/main/db/probe.ts', "import type { SecretStore as probe } from '../secrets/secret-store';"],
  ['src/main/db/repos/probe.ts', "import { cacheError as probe } from '../errors';"],
  ['src/main/ondato/probe.ts', "import { AppError as probe } from '../errors';"],
  ['src/main/sync/probe.ts', "import type { OndatoClient as probe } from '../ondato';"],
  ['src/main/sync/probe.ts', "import * as probe from '../db/repos/cases';"],
  ['src/main/services/probe.ts', "import type { SyncEngine as probe } from '../sync/types';"],
  ['src/main/services/probe.ts', "import type { SecretStore as probe } from '../secrets/secret-store';"],
  ['src/main/app/probe.ts', "import type { Services as probe } from '../services';"],
  ['src/main/app/probe.ts', "import { startSimulator as probe } from '../../simulator';"],
  ['src/main/handlers.ts', "import type { Services as probe } from './services';"],
  ['src/main/ipc/probe.ts', "import type { HandlerMap as probe } from '../handlers';"],
  ['src/main/electron/probe.ts', "import { createCore as probe } from '../app/core';"],
  ['src/main/index.ts', "import * as probe from 'electron';"],
  ['src/simulator/probe.ts', "import type { KycResponse as probe } from '../shared/wire/schemas';"],
  ['src/cli/probe.ts', "import { createCore as probe } from '../main/app/core';"],
  ['src/cli/probe.ts', "import { startSimulator as probe } from '../simulator';"],
];

describe('layer rules (eslint.config.js)', () => {
  it.each(forbidden)('%s: %s fails lint', async (filePath, source) => {
    expect((await restricted(filePath, source)).length).toBeGreaterThan(0);
  });

  it.each(allowed)('%s: %s passes', async (filePath, source) => {
    expect(await restricted(filePath, source)).toEqual([]);
  });
});

/** Folder of a source file: `main/<folder or root module>`, or the top-level folder under src. */
function folderOf(file: string): string {
  const parts = relative(join(root, 'src'), file).split(sep);
  if (parts[0] !== 'main') return parts[0] ?? '';
  return `main/${(parts[1] ?? '').replace(/\.ts$/, '')}`;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('folder import graph', () => {
  it('has no cycle between folders, type-only imports included', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        const from = folderOf(file);
        const to = folderOf(normalize(join(dirname(file), match[1] ?? '')));
        if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(edges.get('main/services')?.has('main/sync')).toBe(true); // the scan sees real imports
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
