import { catalogue } from './define';

type P = Record<string, string | number>;
const minutesDe = (p: P) => (Number(p.minutes) === 1 ? '1 Minute' : `${p.minutes} Minuten`);
const minutesEn = (p: P) => (Number(p.minutes) === 1 ? '1 minute' : `${p.minutes} minutes`);

// Keys start with 'identity.' so catalogues never collide.
export default catalogue(
	{
		// Sign-in
		'identity.login.title': 'Anmelden',
		'identity.login.lead': 'Für Mitarbeitende der Regionalbüros und des Kompetenzzentrums.',
		'identity.login.email': 'E-Mail-Adresse',
		'identity.login.password': 'Passwort',
		'identity.login.submit': 'Anmelden',
		'identity.login.forgot': 'Passwort vergessen?',
		'identity.login.invalid': 'E-Mail-Adresse oder Passwort ist falsch.',
		'identity.login.throttled': (p: P) =>
			`Zu viele fehlgeschlagene Anmeldeversuche. Aus Sicherheitsgründen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in ${minutesDe(p)} erneut.`,
		'identity.login.notice.passwordChanged':
			'Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.',
		'identity.login.notice.inviteAccepted':
			'Ihr Passwort ist gespeichert. Melden Sie sich jetzt an – danach richten Sie die Bestätigung in zwei Schritten ein.',
		'identity.login.notice.loggedOut': 'Sie haben sich abgemeldet.',
		'identity.login.notice.expired': 'Die Anmeldung hat zu lange gedauert. Bitte melden Sie sich erneut an.',
		'identity.throttled': (p: P) =>
			`Zu viele Fehlversuche. Aus Sicherheitsgründen ist dieser Schritt vorübergehend gesperrt. Bitte versuchen Sie es in ${minutesDe(p)} erneut.`,
		'identity.cancel': 'Abbrechen und abmelden',
		'identity.titleError': 'Fehler: {title}',
		// Second factor
		'identity.totp.title': 'Code aus der Authenticator-App',
		'identity.totp.lead':
			'Öffnen Sie Ihre Authenticator-App und geben Sie den sechsstelligen Code für Kreativlotse ein.',
		'identity.totp.code': 'Sechsstelliger Code',
		'identity.totp.codeHint': 'Der Code wechselt alle 30 Sekunden.',
		'identity.totp.submit': 'Bestätigen',
		'identity.totp.invalid':
			'Dieser Code stimmt nicht oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App ein.',
		'identity.totp.format': 'Bitte geben Sie die sechs Ziffern aus Ihrer App ein.',
		'identity.recovery.title': 'Kein Zugriff auf die App?',
		'identity.recovery.lead':
			'Geben Sie einen Ihrer Wiederherstellungscodes ein. Jeder Code funktioniert nur einmal.',
		'identity.recovery.code': 'Wiederherstellungscode',
		'identity.recovery.codeHint': 'Zehn Zeichen, zum Beispiel ABCDE-23456.',
		'identity.recovery.submit': 'Mit Wiederherstellungscode anmelden',
		'identity.recovery.invalid': 'Dieser Wiederherstellungscode stimmt nicht oder wurde schon verwendet.',
		'identity.recovery.help':
			'Keine Codes mehr? Bitten Sie die Netzwerk-Administration im Kompetenzzentrum, Ihre Bestätigung in zwei Schritten zurückzusetzen.',
		// Enrolment
		'identity.enrol.title': 'Bestätigung in zwei Schritten einrichten',
		'identity.enrol.lead':
			'Zum Schutz der Beratungsdaten melden sich alle Mitarbeitenden mit Passwort und einem Code aus einer Authenticator-App an, zum Beispiel Aegis, FreeOTP, Google Authenticator oder Microsoft Authenticator.',
		'identity.enrol.scan.title': 'Schritt 1: App verbinden',
		'identity.enrol.scan': 'Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.',
		'identity.enrol.qrLabel': 'QR-Code zum Einrichten der Authenticator-App',
		'identity.enrol.manual':
			'Scannen klappt nicht? Geben Sie den Schlüssel in der App von Hand ein (zeitbasiert, 6 Ziffern, 30 Sekunden):',
		'identity.enrol.secret': 'Schlüssel',
		'identity.enrol.confirm.title': 'Schritt 2: Code bestätigen',
		'identity.enrol.confirm': 'Geben Sie den Code ein, den die App jetzt für Kreativlotse anzeigt.',
		'identity.enrol.submit': 'Einrichtung abschließen',
		'identity.enrol.start': 'Einrichtung beginnen',
		'identity.enrol.invalid':
			'Dieser Code stimmt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und geben Sie den aktuellen Code ein.',
		'identity.enrol.already': 'Die Bestätigung in zwei Schritten ist für Ihren Zugang bereits eingerichtet.',
		'identity.enrol.toCode': 'Weiter zur Code-Eingabe',
		'identity.enrol.done': 'Die Bestätigung in zwei Schritten ist eingerichtet. Sie sind angemeldet.',
		'identity.codes.title': 'Ihre Wiederherstellungscodes',
		'identity.codes.lead':
			'Bewahren Sie diese Codes sicher auf, zum Beispiel ausgedruckt oder in einem Passwortmanager. Mit jedem Code können Sie sich einmal anmelden, wenn Sie keinen Zugriff auf Ihre App haben. Die Codes werden nur jetzt angezeigt.',
		'identity.codes.continue': 'Ich habe die Codes gesichert – weiter',
		// Password reset
		'identity.forgot.title': 'Passwort vergessen',
		'identity.forgot.lead':
			'Geben Sie die E-Mail-Adresse Ihres Zugangs an. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.',
		'identity.forgot.submit': 'Link anfordern',
		'identity.forgot.sent':
			'Wenn die Adresse zu einem Zugang gehört, haben wir einen Link an sie gesendet. Er ist eine Stunde gültig. Bitte sehen Sie auch im Spam-Ordner nach.',
		'identity.forgot.throttled': (p: P) =>
			`Zu viele Anfragen. Bitte warten Sie ${minutesDe(p)} und versuchen Sie es dann erneut.`,
		'identity.backToLogin': 'Zurück zur Anmeldung',
		'identity.reset.title': 'Neues Passwort festlegen',
		'identity.reset.lead': 'Für den Zugang {email}.',
		'identity.reset.submit': 'Passwort speichern',
		'identity.reset.requestNew': 'Neuen Link anfordern',
		'identity.password.new': 'Neues Passwort',
		'identity.password.newHint':
			'Mindestens {min} Zeichen. Ein Satz aus mehreren Wörtern ist gut zu merken und sicher.',
		'identity.password.repeat': 'Neues Passwort wiederholen',
		'identity.password.mismatch': 'Die beiden Passwörter stimmen nicht überein.',
		'identity.link.expired.title': 'Dieser Link ist abgelaufen',
		'identity.link.used.title': 'Dieser Link wurde schon verwendet',
		'identity.link.invalid.title': 'Dieser Link ist ungültig',
		'identity.link.reset.expired':
			'Links zum Zurücksetzen des Passworts gelten eine Stunde. Bitte fordern Sie einen neuen an.',
		'identity.link.reset.used':
			'Jeder Link funktioniert nur einmal. Wenn Sie Ihr Passwort schon geändert haben, melden Sie sich damit an; sonst fordern Sie einen neuen Link an.',
		'identity.link.invalid.text':
			'Bitte prüfen Sie, ob Sie den Link vollständig aus der E-Mail übernommen haben.',
		'identity.link.invite.expired':
			'Einladungen gelten sieben Tage. Bitte bitten Sie die Netzwerk-Administration um eine neue Einladung.',
		'identity.link.invite.used':
			'Diese Einladung wurde schon angenommen. Melden Sie sich mit Ihrem Passwort an oder setzen Sie es zurück.',
		// Invitation
		'identity.invite.title': 'Willkommen bei Kreativlotse',
		'identity.invite.lead':
			'Guten Tag {name}, legen Sie ein Passwort für Ihren Zugang {email} fest. Bei der ersten Anmeldung richten Sie danach eine Authenticator-App ein.',
		'identity.invite.submit': 'Passwort festlegen',
		// Sign-out
		'identity.logout.title': 'Abmelden',
		'identity.logout.lead': 'Möchten Sie sich von Kreativlotse abmelden?',
		'identity.logout.submit': 'Jetzt abmelden',
		'identity.logout.notSignedIn': 'Sie sind nicht angemeldet.',
		// My account
		'identity.account.title': 'Mein Konto',
		'identity.account.name': 'Name',
		'identity.account.email': 'E-Mail-Adresse',
		'identity.account.offices': 'Büros',
		'identity.account.networkAdmin': 'Netzwerk-Administration',
		'identity.account.totp': 'Bestätigung in zwei Schritten',
		'identity.account.totpOn': 'eingerichtet am {date}',
		'identity.account.totpOff': 'nicht eingerichtet',
		'identity.account.codesLeft': 'Unbenutzte Wiederherstellungscodes',
		'identity.account.codesLow':
			'Ihnen bleiben nur noch wenige Wiederherstellungscodes. Bitte erzeugen Sie neue.',
		'identity.account.password.title': 'Passwort ändern',
		'identity.account.password.lead': 'Danach werden Sie auf allen anderen Geräten abgemeldet.',
		'identity.account.password.current': 'Aktuelles Passwort',
		'identity.account.password.submit': 'Passwort ändern',
		'identity.account.password.done': 'Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.',
		'identity.account.password.wrong': 'Das aktuelle Passwort stimmt nicht.',
		'identity.account.codes.title': 'Neue Wiederherstellungscodes',
		'identity.account.codes.lead':
			'Die bisherigen Codes werden dabei ungültig. Bestätigen Sie mit einem aktuellen Code aus Ihrer App.',
		'identity.account.codes.submit': 'Neue Codes erzeugen',
		'identity.account.codes.done': 'Neue Codes wurden erzeugt. Die bisherigen gelten nicht mehr.',
		// Mails
		'identity.mail.greeting': 'Guten Tag {name},',
		'identity.mail.reset.subject': 'Kreativlotse: Passwort zurücksetzen',
		'identity.mail.reset.body':
			'jemand – hoffentlich Sie – hat einen Link zum Zurücksetzen Ihres Passworts angefordert. Über den folgenden Link legen Sie ein neues Passwort fest. Der Link ist eine Stunde gültig und funktioniert nur einmal.',
		'identity.mail.reset.button': 'Neues Passwort festlegen',
		'identity.mail.reset.ignore':
			'Wenn Sie das nicht waren, können Sie diese Nachricht ignorieren. Ihr Passwort bleibt dann unverändert.',
		'identity.mail.invite.subject': 'Einladung zu Kreativlotse',
		'identity.mail.invite.body':
			'{invitedBy} hat für Sie einen Zugang zu Kreativlotse angelegt, der Plattform der Regionalbüros für die Kultur- und Kreativwirtschaft. Legen Sie über den folgenden Link Ihr Passwort fest. Bei der ersten Anmeldung richten Sie danach eine Authenticator-App für die Bestätigung in zwei Schritten ein.',
		'identity.mail.invite.button': 'Passwort festlegen',
		'identity.mail.invite.validity': 'Der Link ist sieben Tage gültig und funktioniert nur einmal.',
		'identity.mail.changed.subject': 'Kreativlotse: Ihr Passwort wurde geändert',
		'identity.mail.changed.body': 'das Passwort Ihres Zugangs zu Kreativlotse wurde soeben geändert.',
		'identity.mail.changed.notYou':
			'Wenn Sie das nicht waren, setzen Sie Ihr Passwort bitte sofort zurück und informieren Sie die Netzwerk-Administration im Kompetenzzentrum.',
		'identity.mail.changed.button': 'Passwort zurücksetzen'
	},
	{
		'identity.login.title': 'Sign in',
		'identity.login.lead': 'For staff of the regional offices and the competence centre.',
		'identity.login.email': 'E-mail address',
		'identity.login.password': 'Password',
		'identity.login.submit': 'Sign in',
		'identity.login.forgot': 'Forgot your password?',
		'identity.login.invalid': 'The e-mail address or the password is wrong.',
		'identity.login.throttled': (p: P) =>
			`Too many failed sign-in attempts. For your security, signing in is blocked for a while. Please try again in ${minutesEn(p)}.`,
		'identity.login.notice.passwordChanged': 'Your new password has been saved. Please sign in with it.',
		'identity.login.notice.inviteAccepted':
			'Your password has been saved. Sign in now – you will then set up two-step verification.',
		'identity.login.notice.loggedOut': 'You have signed out.',
		'identity.login.notice.expired': 'Signing in took too long. Please sign in again.',
		'identity.throttled': (p: P) =>
			`Too many failed attempts. For your security, this step is blocked for a while. Please try again in ${minutesEn(p)}.`,
		'identity.cancel': 'Cancel and sign out',
		'identity.titleError': 'Error: {title}',
		'identity.totp.title': 'Code from your authenticator app',
		'identity.totp.lead': 'Open your authenticator app and enter the six-digit code for Kreativlotse.',
		'identity.totp.code': 'Six-digit code',
		'identity.totp.codeHint': 'The code changes every 30 seconds.',
		'identity.totp.submit': 'Confirm',
		'identity.totp.invalid':
			'This code is wrong or has already been used. Please enter the current code from your app.',
		'identity.totp.format': 'Please enter the six digits from your app.',
		'identity.recovery.title': 'No access to the app?',
		'identity.recovery.lead': 'Enter one of your recovery codes. Each code works only once.',
		'identity.recovery.code': 'Recovery code',
		'identity.recovery.codeHint': 'Ten characters, for example ABCDE-23456.',
		'identity.recovery.submit': 'Sign in with a recovery code',
		'identity.recovery.invalid': 'This recovery code is wrong or has already been used.',
		'identity.recovery.help':
			'No codes left? Ask the network administration at the competence centre to reset your two-step verification.',
		'identity.enrol.title': 'Set up two-step verification',
		'identity.enrol.lead':
			'To protect advice data, all staff sign in with a password and a code from an authenticator app, for example Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator.',
		'identity.enrol.scan.title': 'Step 1: connect the app',
		'identity.enrol.scan': 'Scan this QR code with your authenticator app.',
		'identity.enrol.qrLabel': 'QR code for setting up the authenticator app',
		'identity.enrol.manual':
			'Scanning does not work? Enter this key in the app by hand (time-based, 6 digits, 30 seconds):',
		'identity.enrol.secret': 'Key',
		'identity.enrol.confirm.title': 'Step 2: confirm a code',
		'identity.enrol.confirm': 'Enter the code the app now shows for Kreativlotse.',
		'identity.enrol.submit': 'Finish setup',
		'identity.enrol.start': 'Start setup',
		'identity.enrol.invalid':
			'This code is wrong. Check that the time on your phone is correct and enter the current code.',
		'identity.enrol.already': 'Two-step verification is already set up for your account.',
		'identity.enrol.toCode': 'Continue to the code',
		'identity.enrol.done': 'Two-step verification is set up. You are signed in.',
		'identity.codes.title': 'Your recovery codes',
		'identity.codes.lead':
			'Keep these codes safe, for example printed or in a password manager. Each code signs you in once if you cannot use your app. The codes are shown only now.',
		'identity.codes.continue': 'I have saved the codes – continue',
		'identity.forgot.title': 'Forgot your password',
		'identity.forgot.lead':
			'Enter the e-mail address of your account. We will send you a link to set a new password.',
		'identity.forgot.submit': 'Request link',
		'identity.forgot.sent':
			'If the address belongs to an account, we have sent a link to it. It is valid for one hour. Please also check your spam folder.',
		'identity.forgot.throttled': (p: P) => `Too many requests. Please wait ${minutesEn(p)} and try again.`,
		'identity.backToLogin': 'Back to sign-in',
		'identity.reset.title': 'Set a new password',
		'identity.reset.lead': 'For the account {email}.',
		'identity.reset.submit': 'Save password',
		'identity.reset.requestNew': 'Request a new link',
		'identity.password.new': 'New password',
		'identity.password.newHint':
			'At least {min} characters. A sentence of several words is easy to remember and secure.',
		'identity.password.repeat': 'Repeat the new password',
		'identity.password.mismatch': 'The two passwords do not match.',
		'identity.link.expired.title': 'This link has expired',
		'identity.link.used.title': 'This link has already been used',
		'identity.link.invalid.title': 'This link is not valid',
		'identity.link.reset.expired': 'Password reset links are valid for one hour. Please request a new one.',
		'identity.link.reset.used':
			'Each link works only once. If you have already changed your password, sign in with it; otherwise request a new link.',
		'identity.link.invalid.text': 'Please check that you copied the complete link from the e-mail.',
		'identity.link.invite.expired':
			'Invitations are valid for seven days. Please ask the network administration for a new invitation.',
		'identity.link.invite.used':
			'This invitation has already been accepted. Sign in with your password or reset it.',
		'identity.invite.title': 'Welcome to Kreativlotse',
		'identity.invite.lead':
			'Hello {name}, please set a password for your account {email}. At your first sign-in you will then set up an authenticator app.',
		'identity.invite.submit': 'Set password',
		'identity.logout.title': 'Sign out',
		'identity.logout.lead': 'Do you want to sign out of Kreativlotse?',
		'identity.logout.submit': 'Sign out now',
		'identity.logout.notSignedIn': 'You are not signed in.',
		'identity.account.title': 'My account',
		'identity.account.name': 'Name',
		'identity.account.email': 'E-mail address',
		'identity.account.offices': 'Offices',
		'identity.account.networkAdmin': 'Network administration',
		'identity.account.totp': 'Two-step verification',
		'identity.account.totpOn': 'set up on {date}',
		'identity.account.totpOff': 'not set up',
		'identity.account.codesLeft': 'Unused recovery codes',
		'identity.account.codesLow': 'You have only a few recovery codes left. Please create new ones.',
		'identity.account.password.title': 'Change password',
		'identity.account.password.lead': 'You will then be signed out on all other devices.',
		'identity.account.password.current': 'Current password',
		'identity.account.password.submit': 'Change password',
		'identity.account.password.done': 'Your password has been changed. All other sessions have been ended.',
		'identity.account.password.wrong': 'The current password is wrong.',
		'identity.account.codes.title': 'New recovery codes',
		'identity.account.codes.lead':
			'Your previous codes will stop working. Confirm with a current code from your app.',
		'identity.account.codes.submit': 'Create new codes',
		'identity.account.codes.done': 'New codes have been created. The previous ones no longer work.',
		'identity.mail.greeting': 'Hello {name},',
		'identity.mail.reset.subject': 'Kreativlotse: reset your password',
		'identity.mail.reset.body':
			'Someone – hopefully you – asked for a link to reset your password. Use the link below to set a new password. It is valid for one hour and works only once.',
		'identity.mail.reset.button': 'Set a new password',
		'identity.mail.reset.ignore':
			'If this was not you, you can ignore this message. Your password stays unchanged.',
		'identity.mail.invite.subject': 'Invitation to Kreativlotse',
		'identity.mail.invite.body':
			'{invitedBy} has created an account for you on Kreativlotse, the platform of the regional offices for the cultural and creative industries. Use the link below to set your password. At your first sign-in you will then set up an authenticator app for two-step verification.',
		'identity.mail.invite.button': 'Set password',
		'identity.mail.invite.validity': 'The link is valid for seven days and works only once.',
		'identity.mail.changed.subject': 'Kreativlotse: your password was changed',
		'identity.mail.changed.body': 'The password of your Kreativlotse account has just been changed.',
		'identity.mail.changed.notYou':
			'If this was not you, please reset your password at once and inform the network administration at the competence centre.',
		'identity.mail.changed.button': 'Reset password'
	}
);
