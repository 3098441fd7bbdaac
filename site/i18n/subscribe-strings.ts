import type { Language } from './strings';

/** The subscribe form and the pages the server sends a subscriber to, in one language. */
export type SubscribeStrings = {
  heading: string;
  emailLabel: string;
  languageLabel: string;
  languages: Record<Language, string>;
  chooseServices: string;
  submit: string;
  promise: string;
  checkInboxTitle: string;
  checkInbox: string;
  confirmedTitle: string;
  confirmed: string;
  unsubscribedTitle: string;
  unsubscribed: string;
  backHome: string;
};

export const subscribeStrings: Record<Language, SubscribeStrings> = {
  en: {
    heading: 'Get updates by email',
    emailLabel: 'Email address',
    languageLabel: 'Language',
    languages: { en: 'English', sw: 'Kiswahili' },
    chooseServices: 'Only some services (otherwise all)',
    submit: 'Subscribe',
    promise: 'We email you a link to confirm first. Every email has an unsubscribe link.',
    checkInboxTitle: 'Check your inbox',
    checkInbox: 'If this address can receive our updates, an email with a confirmation link is on its way. Open the link to start receiving updates. Nothing is sent until you do.',
    confirmedTitle: 'You are subscribed',
    confirmed: 'You will receive an email each time we publish an update about the services you chose.',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed: 'We will not email you again. You can subscribe again from the status page at any time.',
    backHome: 'Back to the status page',
  },
  sw: {
    heading: 'Pata taarifa kwa barua pepe',
    emailLabel: 'Anwani ya barua pepe',
    languageLabel: 'Lugha',
    languages: { en: 'English', sw: 'Kiswahili' },
    chooseServices: 'Huduma fulani tu (vinginevyo zote)',
    submit: 'Jisajili',
    promise: 'Kwanza tutakutumia kiungo cha kuthibitisha. Kila barua pepe ina kiungo cha kujiondoa.',
    checkInboxTitle: 'Angalia sanduku lako la barua',
    checkInbox: 'Ikiwa anwani hii inaweza kupokea taarifa zetu, barua pepe yenye kiungo cha kuthibitisha iko njiani. Fungua kiungo ili uanze kupokea taarifa. Hatutatuma chochote kabla hujafanya hivyo.',
    confirmedTitle: 'Umejisajili',
    confirmed: 'Utapokea barua pepe kila tunapochapisha taarifa kuhusu huduma ulizochagua.',
    unsubscribedTitle: 'Umejiondoa',
    unsubscribed: 'Hatutakutumia barua pepe tena. Unaweza kujisajili upya kutoka ukurasa wa hali wakati wowote.',
    backHome: 'Rudi kwenye ukurasa wa hali',
  },
};
