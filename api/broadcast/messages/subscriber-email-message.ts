import type { SubscriberRow } from '../../../db/schema/index';
import type { Config } from '../../config';
import { unsubscribeUrl } from '../../subscribers/subscriber-links';
import type { EmailMessage } from '../email/resend-channel';
import { renderSubscriberEmail, unsubscribeHeaders, type SubscriberEmailContent } from './render-subscriber-email';
import { tagValue } from './applicant-email-payloads';

/** One subscriber email as stored in its delivery's payload and sent: the rendering plus sender, tags and the one-click headers. */
export function subscriberEmailMessage(
  config: Config,
  subscriber: Pick<SubscriberRow, 'id' | 'email' | 'language'>,
  content: SubscriberEmailContent,
): EmailMessage {
  const unsubscribe = unsubscribeUrl(config, subscriber.id);
  const rendered = renderSubscriberEmail({ language: subscriber.language, pageName: config.site.name, unsubscribeUrl: unsubscribe, senderName: config.site.name }, content);
  return {
    from: config.email.from,
    to: subscriber.email,
    ...(config.email.replyTo ? { replyTo: config.email.replyTo } : {}),
    ...rendered,
    headers: unsubscribeHeaders(unsubscribe),
    tags: [
      { name: 'kind', value: tagValue(`subscriber_${content.kind}`) },
      { name: 'subscriber', value: tagValue(subscriber.id) },
    ],
  };
}
