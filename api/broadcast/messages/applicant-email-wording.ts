import type { AppointmentLanguage, AppointmentService } from '../../../db/schema/index';

/** What an applicant's email says, in one language; render-applicant-email.ts lays it out. */
export type ApplicantEmailWording = {
  subject: (newDate: string, reference: string) => string;
  greeting: (fullName: string) => string;
  apology: (officeName: string, oldDate: string, incidentName: string) => string;
  sorry: string;
  newAppointmentHeading: string;
  newAppointment: (newDate: string, officeName: string) => string;
  addressLabel: string;
  bringHeading: string;
  bring: Record<AppointmentService, string[]>;
  referenceLabel: string;
  incidentLink: string;
  calendarLink: string;
  chooseDateLink: string;
  nothingToDo: string;
  signOff: string;
  calendarSummary: (service: AppointmentService, officeName: string) => string;
};

const english: ApplicantEmailWording = {
  subject: (newDate, reference) => `Your passport appointment has moved to ${newDate} (ref. ${reference})`,
  greeting: (fullName) => `Dear ${fullName},`,
  apology: (officeName, oldDate, incidentName) =>
    `We are sorry to tell you that your appointment at ${officeName} on ${oldDate} cannot go ahead because of a disruption to our services: ${incidentName}.`,
  sorry: 'We apologise for the inconvenience this causes you.',
  newAppointmentHeading: 'Your new appointment',
  newAppointment: (newDate, officeName) => `${newDate}, at ${officeName}.`,
  addressLabel: 'Address',
  bringHeading: 'Please bring',
  bring: {
    application: [
      'your printed application form',
      'your original national ID card, or your birth certificate',
      'passport photos, as required for your application',
    ],
    collection: ['your old passport', 'your original national ID card', 'your collection receipt or notification'],
  },
  referenceLabel: 'Your reference',
  incidentLink: 'What happened and the latest news',
  calendarLink: 'Add the new date to your calendar',
  chooseDateLink: 'Cannot come that day? Choose another date',
  nothingToDo: 'You do not need to reply to this email or book again: your new appointment is confirmed.',
  signOff: 'With our apologies,',
  calendarSummary: (service, officeName) =>
    `Passport ${service === 'application' ? 'application' : 'collection'} appointment, ${officeName}`,
};

const swahili: ApplicantEmailWording = {
  subject: (newDate, reference) => `Miadi yako ya pasipoti imehamishiwa ${newDate} (kumb. ${reference})`,
  greeting: (fullName) => `Mpendwa ${fullName},`,
  apology: (officeName, oldDate, incidentName) =>
    `Tunasikitika kukujulisha kwamba miadi yako katika ${officeName} ya tarehe ${oldDate} haitaweza kufanyika kutokana na hitilafu iliyoathiri huduma zetu: ${incidentName}.`,
  sorry: 'Tunaomba radhi kwa usumbufu huu.',
  newAppointmentHeading: 'Miadi yako mpya',
  newAppointment: (newDate, officeName) => `${newDate}, katika ${officeName}.`,
  addressLabel: 'Anwani',
  bringHeading: 'Tafadhali njoo na',
  bring: {
    application: [
      'fomu yako ya maombi iliyochapishwa',
      'kitambulisho chako halisi cha taifa, au cheti chako cha kuzaliwa',
      'picha za pasipoti, kama inavyohitajika kwa maombi yako',
    ],
    collection: ['pasipoti yako ya zamani', 'kitambulisho chako halisi cha taifa', 'risiti au ujumbe wako wa kuchukua pasipoti'],
  },
  referenceLabel: 'Nambari yako ya kumbukumbu',
  incidentLink: 'Kilichotokea na habari za hivi punde',
  calendarLink: 'Ongeza tarehe mpya kwenye kalenda yako',
  chooseDateLink: 'Hutaweza kuja siku hiyo? Chagua tarehe nyingine',
  nothingToDo: 'Huna haja ya kujibu barua pepe hii wala kuweka miadi upya: miadi yako mpya imethibitishwa.',
  signOff: 'Kwa dhati, na radhi zetu,',
  calendarSummary: (service, officeName) =>
    `Miadi ya ${service === 'application' ? 'kuwasilisha maombi ya' : 'kuchukua'} pasipoti, ${officeName}`,
};

export const applicantEmailWording: Record<AppointmentLanguage, ApplicantEmailWording> = { en: english, sw: swahili };

/** Long dates as applicants read them, e.g. "Tuesday, 1 December 2026" / "Jumanne, 1 Desemba 2026". */
export function formatAppointmentDate(date: string, language: AppointmentLanguage): string {
  const key = `${language}${date}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    // A fan-out formats the same few hundred dates 200,000 times; the memo is bounded all the same.
    if (formattedDates.size >= maxFormattedDates) formattedDates.clear();
    formatted = longDateFormats[language].format(new Date(`${date}T12:00:00Z`));
    formattedDates.set(key, formatted);
  }
  return formatted;
}

const maxFormattedDates = 4_096;
const formattedDates = new Map<string, string>();

// Made once: building an Intl formatter costs far more than using one, and a fan-out formats 200,000 dates.
const longDateFormats: Record<AppointmentLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-KE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  sw: new Intl.DateTimeFormat('sw-KE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
