import type { AppointmentLanguage, IncidentStatus } from '../../../db/schema/index';

/** What a subscriber's emails say, in one language; render-subscriber-email.ts lays them out. */
export type SubscriberEmailWording = {
  confirmSubject: (pageName: string) => string;
  confirmIntro: (pageName: string) => string;
  confirmLink: string;
  confirmIgnore: string;
  updateSubject: (incidentName: string, status: string) => string;
  status: Record<IncidentStatus, string>;
  incidentLink: string;
  whyYouGetThis: (pageName: string) => string;
  unsubscribeLink: string;
};

const english: SubscriberEmailWording = {
  confirmSubject: (pageName) => `Confirm your subscription to ${pageName}`,
  confirmIntro: (pageName) => `Someone, hopefully you, asked to receive ${pageName} updates at this address.`,
  confirmLink: 'Confirm my subscription',
  confirmIgnore: 'If it was not you, ignore this email: nothing will be sent unless the link is opened.',
  updateSubject: (incidentName, status) => `${status}: ${incidentName}`,
  status: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
  },
  incidentLink: 'Read the full timeline',
  whyYouGetThis: (pageName) => `You receive this because you subscribed to ${pageName}.`,
  unsubscribeLink: 'Unsubscribe',
};

const swahili: SubscriberEmailWording = {
  confirmSubject: (pageName) => `Thibitisha usajili wako wa ${pageName}`,
  confirmIntro: (pageName) => `Mtu, tunatumaini ni wewe, aliomba kupokea taarifa za ${pageName} kwa anwani hii.`,
  confirmLink: 'Thibitisha usajili wangu',
  confirmIgnore: 'Ikiwa si wewe, puuza barua pepe hii: hatutatuma chochote kiungo kisipofunguliwa.',
  updateSubject: (incidentName, status) => `${status}: ${incidentName}`,
  status: {
    investigating: 'Tunachunguza',
    identified: 'Chanzo kimebainika',
    monitoring: 'Tunafuatilia',
    resolved: 'Imetatuliwa',
    scheduled: 'Yamepangwa',
    in_progress: 'Yanaendelea',
    verifying: 'Tunathibitisha',
    completed: 'Yamekamilika',
  },
  incidentLink: 'Soma taarifa kamili',
  whyYouGetThis: (pageName) => `Unapokea barua hii kwa sababu ulijisajili kwa ${pageName}.`,
  unsubscribeLink: 'Jiondoe',
};

export const subscriberEmailWording: Record<AppointmentLanguage, SubscriberEmailWording> = { en: english, sw: swahili };
