// directory: further contact points (Open Referral HSDS 3) — seed, search, staff edits, import and export.
export { directoryPaths } from './openapi';
export { getContactPoint, listContactPoints } from './queries';
export type { ContactPoint } from './queries';
export type { ContactPointKind } from './schema';
export { seedDirectory } from './seed';
