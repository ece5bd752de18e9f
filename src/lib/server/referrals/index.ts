// referrals: referrals to contact points from a consultation, their outcomes and follow-up mail.
export { createReferrals, updateReferralStatusByToken } from './commands';
export { sendDueReferralFollowups } from './followup';
export { referralsForCase, suggestContactPoints } from './queries';
export { REFERRAL_STATUSES } from './rules';
