import type { AppointmentLanguage } from '../../db/schema/index';

/**
 * The words of the applicant's pages (the static lookup form in site/pages/appointment/ and the
 * pages the server answers), in one place per language so the form and its answers agree.
 */
export type ApplicantPageWording = {
  lookupTitle: string;
  /** The link on an incident's page while the incident moves appointments. */
  lookupFromIncident: string;
  lookupIntro: string;
  referenceLabel: string;
  referenceHint: string;
  emailLabel: string;
  emailHint: string;
  lookupButton: string;
  notFoundTitle: string;
  notFound: string;
  tooManyTitle: string;
  tooMany: (minutes: number) => string;
  greeting: (firstName: string) => string;
  yourAppointment: string;
  dateLabel: string;
  officeLabel: string;
  addressLabel: string;
  referenceShownLabel: string;
  cancelled: string;
  bringHeading: string;
  calendarLink: string;
  chooseLink: string;
  historyHeading: string;
  movedBecause: (from: string, to: string, incidentName: string) => string;
  movedByChoice: (from: string, to: string) => string;
  movedByOffice: (from: string, to: string) => string;
  neverMoved: string;
  chooseTitle: string;
  chooseIntro: (changesLeft: number) => string;
  chooseLegend: string;
  /** The legend over the nearby office's days: its name and address follow. */
  nearbyLegend: (office: string) => string;
  movedOffice: (office: string) => string;
  keepCurrent: (date: string) => string;
  chooseButton: string;
  noDaysFree: string;
  dayFullTitle: string;
  dayFull: string;
  movedTitle: string;
  moved: (from: string, to: string) => string;
  confirmationSent: string;
  unchanged: string;
  noChangesLeftTitle: string;
  noChangesLeft: string;
  notOfferedTitle: string;
  notOffered: string;
  cancelledTitle: string;
  linkInvalidTitle: string;
  linkInvalid: string;
  lookupAgain: string;
  otherLanguage: string;
};

