import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { setFourEyesPolicy } from '../../src/team-db/admin';
import { startSimulator, type Simulator } from '../../src/simulator';
import { hasChromium } from '../support/chromium';
import { hasPostgres } from '../support/pg-cluster';
import { simulatorWorkspace, tempDataDir } from '../integration/services/support';
import { addDeskOfficer, DESK_PASSWORD, teamUrl } from '../integration/team/desk-support';
import { startTeamFixture, type TeamFixture } from '../integration/team-db/support';
import {
  ARTIFACTS,
  caseRows,
  ipc,
  openApp,
  screenshotOnFailure,
  simControl,
  type AppSession,
} from './support/app';
import { runAxe } from './support/axe';

/*
 * Team mode in Chromium on a real PostgreSQL: two desks, each its own harness (core, data dir,
 * keychain) and its own login. Ana (officer) rejects under the four-eyes policy and her review says
 * "proposed"; Sid (supervisor) finds it in "Awaiting my approval" and approves; Ana's page then shows
 * it approved. Every wait is for what a page shows, never for a length of time.
 */

const SHOTS = join(ARTIFACTS, 'team');
const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk(sim: Simulator, name: string): Promise<AppSession> {
  const home = tempDataDir();
  cleanups.push(() => home.remove());
  const session = await openApp({
    core: { team: { env: {}, home: home.dir } },
    context: { viewport: { width: 1366, height: 768 } },
  });
  cleanups.push(() => session.close());
  // The simulator's loopback hosts differ from Ondato's: the officer would confirm them in main's dialog.
  session.harness.confirmer.arm('workspace-add-hosts');
  await session.harness.core.services.workspaces.add({
    ...simulatorWorkspace(sim.url, { name }),
    clientSecret: 'demo-secret',
  });
  await session.page.reload();
  await session.page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
  return session;
}

const teamCard = (page: Page) => page.getByRole('region', { name: 'Team', exact: true });

async function expectAccessible(page: Page): Promise<void> {
  expect(await runAxe(page)).toEqual([]);
  expect(await runAxe(page, ['color-contrast-enhanced'])).toEqual([]);
}

describe.runIf(hasChromium() && hasPostgres())('team mode in Chromium on PostgreSQL', () => {
  let team: TeamFixture;

  it('a reject is proposed on one desk, approved from the other desk’s queue, and shows approved', async () => {
    team = await startTeamFixture();
    cleanups.push(() => team.close());
    await addDeskOfficer(team, 'ana');
    await addDeskOfficer(team, 'sid', { supervisor: true });
    await setFourEyesPolicy(team.owner, 'reject');
    const sim = await startSimulator({ port: 0, seed: 23 });
    cleanups.push(() => sim.stop());
    mkdirSync(SHOTS, { recursive: true });

    const a = await desk(sim, 'Branch A');
    const b = await desk(sim, 'Head office');
    const pageA = a.page;
    const pageB = b.page;

    await screenshotOnFailure(pageA, 'team-a', async () => {
      // Ana joins in the app: the URL and her password; the card then shows where, never the password.
      await pageA.getByRole('button', { name: /^Workspace:/ }).click();
      await pageA.getByRole('button', { name: 'Manage workspaces…' }).click();
      await pageA.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();
      await pageA.getByRole('button', { name: 'Join a team database…' }).click();
      await pageA.getByLabel(/Team database URL/).fill(teamUrl(team, 'ana'));
      await pageA.getByLabel(/^Password/).fill('not the password');
      await pageA.getByRole('button', { name: 'Join team database' }).click();
      await pageA.getByRole('alert').filter({ hasText: 'password was not accepted' }).waitFor();
      await pageA.getByLabel(/^Password/).fill(DESK_PASSWORD);
      await pageA.getByRole('button', { name: 'Join team database' }).click();
      await pageA.getByText('Joined the team database.').waitFor();
      await pageA.getByText(teamUrl(team, 'ana')).waitFor();
      expect(await pageA.content()).not.toContain(DESK_PASSWORD);
      await pageA.locator('.team-indicator summary').getByText('Team: ana').waitFor();
    });

    const joinedB = await b.harness.core.services.team.join({
      workspaceId: (await b.harness.core.services.workspaces.list()).activeId!,
      url: teamUrl(team, 'sid'),
      password: DESK_PASSWORD,
    });
    expect(joinedB).toMatchObject({ joined: true, officer: 'sid', supervisor: true });

    // A customer of Ana's desk finishes at Ondato.
    const created = await ipc(a.harness, 'cases:create', {
      firstName: 'Ona',
      lastName: 'Petraitė',
      dateOfBirth: '1988-02-14',
      countryCode: 'LT',
    });
    await simControl(sim.url, 'POST', `/__sim/idv/${created.id}/advance`, { to: 'complete' });
    await ipc(a.harness, 'cases:refresh', { caseId: created.id });

    await screenshotOnFailure(pageA, 'team-a-decide', async () => {
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
      await caseRows(pageA).filter({ hasText: 'Ona Petraitė' }).click();
      const card = teamCard(pageA);
      await card.waitFor();
      const decision = pageA.getByRole('region', { name: 'Your decision' });
      await decision.getByRole('radio', { name: 'Reject' }).check();
      await decision.getByLabel('Reason').selectOption({ index: 1 });
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await card
        .getByRole('status')
        .filter({ hasText: 'Proposed; needs approval by another officer' })
        .waitFor();
      await card.getByText('Another officer with the supervisor role must approve your decision.').waitFor();
      expect(await card.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await expectAccessible(pageA);
      await card.scrollIntoViewIfNeeded();
      await pageA.screenshot({ path: join(SHOTS, '1366x768-review-team-card.png') });
    });

    await screenshotOnFailure(pageB, 'team-b', async () => {
      const group = pageB.getByRole('group', { name: 'Team queues' });
      const approval = group.getByRole('button', { name: /^Awaiting my approval 1$/ });
      await approval.click();
      const region = pageB.getByRole('region', { name: 'Team queue: Awaiting my approval' });
      const open = region.getByRole('button', { name: /Ona Petraitė/ });
      await open.waitFor();
      await expectAccessible(pageB);
      await pageB.screenshot({ path: join(SHOTS, '1366x768-list-team-queues.png') });
      await open.click();
      const card = teamCard(pageB);
      await card.getByText('Proposed by ana. You can approve it or send it back.').waitFor();
      await card.getByLabel(/^Note/).fill('Checked with the branch.');
      await card.getByRole('button', { name: 'Approve' }).click();
      await card
        .getByRole('status')
        .filter({ hasText: /^Approved$/ })
        .waitFor();
    });

    await screenshotOnFailure(pageA, 'team-a-approved', async () => {
      const card = teamCard(pageA);
      await card
        .getByRole('status')
        .filter({ hasText: /^Approved$/ })
        .waitFor();
      await card.getByText('Approved by sid: “Checked with the branch.”').waitFor();
    });
  }, 180_000);
});
