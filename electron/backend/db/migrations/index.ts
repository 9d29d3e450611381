import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_users_and_location';
import * as m0002 from './0002_audit_log';
import * as m0003 from './0003_clients';
import * as m0004 from './0004_sync';
import * as m0005 from './0005_consents_disclosures';
import * as m0006 from './0006_meldcode';
import * as m0007 from './0007_retention';
import * as m0008 from './0008_subject_requests';
import * as m0009 from './0009_waitlist_declined';
import * as m0010 from './0010_destruction_log_erasure';
import * as m0011 from './0011_request_coordination';
import * as m0017 from './0017_retention_indexes';
import * as m0018 from './0018_disclosure_recipients';
import * as m0019 from './0019_objections_pickup_subjects';
import * as m0020 from './0020_complaint_household_outcome';
import * as m0021 from './0021_groups';
import * as m0022 from './0022_sync_keys';
import * as m0023 from './0023_disclosure_restriction_decisions';
import * as m0024 from './0024_retention_label_indexes';
import * as m0025 from './0025_data_breaches';
import * as m0026 from './0026_organisation_profile';
import * as m0027 from './0027_privacy_statement_versions';
import * as m0030 from './0030_central_requests';

/** All migrations, in order. Add new ones at the end; never edit a released one. */
export const migrations: Record<string, Migration> = {
  '0001_users_and_location': m0001,
  '0002_audit_log': m0002,
  '0003_clients': m0003,
  '0004_sync': m0004,
  '0005_consents_disclosures': m0005,
  '0006_meldcode': m0006,
  '0007_retention': m0007,
  '0008_subject_requests': m0008,
  '0009_waitlist_declined': m0009,
  '0010_destruction_log_erasure': m0010,
  '0011_request_coordination': m0011,
  '0017_retention_indexes': m0017,
  '0018_disclosure_recipients': m0018,
  '0019_objections_pickup_subjects': m0019,
  '0020_complaint_household_outcome': m0020,
  '0021_groups': m0021,
  '0022_sync_keys': m0022,
  '0023_disclosure_restriction_decisions': m0023,
  '0024_retention_label_indexes': m0024,
  '0025_data_breaches': m0025,
  '0026_organisation_profile': m0026,
  '0027_privacy_statement_versions': m0027,
  '0030_central_requests': m0030,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
