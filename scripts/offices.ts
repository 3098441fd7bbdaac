import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../api/config';
import { systemActor, type ActionContext } from '../api/auth/actor';
import { badRequest, DomainError } from '../api/domain-errors';
import { createOffice, getOffice, listOffices, updateOffice, type OfficeView } from '../api/offices/manage-offices';
import { listOfficeDays } from '../api/offices/office-days';
import { clearOfficeOverride, setOfficeOverride } from '../api/offices/office-overrides';
import { migrateDatabase, openDatabase, type Database } from '../db/client';
import { appointmentServices, type AppointmentService, type WeeklyCapacity } from '../db/schema/index';

const usage = `Usage: npm run offices -- <command>
  list                                          every office, its weekly capacity and overrides
  show CODE
  add CODE NAME APPLICATION_WEEK COLLECTION_WEEK [--address TEXT]
  set-capacity CODE SERVICE WEEK                WEEK: seven numbers Monday first, e.g. 300,300,300,300,250,0,0
  override CODE DATE SERVICE CAPACITY [--note]  0 closes the day; more opens it (e.g. a Saturday)
  clear-override CODE DATE SERVICE
  calendar CODE FROM TO                         open days, capacity and bookings per day
SERVICE is application or collection; dates are YYYY-MM-DD. Changes are audited (no token: the CLI).`;

function parseWeek(text: string | undefined): WeeklyCapacity {
  const days = (text ?? '').split(',').map(Number);
  if (days.length !== 7 || days.some((n) => !Number.isInteger(n) || n < 0)) throw badRequest(`"${text}" is not seven whole numbers, Monday first.`);
  return days as WeeklyCapacity;
}

function parseService(text: string | undefined): AppointmentService {
  if (!(appointmentServices as readonly (string | undefined)[]).includes(text)) throw badRequest(`Service must be ${appointmentServices.join(' or ')}.`);
  return text as AppointmentService;
}

function printOffice(office: OfficeView): void {
  console.log(`${office.code}  ${office.name}${office.address ? ` — ${office.address}` : ''}`);
  for (const service of appointmentServices) console.log(`  ${service.padEnd(11)} Mon–Sun ${office.capacity[service].join(' ')}`);
  for (const override of office.overrides) {
    console.log(`  override ${override.date} ${override.service}: ${override.capacity === 0 ? 'closed' : override.capacity}${override.note ? ` (${override.note})` : ''}`);
  }
}

async function run(db: Database, command: string | undefined, args: string[], options: { address?: string; note?: string }): Promise<void> {
  // A trusted command run by an operator: audited as the system, at the time it runs.
  const context: ActionContext = { now: new Date(), actor: systemActor };
  switch (command) {
    case 'list': {
      const { items: all } = await listOffices(db, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      if (all.length === 0) console.log('No offices yet; add one with: npm run offices -- add CODE NAME APPLICATION_WEEK COLLECTION_WEEK');
      for (const office of all) printOffice(office);
      return;
    }
    case 'show':
      return printOffice(await getOffice(db, args[0]));
    case 'add':
      return printOffice(await createOffice(db, { code: args[0], name: args[1], address: options.address, capacity: { application: parseWeek(args[2]), collection: parseWeek(args[3]) } }, context));
    case 'set-capacity':
      return printOffice(await updateOffice(db, args[0], { capacity: { [parseService(args[1])]: parseWeek(args[2]) } }, context));
    case 'override':
      return printOffice(await setOfficeOverride(db, { code: args[0], date: args[1], service: parseService(args[2]) }, { capacity: Number(args[3]), note: options.note }, context));
    case 'clear-override':
      return printOffice(await clearOfficeOverride(db, { code: args[0], date: args[1], service: parseService(args[2]) }, context));
    case 'calendar':
      for (const day of await listOfficeDays(db, args[0], args[1], args[2])) {
        const services = appointmentServices.map((s) => `${s} ${day.services[s].booked}/${day.services[s].capacity}`).join('  ');
        console.log(`${day.date}  ${day.open ? 'open  ' : 'closed'}  ${services}${day.holiday ? `  (${day.holiday})` : ''}`);
      }
      return;
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

/** The command line, or null after printing what is wrong with it (never a stack trace). */
function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { address: { type: 'string' }, note: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

const { values, positionals } = readArguments();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
try {
  const config = loadConfig();
  const connection = await openDatabase(config.database);
  await migrateDatabase(connection.db);
  try {
    await run(connection.db, positionals[0], positionals.slice(1), values);
  } finally {
    connection.close();
  }
} catch (error) {
  if (error instanceof DomainError || error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
