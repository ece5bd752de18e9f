// statistics: anonymous facts and counters of consultations, the dashboard's figures and exports.
export { repseudonymiseCase, syncBookingFact, syncRecordFact } from './facts';
export { needsBackfill, rebuildStatistics } from './rebuild';
