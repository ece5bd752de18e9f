/**
 * The booking use cases, one file each (ARCHITECTURE-GUIDE: split past ~400 lines):
 * hold.ts (public hold, shared slot-taking core), confirm.ts (double opt-in), manage.ts
 * (creative's cancel and move, new links), staff-commands.ts (on behalf, cancel, move,
 * attendance), jobs.ts (hold expiry, reminders). Import from here.
 */
export { confirmBooking, type ConfirmResult } from './confirm';
export {
	CONCERN_MAX,
	type HoldInput,
	type HoldResult,
	holdBooking,
	holdRequestHash,
	type IntakeInput,
	type PublicHoldResult,
	requestBooking
} from './hold';
export { releaseExpiredHolds, sendDueReminders } from './jobs';
export {
	type ChangeResult,
	cancelByCreative,
	type LinkRequestResult,
	type NewSlot,
	rescheduleByCreative,
	sendBookingLinks
} from './manage';
export {
	bookOnBehalf,
	cancelByStaff,
	markAttendance,
	moveByStaff,
	onBehalfSlotFree,
	type StaffChangeResult
} from './staff-commands';
