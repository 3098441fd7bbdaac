import { describe, expect, it } from 'vitest';
import { createCalendarToken, readCalendarToken } from '../../api/broadcast/messages/calendar-token';
import { renderApplicantEmail, type ApplicantEmailInput } from '../../api/broadcast/messages/render-applicant-email';

const input: ApplicantEmailInput = {
  language: 'en',
  fullName: 'Wanjiru <b>Kamau</b>',
  reference: 'NYH-2026-000123',
  service: 'application',
  oldDate: '2026-11-26',
  newDate: '2026-12-01',
  office: { name: 'Nyayo House', address: 'Kenyatta Avenue / Uhuru Highway, Nairobi' },
  incidentName: 'Passport services unavailable',
  incidentUrl: 'https://status.example.go.ke/incidents/abc/',
  calendarUrl: 'https://status.example.go.ke/calendar/token.ics',
  senderName: 'Immigration Services',
};

describe('applicant email', () => {
  it('tells an English reader what happened, the old and new date, the office, what to bring, the reference and the links', () => {
    const email = renderApplicantEmail(input);
    expect(email.subject).toBe('Your passport appointment has moved to Tuesday, 1 December 2026 (ref. NYH-2026-000123)');
    for (const part of [
      'We are sorry to tell you',
      'Thursday, 26 November 2026',
      'Tuesday, 1 December 2026',
      'Nyayo House',
      'Kenyatta Avenue / Uhuru Highway, Nairobi',
      'printed application form',
      'birth certificate',
      'passport photos',
      'NYH-2026-000123',
      input.incidentUrl,
      input.calendarUrl,
    ]) {
      expect(email.text).toContain(part);
      expect(email.html).toContain(part.replace(/&/g, '&amp;'));
    }
  });

  it('writes to a Swahili reader in Swahili, with Swahili dates', () => {
    const email = renderApplicantEmail({ ...input, language: 'sw' });
    expect(email.subject).toContain('Miadi yako ya pasipoti imehamishiwa Jumanne, 1 Desemba 2026');
    expect(email.text).toContain('Tunasikitika kukujulisha');
    expect(email.text).toContain('Alhamisi, 26 Novemba 2026');
    expect(email.text).toContain('Tunaomba radhi');
    expect(email.text).toContain('fomu yako ya maombi iliyochapishwa');
    expect(email.html).toContain('<html lang="sw">');
  });

  it('lists what to bring for a collection', () => {
    const email = renderApplicantEmail({ ...input, service: 'collection' });
    expect(email.text).toContain('your old passport');
    expect(email.text).toContain('collection receipt');
    expect(email.text).not.toContain('application form');
  });

  it('isolates the name and staff text, without their direction overrides, in the HTML and the text', () => {
    const RLO = '\u202E';
    const email = renderApplicantEmail({
      ...input,
      fullName: `Amina ${RLO}ilA`,
      incidentName: `Outage ${RLO}until 12/01`,
      office: { name: `Nyayo ${RLO}House`, address: `Kenyatta ${RLO}Avenue\u2066` },
    });
    expect(email.text).toContain('Dear \u2068Amina ilA\u2069,');
    expect(email.text).toContain('at \u2068Nyayo House\u2069 on Thursday, 26 November 2026 cannot go ahead');
    expect(email.text).toContain('disruption to our services: \u2068Outage until 12/01\u2069.');
    expect(email.text).toContain('Tuesday, 1 December 2026, at \u2068Nyayo House\u2069.');
    expect(email.text).toContain('Address: \u2068Kenyatta Avenue\u2069');
    expect(email.html).toContain('<p>Dear <bdi>Amina ilA</bdi>,</p>');
    expect(email.html).toContain('at <bdi>Nyayo House</bdi> on Thursday, 26 November 2026 cannot go ahead');
    expect(email.html).toContain('our services: <bdi>Outage until 12/01</bdi>.');
    expect(email.html).toContain('<br><bdi>Nyayo House</bdi><br><bdi>Kenyatta Avenue</bdi></p>');
    for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/[\u202A-\u202E\u2066\u2067]/);
    // HTML isolates with elements; no isolate characters are left over in it.
    expect(email.html).not.toMatch(/[\u2068\u2069]/);
  });

  it('escapes what it puts into HTML', () => {
    const email = renderApplicantEmail(input);
    expect(email.html).toContain('Wanjiru &lt;b&gt;Kamau&lt;/b&gt;');
    expect(email.html).not.toContain('<b>Kamau');
  });
});

describe('calendar token', () => {
  it('opens with the same secret and reveals nothing by itself', () => {
    const token = createCalendarToken({ reference: 'NYH-2026-000123', moveId: 42 }, 'secret');
    expect(readCalendarToken(token, 'secret')).toEqual({ reference: 'NYH-2026-000123', moveId: 42 });
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('NYH');
    expect(token).not.toContain('NYH');
  });

  it('does not open when altered or made under another secret', () => {
    const token = createCalendarToken({ reference: 'NYH-2026-000123', moveId: 42 }, 'secret');
    const altered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(readCalendarToken(altered, 'secret')).toBeNull();
    expect(readCalendarToken(token, 'another secret')).toBeNull();
    expect(readCalendarToken('short', 'secret')).toBeNull();
  });
});
