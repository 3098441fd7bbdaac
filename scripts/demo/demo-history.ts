import type { ComponentStatus } from '../../db/schema/index';

/** Which demo component an incident touches: an office's service, or one of the online services. */
export type DemoTarget = { office: string; service: 'application' | 'collection' } | 'ecitizen' | 'enquiries';

/**
 * Ninety days of past trouble, so the uptime bars have a history to show: outages at offices and
 * online, one across midnight, a partial outage, a slow day and a planned maintenance. Each is
 * announced at `startHour` (Nairobi time) `daysAgo` days ago and resolved `hours` later.
 */
export const demoHistory: {
  daysAgo: number;
  startHour: number;
  hours: number;
  kind: 'incident' | 'maintenance';
  impact: 'minor' | 'major' | 'critical';
  targets: DemoTarget[];
  status: ComponentStatus;
  name: string;
  nameSw: string;
  body: string;
  bodySw: string;
  resolved: string;
  resolvedSw: string;
}[] = [
  {
    daysAgo: 84, startHour: 8, hours: 5, kind: 'incident', impact: 'major', status: 'major_outage',
    targets: [{ office: 'MSA', service: 'application' }],
    name: 'Power failure at the Mombasa office', nameSw: 'Hitilafu ya umeme katika ofisi ya Mombasa',
    body: 'A power failure stopped application receiving at the Mombasa office. We apologise; engineers are on site.',
    bodySw: 'Hitilafu ya umeme imesimamisha upokeaji wa maombi katika ofisi ya Mombasa. Tunaomba radhi; wahandisi wako kazini.',
    resolved: 'Power is back and the Mombasa office is receiving applications again.',
    resolvedSw: 'Umeme umerejea na ofisi ya Mombasa inapokea maombi tena.',
  },
  {
    daysAgo: 76, startHour: 21, hours: 6, kind: 'incident', impact: 'major', status: 'major_outage',
    targets: ['ecitizen'],
    name: 'eCitizen passport applications unavailable overnight', nameSw: 'Maombi ya pasipoti kupitia eCitizen hayapatikani usiku',
    body: 'Passport applications and payments on eCitizen are unavailable. Please try again in the morning; nothing you submitted is lost.',
    bodySw: 'Maombi na malipo ya pasipoti kupitia eCitizen hayapatikani. Tafadhali jaribu tena asubuhi; hakuna ulichowasilisha kilichopotea.',
    resolved: 'eCitizen passport applications and payments work again.',
    resolvedSw: 'Maombi na malipo ya pasipoti kupitia eCitizen yanafanya kazi tena.',
  },
  {
    daysAgo: 69, startHour: 9, hours: 3, kind: 'incident', impact: 'minor', status: 'partial_outage',
    targets: [{ office: 'KSM', service: 'collection' }],
    name: 'Passport collection partly halted at Kisumu', nameSw: 'Kukabidhi pasipoti kumesitishwa kwa sehemu Kisumu',
    body: 'One of the two collection counters at Kisumu is closed; expect long queues.',
    bodySw: 'Dirisha moja kati ya mawili ya kukabidhi pasipoti Kisumu limefungwa; tarajia foleni ndefu.',
    resolved: 'Both collection counters at Kisumu are open again.',
    resolvedSw: 'Madirisha yote mawili ya kukabidhi pasipoti Kisumu yako wazi tena.',
  },
  {
    daysAgo: 61, startHour: 6, hours: 4, kind: 'maintenance', impact: 'minor', status: 'under_maintenance',
    targets: [{ office: 'NYH', service: 'collection' }, { office: 'MSA', service: 'collection' }],
    name: 'Passport records database maintenance', nameSw: 'Matengenezo ya hifadhidata ya kumbukumbu za pasipoti',
    body: 'Planned maintenance of the passport records database; collection pauses at Nyayo House and Mombasa.',
    bodySw: 'Matengenezo yaliyopangwa ya hifadhidata ya pasipoti; kukabidhi pasipoti kunasimama Nyayo House na Mombasa.',
    resolved: 'The maintenance is complete and collection has resumed.',
    resolvedSw: 'Matengenezo yamekamilika na kukabidhi pasipoti kumeendelea.',
  },
  {
    daysAgo: 55, startHour: 10, hours: 2, kind: 'incident', impact: 'minor', status: 'degraded_performance',
    targets: ['enquiries'],
    name: 'Passport status SMS replies delayed', nameSw: 'Majibu ya SMS kuhusu hali ya pasipoti yanachelewa',
    body: 'Replies to passport status enquiries by SMS are taking up to an hour.',
    bodySw: 'Majibu ya maswali ya hali ya pasipoti kwa SMS yanachukua hadi saa moja.',
    resolved: 'SMS replies arrive within minutes again.',
    resolvedSw: 'Majibu ya SMS yanafika ndani ya dakika chache tena.',
  },
  {
    daysAgo: 47, startHour: 8.5, hours: 7, kind: 'incident', impact: 'critical', status: 'major_outage',
    targets: [{ office: 'ELD', service: 'application' }, { office: 'ELD', service: 'collection' }],
    name: 'Network outage at the Eldoret office', nameSw: 'Mtandao umekatika katika ofisi ya Eldoret',
    body: 'The Eldoret office has lost its network link and cannot receive applications or hand out passports today. We apologise.',
    bodySw: 'Ofisi ya Eldoret imepoteza mtandao na haiwezi kupokea maombi wala kukabidhi pasipoti leo. Tunaomba radhi.',
    resolved: 'The network link is restored and the Eldoret office serves as normal.',
    resolvedSw: 'Mtandao umerejeshwa na ofisi ya Eldoret inahudumia kama kawaida.',
  },
  {
    daysAgo: 31, startHour: 13, hours: 4, kind: 'incident', impact: 'minor', status: 'partial_outage',
    targets: [{ office: 'NKR', service: 'application' }],
    name: 'Fingerprint scanners failing at Nakuru', nameSw: 'Mashine za alama za vidole zina hitilafu Nakuru',
    body: 'Some fingerprint scanners at Nakuru are failing, so fewer applications can be received this afternoon.',
    bodySw: 'Baadhi ya mashine za alama za vidole Nakuru zina hitilafu, hivyo maombi machache yanapokelewa mchana huu.',
    resolved: 'The scanners have been replaced; Nakuru receives applications as normal.',
    resolvedSw: 'Mashine zimebadilishwa; Nakuru inapokea maombi kama kawaida.',
  },
  {
    daysAgo: 24, startHour: 8, hours: 9, kind: 'incident', impact: 'critical', status: 'major_outage',
    targets: [{ office: 'NYH', service: 'application' }, { office: 'NYH', service: 'collection' }],
    name: 'Nyayo House passport services down', nameSw: 'Huduma za pasipoti Nyayo House hazipatikani',
    body: 'A system failure stopped all passport services at Nyayo House today. We apologise; booked applicants will get a new date.',
    bodySw: 'Hitilafu ya mfumo imesimamisha huduma zote za pasipoti Nyayo House leo. Tunaomba radhi; waliopanga miadi watapata tarehe mpya.',
    resolved: 'Passport services at Nyayo House are back.',
    resolvedSw: 'Huduma za pasipoti Nyayo House zimerejea.',
  },
  {
    daysAgo: 17, startHour: 11, hours: 3, kind: 'incident', impact: 'minor', status: 'degraded_performance',
    targets: [{ office: 'MSA', service: 'collection' }],
    name: 'Slow passport collection at Mombasa', nameSw: 'Kukabidhi pasipoti kunachelewa Mombasa',
    body: 'Passport collection at Mombasa is slower than usual.',
    bodySw: 'Kukabidhi pasipoti Mombasa kunachelewa kuliko kawaida.',
    resolved: 'Collection at Mombasa is back to normal speed.',
    resolvedSw: 'Kukabidhi pasipoti Mombasa kumerudi kasi ya kawaida.',
  },
  {
    daysAgo: 10, startHour: 22, hours: 3, kind: 'incident', impact: 'minor', status: 'partial_outage',
    targets: ['ecitizen'],
    name: 'Some eCitizen payments failing', nameSw: 'Baadhi ya malipo ya eCitizen yanashindikana',
    body: 'Some card payments for passport fees on eCitizen are failing. Mobile money payments work.',
    bodySw: 'Baadhi ya malipo ya kadi kwa ada ya pasipoti kupitia eCitizen yanashindikana. Malipo ya simu yanafanya kazi.',
    resolved: 'Card payments on eCitizen work again.',
    resolvedSw: 'Malipo ya kadi kupitia eCitizen yanafanya kazi tena.',
  },
];