const english: ApplicantPageWording = {
  lookupTitle: 'Look up my appointment',
  lookupFromIncident: 'Had an appointment during this disruption? Look up your new date',
  lookupIntro: 'Enter the reference of your appointment and the email address you gave when you booked. We show your current date, office and what to bring.',
  referenceLabel: 'Reference',
  referenceHint: 'As on your booking confirmation, for example NYH-2026-000123.',
  emailLabel: 'Email',
  emailHint: 'The address you booked with.',
  lookupButton: 'Look up',
  notFoundTitle: 'We could not find that appointment',
  notFound: 'No appointment matches this reference and email together. Check both against your booking confirmation and try again.',
  tooManyTitle: 'Too many tries',
  tooMany: (minutes) => `There have been too many tries for this reference or from this connection. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  greeting: (firstName) => `Hello ${firstName},`,
  yourAppointment: 'Your appointment',
  dateLabel: 'Date',
  officeLabel: 'Office',
  addressLabel: 'Address',
  referenceShownLabel: 'Reference',
  cancelled: 'This appointment is cancelled.',
  bringHeading: 'Please bring',
  calendarLink: 'Add this date to your calendar',
  chooseLink: 'Cannot come that day? Choose another date',
  historyHeading: 'Changes to your appointment',
  movedBecause: (from, to, incidentName) => `Moved from ${from} to ${to} because of ${incidentName}.`,
  movedByChoice: (from, to) => `Moved from ${from} to ${to} at your request.`,
  movedByOffice: (from, to) => `Moved from ${from} to ${to} by the office.`,
  neverMoved: 'Your appointment has not been moved.',
  chooseTitle: 'Choose another date',
  chooseIntro: (changesLeft) => `Pick a day that suits you. You can change your date ${changesLeft === 1 ? 'one more time' : `${changesLeft} more times`}.`,
  chooseLegend: 'Days with free places at your office',
  nearbyLegend: (office) => `Or a day at a nearby office: ${office}`,
  movedOffice: (office) => `It is now at ${office}.`,
  keepCurrent: (date) => `${date} (your current date)`,
  chooseButton: 'Confirm this date',
  noDaysFree: 'There are no other free days in the next three months. Your current date stands.',
  dayFullTitle: 'That day has just filled',
  dayFull: 'Someone took the last place on that day a moment before you. Your date has not changed. Please choose from the days that are still free.',
  movedTitle: 'Your new date is confirmed',
  moved: (from, to) => `Your appointment has moved from ${from} to ${to}.`,
  confirmationSent: 'We have sent you an email with the new date and a calendar link. Your old place is now free for someone else.',
  unchanged: 'You kept your current date; nothing has changed.',
  noChangesLeftTitle: 'No more changes',
  noChangesLeft: 'You have already changed this appointment twice, which is as often as it can be changed online. Please contact the office if you cannot come.',
  notOfferedTitle: 'That day cannot be chosen',
  notOffered: 'Please choose one of the days listed.',
  cancelledTitle: 'This appointment cannot be changed',
  linkInvalidTitle: 'This link does not work',
  linkInvalid: 'Use the link in your latest email, or look up your appointment with its reference and email.',
  lookupAgain: 'Look up an appointment',
  otherLanguage: 'Kiswahili',
};

const swahili: ApplicantPageWording = {
  lookupTitle: 'Angalia miadi yangu',
  lookupFromIncident: 'Ulikuwa na miadi wakati wa hitilafu hii? Angalia tarehe yako mpya',
  lookupIntro: 'Weka nambari ya kumbukumbu ya miadi yako na anwani ya barua pepe uliyotoa ulipoweka miadi. Tutakuonyesha tarehe yako ya sasa, ofisi na unachopaswa kuja nacho.',
  referenceLabel: 'Nambari ya kumbukumbu',
  referenceHint: 'Kama ilivyo kwenye uthibitisho wa miadi yako, kwa mfano NYH-2026-000123.',
  emailLabel: 'Barua pepe',
  emailHint: 'Anwani uliyotumia kuweka miadi.',
  lookupButton: 'Angalia',
  notFoundTitle: 'Hatukuweza kupata miadi hiyo',
  notFound: 'Hakuna miadi inayolingana na nambari hii ya kumbukumbu pamoja na barua pepe hii. Linganisha zote mbili na uthibitisho wa miadi yako kisha ujaribu tena.',
  tooManyTitle: 'Majaribio mengi mno',
  tooMany: (minutes) => `Kumekuwa na majaribio mengi mno kwa nambari hii au kutoka muunganisho huu. Tafadhali jaribu tena baada ya dakika ${minutes}.`,
  greeting: (firstName) => `Habari ${firstName},`,
  yourAppointment: 'Miadi yako',
  dateLabel: 'Tarehe',
  officeLabel: 'Ofisi',
  addressLabel: 'Anwani',
  referenceShownLabel: 'Nambari ya kumbukumbu',
  cancelled: 'Miadi hii imefutwa.',
  bringHeading: 'Tafadhali njoo na',
  calendarLink: 'Ongeza tarehe hii kwenye kalenda yako',
  chooseLink: 'Hutaweza kuja siku hiyo? Chagua tarehe nyingine',
  historyHeading: 'Mabadiliko ya miadi yako',
  movedBecause: (from, to, incidentName) => `Ilihamishwa kutoka ${from} hadi ${to} kwa sababu ya ${incidentName}.`,
  movedByChoice: (from, to) => `Ilihamishwa kutoka ${from} hadi ${to} kwa ombi lako.`,
  movedByOffice: (from, to) => `Ilihamishwa kutoka ${from} hadi ${to} na ofisi.`,
  neverMoved: 'Miadi yako haijahamishwa.',
  chooseTitle: 'Chagua tarehe nyingine',
  chooseIntro: (changesLeft) => `Chagua siku inayokufaa. Unaweza kubadilisha tarehe yako mara ${changesLeft} zaidi.`,
  chooseLegend: 'Siku zenye nafasi katika ofisi yako',
  nearbyLegend: (office) => `Au siku katika ofisi iliyo karibu: ${office}`,
  movedOffice: (office) => `Sasa iko ${office}.`,
  keepCurrent: (date) => `${date} (tarehe yako ya sasa)`,
  chooseButton: 'Thibitisha tarehe hii',
  noDaysFree: 'Hakuna siku nyingine yenye nafasi katika miezi mitatu ijayo. Tarehe yako ya sasa inabaki.',
  dayFullTitle: 'Siku hiyo imejaa sasa hivi',
  dayFull: 'Mtu mwingine amechukua nafasi ya mwisho ya siku hiyo kabla yako. Tarehe yako haijabadilika. Tafadhali chagua kati ya siku ambazo bado zina nafasi.',
  movedTitle: 'Tarehe yako mpya imethibitishwa',
  moved: (from, to) => `Miadi yako imehamishwa kutoka ${from} hadi ${to}.`,
  confirmationSent: 'Tumekutumia barua pepe yenye tarehe mpya na kiungo cha kalenda. Nafasi yako ya zamani sasa iko wazi kwa mtu mwingine.',
  unchanged: 'Umebaki na tarehe yako ya sasa; hakuna kilichobadilika.',
  noChangesLeftTitle: 'Huwezi kubadilisha tena',
  noChangesLeft: 'Tayari umebadilisha miadi hii mara mbili, ambayo ndiyo kikomo mtandaoni. Tafadhali wasiliana na ofisi kama hutaweza kuja.',
  notOfferedTitle: 'Siku hiyo haiwezi kuchaguliwa',
  notOffered: 'Tafadhali chagua mojawapo ya siku zilizoorodheshwa.',
  cancelledTitle: 'Miadi hii haiwezi kubadilishwa',
  linkInvalidTitle: 'Kiungo hiki hakifanyi kazi',
  linkInvalid: 'Tumia kiungo kilicho kwenye barua pepe yako ya hivi karibuni, au angalia miadi yako kwa nambari ya kumbukumbu na barua pepe.',
  lookupAgain: 'Angalia miadi',
  otherLanguage: 'English',
};

export const applicantPageWording: Record<AppointmentLanguage, ApplicantPageWording> = { en: english, sw: swahili };
