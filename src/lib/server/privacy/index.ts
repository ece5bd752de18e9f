// privacy: export and erasure of a person's data, retention, consents, sensitive free text.
export { checkFreeText } from './free-text-guard';
export { retentionJob } from './retention-job';
export { RetentionConfigError, retentionPeriods } from './retention-rules';
export type { SensitiveKind } from './sensitive-text';
