import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client';
import { systemActor } from '../../api/auth/actor';
import { createStaffAccount } from '../../api/staff/create-staff-account';

export type DemoSignIn = { role: 'drafter' | 'publisher'; name: string; email: string; password: string };

/**
 * Two colleagues, so a newcomer can try four-eyes in the console: one drafts, the other approves
 * and publishes. Passwords are random and printed once at the first start; the demo never loads
 * in production.
 */
export async function seedDemoStaff(db: Database, now: Date): Promise<DemoSignIn[]> {
  const people = [
    { role: 'drafter', name: 'Wanjiru Kamau (demo drafter)', email: 'drafter@demo.example' },
    { role: 'publisher', name: 'Otieno Ouma (demo publisher)', email: 'publisher@demo.example' },
  ] as const;
  const signIns: DemoSignIn[] = [];
  for (const person of people) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    await createStaffAccount(db, { ...person, password }, { now, actor: systemActor });
    signIns.push({ ...person, password });
  }
  return signIns;
}
