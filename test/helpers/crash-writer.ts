/**
 * Child process for the crash-safety test: unlocks the database with the manager's password and
 * creates households through the households service (record, outbox row and audit row in one
 * transaction) in a loop, printing `ack <id>` only after each transaction has committed. The
 * test kills it with SIGKILL at a random moment. It loads the core and one service rather than
 * the whole API (PDF libraries and all) to start fast enough for 200 runs.
 *
 * argv: dataDir username password
 */
import { contract } from '../../shared/api/contract';
import { AppCore } from '../../electron/backend/core';
import { createHousehold } from '../../electron/backend/modules/households/households.service';
import { HOUSEHOLD } from './clients';

async function main() {
  const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
  const core = new AppCore({ dataDir, resourcesDir: '' });
  const unlocked = await core.loadKeyring().unlockWithPassword(username, password);
  if (!unlocked) throw new Error('wrong password');
  await core.open(unlocked.dbKey);
  const session = { userId: unlocked.userId, name: username, username, roles: ['manager' as const], mustChangePassword: false, lastActivity: Date.now(), previousLoginAt: null };
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const input = contract['households.create'].input.parse({ ...HOUSEHOLD, houseNumber: String(i + 1) });
    const id = await createHousehold(core, session, input);
    process.stdout.write(`ack ${id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
