// notifications: the mail outbox — enqueue in the transaction, render, deliver over SMTP.
export { deliverDue, releaseClaims } from './deliver';
export type { MailTransport } from './deliver';
export { databaseMailHeaderContext } from './mail-headers';
export { enqueueMail, isDeliverableAddress } from './outbox';
export type { OutgoingMail } from './outbox';
export type { MailViewer } from './queries';
export { renderMail } from './render';
export type { MailBlock, RenderedMail } from './render';
export { smtpTransport } from './smtp-transport';
