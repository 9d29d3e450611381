import type { Backend } from '../index';

/** `--demo`: fill an empty data folder with demo data and print the demo credentials. */
export async function prepareDemo(backend: Backend, log: (line: string) => void): Promise<void> {
  if (backend.core.state === 'setup') {
    log('Demogegevens aanmaken (ongeveer 150 gezinnen)…');
    const { seedDemo, DEMO_ACCOUNTS } = await import('./seed');
    await seedDemo(backend, 150, (done) => {
      if (done % 50 === 0) log(`  ${done} gezinnen aangemaakt`);
    });
    log('Demo-accounts:');
    log(`  locatiemanager:         gebruikersnaam "${DEMO_ACCOUNTS.manager.username}", wachtwoord "${DEMO_ACCOUNTS.manager.password}"`);
    log(`  pedagogisch medewerker: gebruikersnaam "${DEMO_ACCOUNTS.staff.username}", wachtwoord "${DEMO_ACCOUNTS.staff.password}"`);
    log(`  aandachtsfunctionaris:  gebruikersnaam "${DEMO_ACCOUNTS.meldcodeOfficer.username}", wachtwoord "${DEMO_ACCOUNTS.meldcodeOfficer.password}"`);
  } else {
    log('Deze gegevensmap bevat al gegevens; er zijn geen demogegevens toegevoegd.');
  }
}
