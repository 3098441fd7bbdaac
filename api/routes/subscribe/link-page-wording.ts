import type { AppointmentLanguage } from '../../../db/schema/index';

/** The words of the one-button pages behind the links in subscribers' emails. */
export type LinkPageWording = {
  confirmTitle: string;
  confirmButton: string;
  unsubscribeTitle: string;
  unsubscribeButton: string;
  webhookUnsubscribeTitle: string;
  invalidTitle: string;
  invalidDetail: string;
};

export const linkPageWording: Record<AppointmentLanguage, LinkPageWording> = {
  en: {
    confirmTitle: 'Confirm your subscription',
    confirmButton: 'Confirm',
    unsubscribeTitle: 'Stop receiving updates by email',
    unsubscribeButton: 'Unsubscribe',
    webhookUnsubscribeTitle: 'Stop sending updates to this webhook',
    invalidTitle: 'This link is not valid',
    invalidDetail: 'Use the link in your latest email, or subscribe again from the status page.',
  },
  sw: {
    confirmTitle: 'Thibitisha usajili wako',
    confirmButton: 'Thibitisha',
    unsubscribeTitle: 'Acha kupokea taarifa kwa barua pepe',
    unsubscribeButton: 'Jiondoe',
    webhookUnsubscribeTitle: 'Acha kutuma taarifa kwa webhook hii',
    invalidTitle: 'Kiungo hiki si halali',
    invalidDetail: 'Tumia kiungo kilicho katika barua pepe yako ya hivi karibuni, au jisajili upya kutoka ukurasa wa hali.',
  },
};
