// reference: reference data — Länder, offices, sub-markets, topics, stages, postcodes.
export { CANCEL_REASONS, cancelReasonOf } from './cancel-reasons';
export type { CancelReason } from './cancel-reasons';
export { referencePaths } from './openapi';
export {
	activeChoices,
	getOfficeByKey,
	landChoices,
	landName,
	listLaender,
	listOffices,
	listStages,
	listSubmarkets,
	listTopics,
	officesForLand,
	referenceChoices
} from './queries';
export type { Office } from './queries';
export { LAND_ISOS } from './schema';
export { seedReferenceData } from './seed';
export { referenceData } from './seed-data';
