export type {
	Actor,
	CreativePrincipal,
	StaffPrincipal,
	PendingStaff,
	Membership
} from '../identity/index';
