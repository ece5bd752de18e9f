export type { Actor, StaffPrincipal, PendingStaff, Membership } from '../identity/principal';
