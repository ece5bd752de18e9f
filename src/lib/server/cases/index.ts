// cases: accompaniment of a creative — cases, consultation records, steps, the timeline.
export { auditActorOf } from './case-actor';
export type { CaseActor, CaseRequest } from './case-actor';
export { closeCase, setCaseStatus } from './case-commands';
export { addCaseEvent } from './case-events';
export { auditCase, withCase } from './commands-shared';
export { caseFor, loadCase } from './load';
export type { CaseRecord } from './load';
export { ensureCaseForBooking } from './open';
export { recordConsultation } from './record';
export { dueAfterContact } from './rhythm-rules';
export { getCaseSettings } from './settings';
export { closeIfNoTalk, mayBookFollowUp } from './talks';
