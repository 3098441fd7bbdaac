import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { composeXPostText, maxXPostWeight } from '../../api/broadcast/x/x-post-text';

const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';
const base = { incidentId: 'inc-1', publicUrl: 'https://status.example.go.ke' };
const link = 'https://status.example.go.ke/incidents/inc-1/';

describe('the X post of an update', () => {
  it('isolates the incident name and the body, without their direction overrides', () => {
    const post = composeXPostText({ ...base, incidentName: `Closed until ${RLO}10/21`, body: `Come back on ${RLO}the 3rd or call us` });
    expect(post.text).toBe(`${FSI}Closed until 10/21${PDI}: ${FSI}Come back on the 3rd or call us${PDI}\n${link}`);
  });

  it('counts the isolates in the weight, and shortens a body that only fits without them', () => {
    const name = 'Passport outage';
    // Exactly 280 without isolates: "name: body\nlink" with the link counted as 23.
    const body = 'x '.repeat(200).slice(0, maxXPostWeight - name.length - 2 - 1 - 23);
    expect(twitterText.parseTweet(`${name}: ${body}\n${link}`).weightedLength).toBe(maxXPostWeight);
    const post = composeXPostText({ ...base, incidentName: name, body });
    expect(post.valid).toBe(true);
    expect(post.weightedLength).toBe(twitterText.parseTweet(post.text).weightedLength);
    expect(post.weightedLength).toBeLessThanOrEqual(maxXPostWeight);
    expect(post.text).toMatch(new RegExp(`^${FSI}${name}${PDI}: ${FSI}x( x)*…${PDI}\n`));
  });

  it('posts the text staff wrote as it is, only without direction overrides', () => {
    const post = composeXPostText({ ...base, incidentName: 'Outage', body: 'Body', xText: `Offices reopen ${RLO}on 1 December` });
    expect(post.text).toBe('Offices reopen on 1 December');
    expect(post.weightedLength).toBe(28);
  });
});
