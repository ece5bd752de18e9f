// booking: appointments with consultants — slots, holds, confirmation, changes, reminders, the JSON API.
export { addOverride } from './availability';
export { confirmBooking, holdBooking } from './commands';
export { mailBooking, mailConsultant } from './commands-mails';
export { ACTIVE, loadBooking } from './commands-shared';
export { ensureConsentTexts } from './consent';
export { seedDemoAvailability } from './demo';
export { bookFollowUp, type FollowUpFormat, followUpFrom, followUpSlots } from './follow-up';
export { releaseExpiredHolds, sendDueReminders } from './jobs';
export { applyCancel } from './manage';
export { bookingPaths } from './openapi';
export { getBookingSettings } from './settings';
export { listSlots } from './slots';
export type { OfferedSlot } from './slots';
export { bookOnBehalf, cancelByStaff, markAttendance } from './staff-commands';
