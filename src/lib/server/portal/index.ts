// portal: the creative's portal — magic-link sign-in, my bookings, my plan.
export { creativeAuditActor } from './login';
export { myCaseQuery, myCasesQuery } from './my-cases';
