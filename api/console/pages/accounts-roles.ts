import { staffRoles, type StaffRole } from '../../../db/schema/index';

/** What each role may do, in the words the role menus show. */
export const roleLabels: Record<StaffRole, string> = {
  drafter: 'Drafter — writes drafts',
  publisher: 'Publisher — approves and publishes, edits components',
  admin: 'Admin — everything, including accounts and tokens',
  integration: 'Integration — the booking system: reads appointment changes only',
};

export const roleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));

/** A role posted by a form: only one of the listed ones, since a form can send anything. */
export const postedRole = (value: string): StaffRole | null => (staffRoles as readonly string[]).includes(value) ? (value as StaffRole) : null;

export const chooseRoleMessage = 'Choose one of the roles listed.';
