// visibility: opt-in public profiles of creatives, decision makers' requests, brokered introductions.
export {
	introductionsForTimeline,
	proposeIntroduction,
	respondToIntroduction,
	staffIntroductionAction,
	visibilityFigures
} from './introductions';
export { runOpenForProjectsJobs } from './jobs';
export { moderateProfile } from './moderation';
export { profilePaths } from './openapi';
export { eraseDecisionMakerRows, eraseVisibility, exportVisibility } from './privacy';
export { publishProfile, saveProfile, setProfileImage } from './profiles';
export { confirmRequest, expressInterest, moderateRequest, submitRequest } from './requests';
