// messages: messages and files between a creative and their consultant, with answer-time reminders.
export type { AttachmentInput, SendResult } from './commands';
export { sendStepReminders } from './jobs';
export { eraseMessages, exportMessages } from './privacy';
export { staffNoticeRecipient } from './staff-notice';
