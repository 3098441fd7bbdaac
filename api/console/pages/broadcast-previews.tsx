import type { FC } from 'hono/jsx';
import type { ComponentRow } from '../../../db/schema/index';
import { pickStrings, type Language } from '../../../site/i18n/strings';
import type { DraftPreview } from '../../incidents/preview-draft';
import { nairobiDayLabel } from './nairobi-time';

/** An X post's public address; works without knowing the account's handle. */
export const xPostUrl = (postId: string) => `https://x.com/i/web/status/${postId}`;

const StatusCard: FC<{ preview: DraftPreview; language: Language; components: ComponentRow[] }> = ({ preview, language, components }) => {
  const strings = pickStrings(language);
  const { incident, update } = preview;
  const name = language === 'sw' ? incident.nameSw || incident.name : incident.name;
  const body = language === 'sw' ? update.bodySw || update.body : update.body;
  const affected = components.filter((component) => preview.components[component.id]);
  return (
    <article class="card public-card" lang={language}>
      <h4>{name}</h4>
      <p>
        <strong>{strings.incidentStatus[incident.status]}</strong> · {strings.impact[incident.impact]}
      </p>
      <p class="pre">{body}</p>
      {affected.length ? (
        <ul>
          {affected.map((component) => (
            <li>
              {language === 'sw' ? component.nameSw || component.name : component.name}: {strings.componentStatus[preview.components[component.id]]}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="meta">
        {strings.expectedRestoration}: {incident.expectedRestoration ?? strings.restorationUnknown}
      </p>
    </article>
  );
};

/**
 * What publishing would send, as each audience gets it: the status page card in both languages,
 * the X post with its weight and place in the thread, an applicant email in English and Swahili,
 * and the appointments it moves. Emails carry a placeholder applicant, never a real person's name
 * or address, the same as the API's preview.
 */
export const BroadcastPreviews: FC<{ preview: DraftPreview; components: ComponentRow[] }> = ({ preview, components }) => {
  const { x, emails, reschedule } = preview.broadcast;
  return (
    <div class="previews">
      <h2>What the public will see</h2>
      <h3>Status page</h3>
      <StatusCard preview={preview} language="en" components={components} />
      <StatusCard preview={preview} language="sw" components={components} />

      <h3>X post</h3>
      <p class="pre card">{x.text}</p>
      <p class={x.valid ? 'meta' : 'field-error'}>
        Weighted length {x.weightedLength} of {x.maxWeightedLength}
        {x.valid ? '' : `: ${x.weightedLength - x.maxWeightedLength} too long, shorten the X text`}
      </p>
      <p class="meta">
        {x.isReply ? (
          x.inReplyToPostId ? (
            <>
              A reply in the incident's thread, to <a href={xPostUrl(x.inReplyToPostId)}>the previous post</a>.
            </>
          ) : (
            'A reply in the incident’s thread, to the previous post (still waiting to be sent).'
          )
        ) : (
          'Starts the incident’s thread on X.'
        )}
      </p>

      <h3>Appointments moved</h3>
      <p>
        <strong>{reschedule.affected}</strong> affected appointment{reschedule.affected === 1 ? '' : 's'}; <strong>{reschedule.waitingOver21Days}</strong> would wait
        more than 21 days; {reschedule.unplaced} without a new date
        {reschedule.expectedRestoration ? '' : ' (no restoration day yet: they get a date once you give one)'}.
      </p>
      {reschedule.offices.length ? (
        <div class="table-wrap">
          <table>
            <caption class="vh">Affected appointments per office and service</caption>
            <thead>
              <tr>
                <th scope="col">Office</th>
                <th scope="col">Service</th>
                <th scope="col">Affected</th>
                <th scope="col">First new date</th>
                <th scope="col">Last new date</th>
              </tr>
            </thead>
            <tbody>
              {reschedule.offices.map((row) => (
                <tr>
                  <td>{row.office}</td>
                  <td>{row.service}</td>
                  <td>{row.count}</td>
                  <td>{row.firstNewDate ? nairobiDayLabel(row.firstNewDate) : '—'}</td>
                  <td>{row.lastNewDate ? nairobiDayLabel(row.lastNewDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3>Applicant email</h3>
      {(['en', 'sw'] as const).map((language) => (
        <section class="card" lang={language} aria-label={language === 'en' ? 'Email in English' : 'Email in Swahili'}>
          <p>
            <strong>{emails[language].subject}</strong>
          </p>
          <pre class="email">{emails[language].text}</pre>
        </section>
      ))}
      <p class="meta">Each applicant gets their own name, office and dates; this sample shows a placeholder applicant.</p>
    </div>
  );
};
