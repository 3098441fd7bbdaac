import type { AppointmentService, ComponentStatus, IncidentImpact, IncidentStatus } from '../../db/schema/constants';
import type { PageIndicator } from '../../api/status/page-status';
import { en } from './en';
import { sw } from './sw';

export type Language = 'en' | 'sw';

/** Every piece of wording on the public pages, in one language. */
export type Strings = {
  locale: string;
  languageName: string;
  otherLanguage: { code: Language; name: string; href: string };
  zoneName: string;
  overall: Record<PageIndicator, string>;
  componentStatus: Record<ComponentStatus, string>;
  incidentStatus: Record<IncidentStatus, string>;
  impact: Record<IncidentImpact, string>;
  services: string;
  otherServices: string;
  activeIncidents: string;
  noActiveIncidents: string;
  latestUpdate: string;
  expectedRestoration: string;
  restorationUnknown: string;
  upcomingMaintenance: string;
  maintenanceWindow: string;
  until: string;
  affectedServices: string;
  fullTimeline: string;
  history: string;
  historyIntro: string;
  noHistory: string;
  newer: string;
  older: string;
  statusLabel: string;
  impactLabel: string;
  published: string;
  resolved: string;
  disruptionFrom: string;
  timeline: string;
  postmortem: string;
  feeds: string;
  statusJson: string;
  backHome: string;
  skipToContent: string;
  lastUpdated: string;
  /** The door notice, the badge and the widget. */
  printNotice: string;
  noticeHeading: string;
  noticeApology: string;
  noticeNewDate: string;
  noticeScan: string;
  noticeBack: string;
  badgeLabel: string;
  postmortemPublished: string;
  /** The home page's first screen: what is down where, since when, and what to do. */
  home: {
    componentStatusShort: Record<ComponentStatus, string>;
    outageTable: string;
    office: string;
    serviceName: Record<AppointmentService, string>;
    notOffered: string;
    since: string;
    alsoAffected: string;
    doNotTravel: string;
    apology: string;
  };
  /** The 90-day uptime bars and the rule they follow. */
  uptime: {
    label: string;
    rule: string;
    notYet: string;
    daysAgo: string;
    today: string;
    troubleDays: string;
    noTroubleDays: string;
    notCounted: string;
    /** `{h}` and `{m}` are replaced by hours and minutes. */
    hoursMinutes: string;
    minutes: string;
  };
};

const byLanguage: Record<Language, Strings> = { en, sw };

export function pickStrings(language: Language): Strings {
  return byLanguage[language];
}
