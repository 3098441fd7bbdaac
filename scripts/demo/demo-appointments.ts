import type { Database } from '../../db/client';
import { appointments, appointmentServices, type AppointmentRow } from '../../db/schema/index';
import { addDays, daysBetween } from '../../api/offices/nairobi-days';
import { loadOfficeCapacity } from '../../api/offices/office-capacity';

export const demoAppointmentOffices = ['NYH', 'MSA', 'KSM', 'ELD', 'NKR'] as const;

const givenNames = ['Wanjiru', 'Otieno', 'Achieng', 'Kamau', 'Njeri', 'Mwangi', 'Chebet', 'Kiprop', 'Amina', 'Hassan', 'Wairimu', 'Omondi', 'Nafula', 'Barasa', 'Zawadi', 'Mutua'];
const familyNames = ['Kariuki', 'Odhiambo', 'Wekesa', 'Njoroge', 'Kiptoo', 'Mohamed', 'Atieno', 'Muthoni', 'Kilonzo', 'Ochieng', 'Jeptoo', 'Ali', 'Maina', 'Wafula'];

/** A small seeded generator (mulberry32): the same seed gives the same applicants on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Deterministic sample appointments for the demo offices (NYH, MSA, KSM, ELD, NKR; whichever
 * exist), both services, on every open day from `from` to `to` inclusive: `fillRatio` of each
 * day's capacity (default 10%, a few thousand in six weeks), never more than the day allows.
 * References look like `NYH-A-260601-007`; emails use the reserved example.com domain. Running it
 * again inserts nothing new.
 */
export async function seedDemoAppointments(
  db: Database,
  options: { from: string; to: string; fillRatio?: number; seed?: number },
): Promise<{ inserted: number }> {
  const fillRatio = options.fillRatio ?? 0.1;
  const random = seededRandom(options.seed ?? 2026);
  const officeCapacity = await loadOfficeCapacity(db, [...demoAppointmentOffices]);
  const rows: (typeof appointments.$inferInsert)[] = [];
  const span = daysBetween(options.from, options.to);
  for (let offset = 0; offset <= span; offset++) {
    const day = addDays(options.from, offset);
    for (const office of demoAppointmentOffices) {
      if (!officeCapacity.hasOffice(office)) continue;
      for (const service of appointmentServices) {
        const capacity = officeCapacity.capacityOn(office, service, day);
        const count = Math.min(capacity, Math.round(capacity * fillRatio));
        for (let n = 1; n <= count; n++) {
          const given = givenNames[Math.floor(random() * givenNames.length)];
          const family = familyNames[Math.floor(random() * familyNames.length)];
          const reference = `${office}-${service === 'application' ? 'A' : 'C'}-${day.slice(2).replaceAll('-', '')}-${String(n).padStart(3, '0')}`;
          rows.push({
            reference,
            fullName: `${given} ${family}`,
            email: `${given}.${family}.${reference.slice(-10).replaceAll('-', '')}@example.com`.toLowerCase(),
            language: random() < 0.4 ? 'sw' : 'en',
            service,
            officeCode: office,
            appointmentDate: day,
          } satisfies Partial<AppointmentRow>);
        }
      }
    }
  }
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const written = await db.insert(appointments).values(rows.slice(start, start + 500)).onConflictDoNothing().returning({ reference: appointments.reference });
    inserted += written.length;
  }
  return { inserted };
}
