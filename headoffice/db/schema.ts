import type { Kysely, Transaction } from 'kysely';

export interface HeadOfficeDatabase {
  locations: { id: string; name: string; version: number; created_at: string; sync_key_id: string | null; key_rotation_due_at: string | null };
  escrow_keys: { fingerprint: string; public_key_pem: string; created_at: string };
  key_escrow: { location_id: string; key_id: string; fingerprint: string; wrapped: string; created_at: string };
  key_rotations: { location_id: string; key_id: string; previous_key_id: string; wrapped: string; created_by_device: string; created_at: string };
  key_recovery_wraps: { location_id: string; created_by_device: string; key_id: string; wrapped: string; created_at: string };
  key_transfers: { id: string; location_id: string; key_id: string; wrapped: string; created_by_device: string; expires_at: string; created_at: string };
  enrolment_codes: { code_hash: string; location_id: string; expires_at: string; used_at: string | null; created_at: string };
  devices: { id: string; location_id: string; name: string; token_hash: string; created_at: string; last_sync_at: string | null; revoked_at: string | null; open_conflicts: number | null; open_conflicts_after: number | null };
  records: { location_id: string; entity: string; entity_id: string; version: number; deleted: number; payload: string | null; updated_at: string };
  applied_mutations: { device_id: string; mutation_id: string; status: string; version: number | null; applied_at: string };
  /** Each location's retention_statistics (counts only), as sent with its last sync push (0010). */
  location_statistics: { location_id: string; metric: string; period: string; count: number; received_at: string };
  audit_anchors: { device_id: string; seq: number; hash: string; received_at: string };
  console_users: { id: string; username: string; name: string; role: string; password_hash: string; failed_logins: number; next_attempt_at: string | null; active: number; created_at: string };
  console_sessions: { token_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string };
  console_audit: { seq: number; at: string; user_id: string | null; action: string; detail: string; prev_hash: string; hash: string };
  console_audit_head: { id: number; seq: number; hash: string };
  organisation_profile: {
    id: string;
    controller_name: string;
    address: string;
    postcode_city: string;
    kvk_number: string;
    privacy_officer_name: string;
    privacy_officer_email: string;
    privacy_officer_phone: string;
    fg_name: string;
    fg_email: string;
    fg_organisation: string;
    updated_at: string;
    updated_by: string;
  };
  breach_assessments: {
    breach_id: string;
    location_id: string;
    risk: string;
    likely_consequences: string;
    report_to_ap: number;
    reasons: string;
    ap_reference: string | null;
    ap_reported_at: string | null;
    late_reason: string | null;
    inform_persons: number;
    inform_reasons: string;
    follow_up: string;
    assessed_by: string;
    assessed_at: string;
    closed_at: string | null;
    closed_by: string | null;
  };
  processors: {
    id: string;
    name: string;
    service: string;
    data_categories: string;
    agreement_date: string;
    review_date: string;
    sub_processors: string;
    outside_eea: number;
    transfer_mechanism: string | null;
    /** The third country or countries (free text), '' when nothing leaves the EEA. */
    transfer_countries: string;
    created_at: string;
    updated_at: string;
  };
  privacy_statement_versions: { id: string; version: string; effective_date: string; text: string; published_at: string; published_by: string };
}

export type HoDb = Kysely<HeadOfficeDatabase>;
export type HoTrx = Transaction<HeadOfficeDatabase>;
