import type { syncContract } from '../../../../shared/api/sync.contract';
import type { Handlers } from '../../api/handler';
import { confirmEscrowFingerprint, enrol, listConflicts, makeTransferCode, offerRecoveryKey, receiveKey, resolveConflict, syncStatus } from './sync.service';

export const syncHandlers: Handlers<keyof typeof syncContract> = {
  'sync.status': ({ core }) => syncStatus(core),
  'sync.enrol': async ({ core }, input) => {
    await enrol(core, input);
    core.scheduler?.trigger();
    return syncStatus(core);
  },
  'sync.transferCode': ({ core }) => makeTransferCode(core),
  'sync.offerRecoveryKey': async ({ core }, input) => {
    await offerRecoveryKey(core, input.recoveryKey);
    return syncStatus(core);
  },
  'sync.receiveKey': async ({ core }, input) => {
    await receiveKey(core, input.code);
    core.scheduler?.trigger();
    return syncStatus(core);
  },
  'sync.confirmEscrowKey': async ({ core }, input) => {
    await confirmEscrowFingerprint(core, input.fingerprint);
    // The next round wraps the key to the confirmed escrow key.
    core.scheduler?.trigger();
    return syncStatus(core);
  },
  // Not awaited: the run needs the API queue this handler is holding. The header polls the status.
  'sync.now': async ({ core }) => {
    core.scheduler?.trigger();
    return { ...(await syncStatus(core)), running: core.scheduler?.isRunning ?? false };
  },
  'sync.conflicts': ({ core }) => listConflicts(core),
  'sync.resolveConflict': async ({ core, session }, input) => {
    await resolveConflict(core, session, input);
    return {};
  },
};
