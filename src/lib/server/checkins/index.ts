// checkins: check-in mails when a case's next contact is due, their answers and closure feedback.
export { answerCheckIn, inspectCheckIn } from './answer';
export { queueFeedbackMail, submitFeedback } from './feedback';
export { sendDueCheckIns } from './send';
