import type { Locator, Page } from '@playwright/test';
import { isoDateIn } from '../../shared/domain/clock';
import { checkScreen, expect } from './fixtures';

/** Steps shared by the E2E specs: fields by accessible name, screenshots, the API, first setup. */

export const field = (scope: Page | Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

/** checkScreen from the top of the page (a full-page shot of a scrolled page repeats the fixed header). */
export async function screen(page: Page, name: string) {
  await page.evaluate(() => { window.scrollTo(0, 0); });
  await checkScreen(page, name);
}

/** Calls the web-mode API from the page, with the per-launch token (as api/client.ts does). */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('kop.webToken') ?? ''}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, input },
  );
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Today on the app's clock (the backend's, which `--clock` moves), in the location's calendar. */
export async function appToday(page: Page): Promise<string> {
  const status = await api<{ now: string }>(page, 'app.status', {});
  return isoDateIn(new Date(status.now));
}

/** The setup screen filled in for the location and its first manager, up to the Overzicht; returns the herstelsleutel shown. */
export async function setUpLocation(
  page: Page,
  url: string,
  location: { name: string; address: string; lrk: string },
  manager: { name: string; username: string; password: string },
): Promise<string> {
  await page.goto(url);
  await field(page, 'Naam van de locatie').fill(location.name);
  await field(page, 'Adres').fill(location.address);
  await field(page, 'LRK-nummer').fill(location.lrk);
  await field(page, 'Naam').fill(manager.name);
  await field(page, 'Gebruikersnaam').fill(manager.username);
  await field(page, 'Wachtwoord').fill(manager.password);
  await field(page, 'Herhaal wachtwoord').fill(manager.password);
  await page.getByRole('button', { name: 'Inrichten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeVisible({ timeout: 30_000 });
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '');
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${manager.name}` })).toBeVisible();
  return recoveryKey;
}

interface ParentInput {
  firstName: string;
  initials: string | null;
  surnamePrefix: string | null;
  surname: string;
  email: string | null;
  phone: string | null;
  bsn: string | null;
}
interface ChildInput {
  firstName: string;
  initials: string | null;
  surnamePrefix: string | null;
  surname: string;
  birthDate: string;
  /** The group's name on the Groepen list (made when missing). */
  groupName: string;
  bsn: string | null;
}
interface ContractInput {
  startDate: string;
  endDate: string | null;
  days: string[];
  hoursPerWeek: number;
}

export interface FamilyOptions {
  /** The contract parent (with gezag); defaults to Sanne de Boer, 06 12345678. */
  parent?: Partial<ParentInput>;
  /** A second parent with gezag who is not the contract parent. */
  otherParent?: Partial<ParentInput>;
  /** Defaults to Emma, the contract parent's surname, born 2023-03-12, group Rupsjes. */
  child?: Partial<ChildInput>;
  /** A dagopvang contract for the child (none unless given). */
  contract?: Partial<ContractInput>;
  /** Allergies recorded in the child's medical data. */
  allergies?: string;
}

export interface Family {
  household: { id: string; parents: { id: string; isContractParent: boolean }[] };
  child: { id: string };
  contractParentId: string;
}

/**
 * A family put in through the API the UI uses, for specs that are not about creating one:
 * a household at Lindelaan 5a in Vianen with its contract parent (and optionally another parent),
 * one child, and optionally a contract and allergies. Every value can be overridden.
 */
export async function familyViaApi(page: Page, options: FamilyOptions = {}): Promise<Family> {
  const parent: ParentInput = { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: null, phone: '06 12345678', bsn: null, ...options.parent };
  const parents = [
    { ...parent, hasParentalAuthority: true, isContractParent: true },
    ...(options.otherParent
      ? [{ firstName: 'Joris', initials: 'J.', surnamePrefix: null, surname: 'Bakker', email: null, phone: null, bsn: null, ...options.otherParent, hasParentalAuthority: true, isContractParent: false }]
      : []),
  ];
  const household = await api<Family['household']>(page, 'households.create', { street: 'Lindelaan', houseNumber: '5a', postcode: '1234 AB', city: 'Vianen', iban: null, ibanHolder: null, parents });
  const childInput: ChildInput = { firstName: 'Emma', initials: 'E.', surnamePrefix: parent.surnamePrefix, surname: parent.surname, birthDate: '2023-03-12', groupName: 'Rupsjes', bsn: null, ...options.child };
  const { groupName, ...childFields } = childInput;
  const child = await api<{ id: string }>(page, 'children.create', { householdId: household.id, ...childFields, groupId: (await addGroup(page, groupName)).id });
  if (options.contract) {
    await api(page, 'contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-06', endDate: null, ...options.contract });
  }
  if (options.allergies) await api(page, 'medical.update', { childId: child.id, allergies: options.allergies, diet: null, medication: null, otherParticulars: null });
  return { household, child, contractParentId: household.parents.find((p) => p.isContractParent)!.id };
}

/** A group on the Groepen list (made through the API when missing): the forms pick a child's group from that list. */
export async function addGroup(page: Page, name: string, careType: 'dagopvang' | 'bso' | 'peuteropvang' = 'dagopvang'): Promise<{ id: string; name: string }> {
  const found = (await api<{ id: string; name: string }[]>(page, 'groups.list', {})).find((g) => g.name === name);
  return found ?? api<{ id: string; name: string }>(page, 'groups.create', { name, careType, ageFromMonths: 0, ageToMonths: 48, capacity: 16 });
}

/** Picks an option of a select field (a combobox) by the option's visible name; the list opens in a portal. */
export async function pick(scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  const page = 'goto' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
}
