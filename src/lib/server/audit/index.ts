// audit: the audit trail — append a row in the caller's transaction, the admin's view of the log.
export { recordAudit, recordOfficeAudit, systemActor } from './record';
export type { AuditActor, AuditEntry } from './record';
