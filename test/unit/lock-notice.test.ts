import { beforeEach, describe, expect, it } from 'vitest';
import { currentLockNotice, noteBackendLock, setLockNotice } from '../../renderer/src/lib/lockNotice';

// The login screen explains why the app locked. A poll still on its way when the idle timer
// locked the app comes back LOCKED too; that answer must not replace "Vergrendeld wegens inactiviteit".
describe('the reason on the login screen', () => {
  beforeEach(() => setLockNotice(null));

  it('keeps the idle reason when a late poll answers LOCKED', () => {
    setLockNotice({ kind: 'idle' });
    noteBackendLock('De app is vergrendeld.');
    expect(currentLockNotice()).toEqual({ kind: 'idle' });
  });

  it('shows nothing extra after the user locked the app', () => {
    setLockNotice({ kind: 'user' });
    noteBackendLock('De app is vergrendeld.');
    expect(currentLockNotice()).toEqual({ kind: 'user' });
  });

  it("gives the backend's reason when the backend locked on its own", () => {
    noteBackendLock('Uw account is uitgeschakeld.');
    expect(currentLockNotice()).toEqual({ kind: 'message', text: 'Uw account is uitgeschakeld.' });
  });
});
