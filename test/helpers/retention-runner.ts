/**
 * Child process for the retention crash test (issue 14): unlocks the database, plans the
 * automatic run for `today` and destroys what is past due one item per transaction (chunk),
 * printing `ack <category>:<id>` after each commit. The test kills it between chunks with SIGKILL.
 *
 * argv: dataDir username password today
 */
import { AppCore } from '../../electron/backend/core';
import { destroyItems, evaluate, startRun } from '../../electron/backend/modules/retention/engine';

async function main() {
  const [dataDir, username, password, today] = process.argv.slice(2) as [string, string, string, string];
  const core = new AppCore({ dataDir, resourcesDir: '', now: () => new Date(`${today}T10:00:00Z`) });
  const unlocked = await core.loadKeyring().unlockWithPassword(username, password);
  if (!unlocked) throw new Error('wrong password');
  await core.open(unlocked.dbKey);
  const session = { userId: unlocked.userId, name: username, username, roles: ['manager' as const], mustChangePassword: false, lastActivity: Date.now(), previousLoginAt: null };
  const due = (await evaluate(core.db(), core.today())).filter((e) => e.state.status === 'due' && e.state.daysLeft < 0);
  const runId = await startRun(core, session, true);
  process.stdout.write(`ready ${due.length}\n`);
  for (const e of due) {
    await destroyItems(core, session, runId, [{ category: e.category, id: e.id }], 'automatic');
    process.stdout.write(`ack ${e.category}:${e.id}\n`);
  }
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
