import type { FC } from 'hono/jsx';
import type { AppointmentService } from '../../../db/schema/index';
import type { OfficeDay } from '../../offices/office-days';
import { humanWord } from './components-form-input';
import type { CalendarMonth } from './offices-month';

const weekdays = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

/** What one day of one service says: open with places booked, or closed and why. */
function dayText(day: OfficeDay, service: AppointmentService): { text: string; closed: boolean; override: boolean } {
  const { capacity, booked, source } = day.services[service];
  const override = source === 'override';
  if (capacity === 0) {
    const why = override ? 'closure set by staff' : source === 'holiday' ? (day.holiday ?? 'public holiday') : source === 'weekend' ? 'weekend' : 'no places that weekday';
    return { text: `Closed: ${why}${booked > 0 ? `; ${booked} still booked` : ''}`, closed: true, override };
  }
  return { text: `${booked} of ${capacity} booked${override ? ' (set by staff)' : ''}${day.holiday ? `; ${day.holiday}` : ''}`, closed: false, override };
}

/** One month of one service at one office, as an accessible table (Monday first). */
export const OfficeMonthTable: FC<{ month: CalendarMonth; service: AppointmentService; days: Map<string, OfficeDay>; today: string }> = ({ month, service, days, today }) => (
  <div class="table-wrap">
    <table class="calendar">
      <caption>
        {month.label}: {humanWord(service)}
      </caption>
      <thead>
        <tr>
          {weekdays.map(([short, long]) => (
            <th scope="col" abbr={long}>
              {short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {month.weeks.map((week) => (
          <tr>
            {week.map((date) => {
              const day = date ? days.get(date) : undefined;
              if (!date || !day) return <td class="outside"></td>;
              const { text, closed, override } = dayText(day, service);
              return (
                <td class={[closed ? 'closed' : 'open', override ? 'override' : ''].filter(Boolean).join(' ')} aria-current={date === today ? 'date' : undefined}>
                  <span class="day">{Number(date.slice(8))}</span> <span class="day-text">{text}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
