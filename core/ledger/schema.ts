import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The ledger database's tables as Kysely sees them. Money columns are integer yen (`number` here only because
 * that is how the driver returns an SQLite INTEGER: convert with `yenFromDb` before any arithmetic); fractional
 * figures (unit prices, tax rates) are decimal strings. Times are UTC ISO strings; dates and months are JST
 * calendar strings (`YYYY-MM-DD`, `YYYY-MM`).
 */
export interface Database {
  counters: CountersTable;
  members: MembersTable;
  cloud_accounts: CloudAccountsTable;
  operators: OperatorsTable;
  operator_roles: OperatorRolesTable;
  price_plans: PricePlansTable;
  usage_imports: UsageImportsTable;
  bills: BillsTable;
  documents: DocumentsTable;
  deposits: DepositsTable;
  payments: PaymentsTable;
  prepaid_ids: PrepaidIdsTable;
  account_status_history: AccountStatusHistoryTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  prepaid_applications: PrepaidApplicationsTable;
  prepaid_month_offsets: PrepaidMonthOffsetsTable;
  prepaid_consumptions: PrepaidConsumptionsTable;
  prepaid_daily_balances: PrepaidDailyBalancesTable;
  prepaid_alert_settings: PrepaidAlertSettingsTable;
  prepaid_alerts: PrepaidAlertsTable;
  payment_methods: PaymentMethodsTable;
  month_closes: MonthClosesTable;
  usage_accounts: UsageAccountsTable;
  collection_attempts: CollectionAttemptsTable;
  credit_notes: CreditNotesTable;
  daily_runs: DailyRunsTable;
  platform_command_decisions: PlatformCommandDecisionsTable;
  statement_deliveries: StatementDeliveriesTable;
  dunning_progress: DunningProgressTable;
  bank_imports: BankImportsTable;
  bank_import_lines: BankImportLinesTable;
  deposit_reviews: DepositReviewsTable;
  writer_gate: WriterGateTable;
  customer_credits: CustomerCreditsTable;
  deposit_refunds: DepositRefundsTable;
  seller_settings: SellerSettingsTable;
  document_archive: DocumentArchiveTable;
  journal_mappings: JournalMappingsTable;
  sync_applied: SyncAppliedTable;
  estimate_leases: EstimateLeasesTable;
}

/** Gapless counters (member numbers, account codes, document numbers per kind and year). */
export interface CountersTable {
  name: string;
  last_value: number;
}

export type MemberKind = 'corporation' | 'individual';

export interface MembersTable {
  id: Generated<number>;
  /** M-000123 */
  member_number: string;
  kind: MemberKind;
  name: string;
  /** Half-width katakana as banks send it (ｶ)ﾀﾅｶﾃﾞﾝｷ), for matching deposits. */
  name_kana: string;
  email: string;
  /** Search keys: the name and kana without legal-form words, so a prefix search finds 田中 in 株式会社田中電機. */
  name_key: string;
  kana_key: string;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export type CloudAccountStatus = 'active' | 'restricted' | 'suspended' | 'terminated';

export interface CloudAccountsTable {
  id: Generated<number>;
  /** CA-000123 */
  code: string;
  member_id: number;
  label: string;
  status: CloudAccountStatus;
  created_at: string;
  /** When the account was deleted on the platform (its prepaid balances are void, R-PRE-11). */
  closed_at: string | null;
}

export interface OperatorsTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash (base64) */
  password_hash: string;
  active: ColumnType<number, number | undefined, number>;
  created_at: string;
  /** 1 after an admin reset the password: the operator must choose a new one at the next sign-in (0007). */
  must_change_password: ColumnType<number, number | undefined, number>;
  /** A session begun in an earlier generation is over: sign-out everywhere, deactivation, a new password (0007). */
  session_generation: ColumnType<number, number | undefined, number>;
}

export interface OperatorRolesTable {
  operator_id: number;
  role: string;
}

export interface PricePlansTable {
  id: string;
  /** First billing month (YYYY-MM) this price applies to. */
  valid_from: string;
  service: string;
  meter: string;
  charge: string;
  unit_price: string | null;
  monthly_cap: string | null;
  monthly_price: string | null;
}

export interface UsageImportsTable {
  id: Generated<number>;
  month: string;
  /** sha256 of the file's bytes: the same file imported twice is recognised. */
  content_digest: string;
  content: string;
  imported_at: string;
  imported_by: string | null;
}

