/**
 * Who may use the appointments pages: as the staff API's appointment operations (GET, import,
 * move are publisher and admin). Appointments hold applicants' names and emails, which drafters
 * never see, so drafters get the 403 page for all of them.
 */
export const appointmentEditors = ['publisher', 'admin'] as const;
