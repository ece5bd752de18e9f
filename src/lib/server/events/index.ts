// events: events and registrations — life cycle, places, waiting list, feeds, JSON-LD.
export { finishPastEvents, runEventJobs, sendFollowUps } from './jobs';
export { eventRegistrationsForTimeline, eventsForCreativeEmail } from './journey';
export { jsonLdScript } from './json-ld';
export { eventPaths } from './openapi';
export { anonymiseRegistrations, eraseEventRegistrations, exportEventRegistrations } from './privacy';
export { actAsRegistrant, registerForEvent } from './register';
export { WAITLIST_CONFIRM_MS } from './rules';
export type { EventInput } from './schema';
export { createEvent, markAttendance, publishEvent } from './staff';
export type { EventStaff } from './staff';
export { REGISTRATION_AUDIT_ACTIONS } from './registration-audit';