export type BillStatus = 'draft' | 'final';

export interface BillsTable {
  id: Generated<number>;
  cloud_account_id: number;
  month: string;
  usage_import_id: number | null;
  tax_mode: string;
  tax_rate: string;
  subtotal: number;
  tax: number;
  total: number;
  /** Part of `total` offset by prepaid balances (R-PRE-7, R-PRE-9). */
  prepaid_applied: number;
  /** What the member still owes: total − prepaid_applied. */
  amount_due: number;
  payment_method: string | null;
  status: BillStatus;
  /** The rated bill (lines and services) as JSON. */
  detail: string;
  created_at: string;
  finalized_at: string | null;
}

export type DocumentKind = 'estimate' | 'statement' | 'prepaid_notice' | 'invoice' | 'credit_note';

export interface DocumentsTable {
  id: Generated<number>;
  kind: DocumentKind;
  /** EST-2026-000123: gapless per kind and year, allocated in the issuing transaction. */
  number: string;
  member_id: number;
  cloud_account_id: number | null;
  bill_id: number | null;
  /** The estimate a statement bills, the statement a notice answers. */
  related_document_id: number | null;
  status: string;
  issued_at: string;
  /** JST date a payment is due (statements). */
  due_date: string | null;
  subtotal: number;
  tax: number;
  total: number;
  /** Everything the PDF shows, as JSON, so the document can be rendered again identically. */
  content: string;
  created_by: string | null;
}

/** `held` (0002): a prepaid deposit whose amount differs from its statement, waiting for a decision. */
export type DepositStatus = 'unmatched' | 'matched' | 'confirmed' | 'returned' | 'held';

/** Money arriving at the bank, as read from a bank file or typed in. */
export interface DepositsTable {
  id: Generated<number>;
  /** JST date the bank credited it. */
  value_date: string;
  amount: number;
  payer_kana: string;
  bank_reference: string;
  /** sha256 of the bank file it came from, for idempotent imports. */
  source_digest: string | null;
  status: DepositStatus;
  matched_document_id: number | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  created_at: string;
  /** 0002: why a prepaid deposit was held and what was decided. */
  note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An amount settling what is owed: a deposit applied to a statement, or a card charge on a bill. */
export interface PaymentsTable {
  id: Generated<number>;
  member_id: number;
  cloud_account_id: number | null;
  document_id: number | null;
  bill_id: number | null;
  deposit_id: number | null;
  method: string;
  amount: number;
  received_at: string;
  ledger_transaction_id: number | null;
  created_at: string;
  /** 0009, R-ACC-2: JST date the money moved (the bank's value date, the charge or debit day); null before 0009. */
  value_date: ColumnType<string | null, string | null | undefined, string | null>;
}

export type PrepaidStatus = 'issued' | 'registered' | 'expired' | 'void';

export interface PrepaidIdsTable {
  id: Generated<number>;
  code: string;
  member_id: number;
  /** The statement whose deposit paid for it. */
  document_id: number | null;
  amount: number;
  balance: number;
  status: PrepaidStatus;
  /** When issuance is due (3–5 business days after the deposit, R-PRE-3). */
  issue_due_date: string | null;
  issued_at: string | null;
  registration_deadline: string | null;
  cloud_account_id: number | null;
  registered_at: string | null;
  expires_at: string | null;
  created_at: string;
  /** 0002: the last four characters of the code, for display; `code` itself holds only its keyed hash. */
  code_hint: string | null;
  application_id: number | null;
  notice_document_id: number | null;
  /** 0002: when it expired or was voided, its remaining balance then forfeited (R-PRE-5, R-PRE-6, R-PRE-11). */
  closed_at: string | null;
  forfeited: ColumnType<number, number | undefined, number>;
}

export interface AccountStatusHistoryTable {
  id: Generated<number>;
  cloud_account_id: number;
  from_status: string | null;
  to_status: string;
  cause: string;
  at: string;
}

/** One journal entry; its lines are ledger_entries. Never updated or deleted. */
export interface LedgerTransactionsTable {
  id: Generated<number>;
  posted_at: string;
  /** adjustment, deposit, prepaid_consumed, invoice, payment, forfeit… */
  kind: string;
  memo: string;
  posted_by: string | null;
  /** What caused it, e.g. `document:12`, so a flow can find its own postings. */
  reference: string | null;
  /** 0009, R-ACC-2: JST date the money moved, for a posting of money at the bank; null otherwise. */
  value_date: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  transaction_id: number;
  line_no: number;
  account: string;
  debit: number;
  credit: number;
  member_id: number | null;
  cloud_account_id: number | null;
}

/** `invalid`: an input the catalog refused to read (D-SEC-8); other bad input is not audited. */
export type AuditOutcome = 'ok' | 'forbidden' | 'unauthenticated' | 'invalid';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_login: string | null;
  /** Which door the call came through: app, cli, test… */
  channel: string;
  operation: string;
  /** sha256 of the canonical JSON of the input (secrets masked). */
  input_digest: string;
  /** The input itself as canonical JSON, secrets masked (0007; null in rows written before). */
  input: ColumnType<string | null, string | null | undefined, never>;
  outcome: AuditOutcome;
  detail: string | null;
  /**
   * A refusal's problem code (core/problem-codes.ts) and its params as JSON: the detail, for any language. The
   * sign-in backoff counts `detail_code = 'session.wrong_password'` (0007's `code` column was merged into it, 0015).
   */
  detail_code: string | null;
  detail_params: string | null;
  /** The network address the call came from (0014): HTTP doors only; null for the app's window, the CLI… */
  client_address: ColumnType<string | null, string | null | undefined, never>;
}

