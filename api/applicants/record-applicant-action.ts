import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { ApplicantActionKind } from '../../db/schema/index';
import { loggableError } from '../logging/loggable-error';

export type ApplicantVisit = { incidentId: string; reference: string; action: Exclude<ApplicantActionKind, 'chose_date'>; now: Date };

/**
 * Notes that applicants opened their link or looked their appointment up, once per applicant,
 * incident and kind, for the staff counts. A visit is held in memory and written with the others
 * of the last second in one statement, so the lookup itself never writes: it never waits for the
 * write lock a delivery worker holds, and with the local driver that wait would stop every other
 * request of the process too. Staff reads call `flush()` first, and the server flushes when it
 * stops; a crash can lose the last second of counts, never an appointment. Choices are recorded by
 * chooseAnotherDate inside its own transaction.
 */
export type ApplicantVisitRecorder = {
  note: (visit: ApplicantVisit) => void;
  /** Writes what is held; resolves once it is in the database. */
  flush: () => Promise<void>;
  /** Stops the timer and writes what is held (the server stopping). */
  close: () => Promise<void>;
};

export type ApplicantVisitRecorderOptions = {
  /** How long a visit may wait before it is written. */
  flushMs?: number;
  /** Visits held at most (only right pairs and valid links add any); reaching it writes them at once. */
  maxHeld?: number;
  log?: (line: string) => void;
};

type HeldVisit = [incidentId: string, action: string, reference: string, at: string];

async function writeVisits(db: Database, visits: HeldVisit[]): Promise<void> {
  // One statement for any number of visits; a visit already recorded (or whose incident is gone) adds nothing.
  await db.run(sql`
    INSERT INTO applicant_actions (incident_id, action, reference, at)
    SELECT v.value ->> '$[0]', v.value ->> '$[1]', v.value ->> '$[2]', v.value ->> '$[3]'
    FROM json_each(${JSON.stringify(visits)}) AS v
    WHERE EXISTS (SELECT 1 FROM incidents WHERE incidents.id = v.value ->> '$[0]')
      AND EXISTS (SELECT 1 FROM appointments WHERE appointments.reference = v.value ->> '$[2]')
      AND NOT EXISTS (SELECT 1 FROM applicant_actions AS a
        WHERE a.incident_id = v.value ->> '$[0]' AND a.action = v.value ->> '$[1]' AND a.reference = v.value ->> '$[2]')`);
}

export function createApplicantVisitRecorder(db: Database, options: ApplicantVisitRecorderOptions = {}): ApplicantVisitRecorder {
  const flushMs = options.flushMs ?? 1_000;
  const maxHeld = options.maxHeld ?? 10_000;
  const log = options.log ?? ((line: string) => console.error(line));
  let held = new Map<string, HeldVisit>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const visits = [...held.values()];
    held = new Map();
    // One write at a time, in order, so a flush resolves only after every earlier visit is written.
    writing = writing.then(async () => {
      if (visits.length === 0) return;
      try {
        await writeVisits(db, visits);
      } catch (error) {
        log(`applicant visits: ${visits.length} not recorded (${loggableError(error)})`);
      }
    });
    return writing;
  }

  return {
    note(visit) {
      const key = `${visit.incidentId}\u0000${visit.action}\u0000${visit.reference}`;
      if (!held.has(key)) held.set(key, [visit.incidentId, visit.action, visit.reference, visit.now.toISOString()]);
      if (held.size >= maxHeld) void flush();
      else if (!timer) (timer = setTimeout(() => void flush(), flushMs)).unref();
    },
    flush,
    close: flush,
  };
}