/**
 * pending: to be sent; awaiting_release: a command that waits for a supervisor (R-DUN-9); withheld: the
 * supervisor held the account instead, never to be sent.
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'awaiting_release' | 'withheld';

/** Commands for the cloud platform and e-mails to send, written in the transaction that decided them. */
export interface OutboxTable {
  id: Generated<number>;
  created_at: string;
  /** platform | email */
  channel: string;
  topic: string;
  payload: string;
  cloud_account_id: number | null;
  status: OutboxStatus;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: string | null;
  last_error: string | null;
  /** Unique when set: a platform command decided twice is written once (0003). */
  dedupe_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type CloudAccountRow = Selectable<CloudAccountsTable>;
export type OperatorRow = Selectable<OperatorsTable>;

/** 0003: a payment method registered or changed on a cloud account; applies from `first_month` (R-BILL-5). */
export interface PaymentMethodsTable {
  id: Generated<number>;
  cloud_account_id: number;
  method: 'credit_card' | 'bank_transfer' | 'direct_debit';
  card_brand: string | null;
  /** Last four digits only: a full card number is never stored. */
  card_last4: string | null;
  /** MM/YY */
  card_expiry: string | null;
  /** JST date the card was authorised or the signed form received. */
  received_on: string;
  first_month: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** 0003: a month close, started and (at its very end) closed: a closed month's bills are final. */
export interface MonthClosesTable {
  month: string;
  started_at: string;
  closed_at: string | null;
  bill_count: number | null;
}

/** 0003: the usage file an account's usage of a month comes from (one file per account and month). */
export interface UsageAccountsTable {
  month: string;
  account_code: string;
  usage_import_id: number;
}

/** 0003: a card charge or direct debit attempted for a bill, and its outcome. */
export interface CollectionAttemptsTable {
  id: Generated<number>;
  bill_id: number;
  method: string;
  outcome: 'paid' | 'failed';
  /** JST date of the attempt. */
  attempted_on: string;
  reason: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

/** 0003: a correction of a closed bill, posted in a later month (never an edit of the bill). Yen ≥ 0, reducing. */
export interface CreditNotesTable {
  id: Generated<number>;
  bill_id: number;
  month: string;
  subtotal: number;
  tax: number;
  total: number;
  reason: string;
  ledger_transaction_id: number;
  created_at: string;
  created_by: string | null;
  /** 0011: its 適格返還請求書 (R-TAX-4); null for a credit note made before documents had one. */
  document_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** 0003: up to which instant (UTC ISO) the dunning facts of an account have been applied. */
export interface DunningProgressTable {
  cloud_account_id: number;
  as_of: string;
}

export type PrepaidApplicationStatus = 'draft' | 'issued' | 'cancelled' | 'billed' | 'paid' | 'fulfilled';

/** 0002: one prepaid application (R-PRE-2): estimate (editable while draft), statement, deposit, prepaid ID. */
export interface PrepaidApplicationsTable {
  id: Generated<number>;
  member_id: number;
  /** EST-2026-000123, allocated when drafted. */
  estimate_number: string;
  status: PrepaidApplicationStatus;
  amount: number;
  subject: string;
  /** Days the estimate is valid from its issue (default 30). */
  valid_days: number;
  /** JST date, YYYY-MM-DD: set when issued. */
  valid_until: string | null;
  /** JSON array of strings. */
  notes: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  issued_at: string | null;
  cancelled_at: string | null;
  estimate_document_id: number | null;
  statement_document_id: number | null;
  payer_kana: string | null;
  deposit_id: number | null;
  /** The credit the deposit bought (the statement amount, or a held deposit's amount when accepted). */
  credit_amount: number | null;
  paid_at: string | null;
  /** JST date the prepaid ID is due (R-PRE-3). */
  issue_due_date: string | null;
  prepaid_id: number | null;
  /** 0011: the sales rep in charge (担当者), printed on the estimate. */
  rep_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0011: the quote's lines (core/prepaid/quote.ts) as JSON; null for a plain prepaid estimate. */
  quote: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0002: a month's bill of an account offset by prepaid balances, once (R-PRE-10). */
export interface PrepaidMonthOffsetsTable {
  cloud_account_id: number;
  month: string;
  bill_total: number;
  applied: number;
  created_at: string;
}

/** 0002: what one prepaid ID paid of one month's bill. */
export interface PrepaidConsumptionsTable {
  id: Generated<number>;
  prepaid_id: number;
  cloud_account_id: number;
  month: string;
  amount: number;
  created_at: string;
}

/** 0002: the balance shown for an account, as of the last daily update (R-PRE-12). */
export interface PrepaidDailyBalancesTable {
  cloud_account_id: number;
  /** JST date of the update. */
  as_of: string;
  month: string;
  balance: number;
  month_to_date: number;
  projected: number;
  next_expires_at: string | null;
  updated_at: string;
}

/** 0002: the remaining-balance threshold the member set for an account (R-PRE-13). */
export interface PrepaidAlertSettingsTable {
  cloud_account_id: number;
  threshold: number;
  updated_at: string;
}

/** 0002: an alert sent, once per account, month and kind (R-PRE-13). */
export interface PrepaidAlertsTable {
  cloud_account_id: number;
  month: string;
  kind: 'low_balance' | 'used_up';
  outbox_id: number;
  created_at: string;
}

/** 0004: a bank file imported, once per content digest (the same file again adds nothing). */
export interface BankImportsTable {
  id: Generated<number>;
  file_name: string;
  /** sha256 of the file's bytes. */
  content_digest: string;
  format: string;
  /** The largest shortfall taken as the payer's transfer fee in this import, whole yen. */
  fee_tolerance: number;
  record_count: number;
  imported_at: string;
  imported_by: string | null;
}

export type BankImportOutcome = 'matched' | 'held' | 'review' | 'unknown' | 'cancelled' | 'duplicate';

/** 0004: what became of one record of an imported bank file. */
export interface BankImportLinesTable {
  import_id: number;
  /** 1-based record (Zengin) or line (CSV) number in the file. */
  record_no: number;
  bank_reference: string;
  amount: number;
  payer: string;
  deposit_id: number | null;
  outcome: BankImportOutcome;
  /** The statement number it was matched to. */
  target: string | null;
  fee: ColumnType<number, number | undefined, number>;
  /** JSON: the review reason and candidates, or why it was held. */
  detail: string | null;
}

export type DepositReviewState = 'review' | 'unknown' | 'confirmed' | 'dismissed';

/** 0004: a deposit accounting must match by hand (several candidates, none, a shortfall or excess). */
export interface DepositReviewsTable {
  deposit_id: number;
  import_id: number | null;
  state: DepositReviewState;
  /** The matcher's reason (several_candidates, excess…) or unknown. */
  reason: string;
  /**
   * JSON array of candidates, best first, money as decimal strings, when a rematch found them; null: those of
   * its import line (0016, D-RECON-8).
   */
  candidates: string | null;
  /** 0016: its import line (with import_id), which holds its candidates as at the import. */
  record_no: number | null;
  /** The EDI / payer code text of the deposit, matched again by a rematch. */
  edi: ColumnType<string, string | undefined, string>;
  updated_at: string;
  decided_by: string | null;
  note: string | null;
}

/** Never holds a row: its lock lets a transaction that collided with another writer run alone (dialect.ts). */
export interface WriterGateTable {
  unused: number | null;
}

/** 0009: an excess deposit kept as the member's credit; it pays their next bills (customer_credit account). */
export interface CustomerCreditsTable {
  id: Generated<number>;
  member_id: number;
  deposit_id: number | null;
  amount: number;
  remaining: number;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

/** 0009: money of a deposit to pay back to its payer (refunds_payable until paid out, R-ACC-1). */
export interface DepositRefundsTable {
  id: Generated<number>;
  deposit_id: number;
  member_id: number | null;
  amount: number;
  reason: string;
  status: 'to_pay' | 'paid';
  created_at: string;
  created_by: string | null;
  /** JST date the refund left the bank. */
  paid_on: string | null;
  paid_by: string | null;
}

/** 0011 (R-TAX-5): the seller as set from a date; rows are only added, never changed. */
export interface SellerSettingsTable {
  id: Generated<number>;
  /** JST date YYYY-MM-DD from which this seller is printed. */
  effective_from: string;
  /** The SellerProfile (core/documents) as JSON. */
  content: string;
  created_at: string;
  created_by: string | null;
}

/** 0008: one run of the daily job for a JST date (R-DUN-8): who ran it, through which door, and what changed. */
export interface DailyRunsTable {
  id: Generated<number>;
  /** YYYY-MM-DD (JST) the job brought the accounts to. */
  run_date: string;
  ran_at: string;
  /** null: the back office's own schedule. */
  ran_by: string | null;
  channel: string;
  /** JSON of the counts per kind (DailyChanges). */
  summary: string;
}

/** 0008: a supervisor's release or hold of a platform command that waited for one (R-DUN-9). */
export interface PlatformCommandDecisionsTable {
  outbox_id: number;
  cloud_account_id: number;
  decision: 'released' | 'held';
  reason: string | null;
  decided_at: string;
  decided_by: string;
}

/** 0008: a statement printed or sent (R-BILL statements of a closed month). */
export interface StatementDeliveriesTable {
  id: Generated<number>;
  document_id: number;
  how: 'printed' | 'sent';
  recorded_at: string;
  recorded_by: string | null;
}

/** 0012: an issued document's PDF as issued (電子帳簿保存法), with what the law asks to search it by. Append-only. */
export interface DocumentArchiveTable {
  document_id: number;
  kind: DocumentKind;
  number: string;
  /** JST date of issue (取引年月日). */
  issued_on: string;
  /** The document's total in integer yen (取引金額). */
  amount: number;
  member_id: number;
  /** The member's name as of the issue (取引先), and its search key (parties nameSearchKey). */
  counterparty: string;
  counterparty_key: string;
  /** Hex SHA-256 of the PDF bytes. */
  sha256: string;
  size: number;
  pdf_base64: string;
  archived_at: string;
}

/** 0012: one version of the account mapping for an accounting package's journal import. Append-only. */
export interface JournalMappingsTable {
  id: Generated<number>;
  target: 'yayoi' | 'freee' | 'moneyforward';
  version: number;
  /** JSON: per ledger account, the package's 勘定科目, 補助科目 and 税区分. */
  accounts: string;
  created_at: string;
  created_by: string | null;
}

/** 0013: an offline operation a desktop replayed, once per id, with the answer it got (core/api/apps/sync.ts). */
export interface SyncAppliedTable {
  /** The UUIDv7 the desktop made when the operation was queued. */
  operation_id: string;
  desktop_id: string;
  operator_login: string;
  operation: string;
  /** When the rep made it on the laptop (UTC ISO): the time it takes effect at. */
  made_at: string;
  applied_at: string;
  outcome: 'applied' | 'refused';
  /** The output (applied) or the refusal (code, params, message) as JSON, answered again to a replay. */
  answer: string;
}

/** 0013: a block of estimate numbers (prefix EST-YYYY, first..last) a desktop may use offline. */
export interface EstimateLeasesTable {
  id: Generated<number>;
  desktop_id: string;
  operator_login: string;
  prefix: string;
  first_value: number;
  last_value: number;
  leased_at: string;
}
