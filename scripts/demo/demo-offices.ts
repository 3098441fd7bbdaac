import type { WeeklyCapacity } from '../../db/schema/index';

/** The department's offices in the demo: Nyayo House in Nairobi and four regional offices. */
export const demoOffices: {
  code: string;
  name: string;
  nameSw: string;
  address: string;
  /** The office whose free days this office's applicants may also choose (api/applicants). */
  nearby?: string;
  application: WeeklyCapacity;
  collection: WeeklyCapacity;
}[] = [
  {
    code: 'NYH',
    name: 'Nyayo House, Nairobi',
    nameSw: 'Nyayo House, Nairobi',
    address: 'Nyayo House, Kenyatta Avenue / Uhuru Highway, Nairobi',
    nearby: 'NKR',
    application: [300, 300, 300, 300, 250, 0, 0],
    collection: [400, 400, 400, 400, 350, 0, 0],
  },
  {
    code: 'MSA',
    name: 'Mombasa Regional Office',
    nameSw: 'Ofisi ya Kanda ya Mombasa',
    address: 'Uhuru na Kazi Building, Mombasa',
    application: [80, 80, 80, 80, 60, 0, 0],
    collection: [100, 100, 100, 100, 80, 0, 0],
  },
  {
    code: 'KSM',
    name: 'Kisumu Regional Office',
    nameSw: 'Ofisi ya Kanda ya Kisumu',
    address: 'Reinsurance Plaza, Oginga Odinga Street, Kisumu',
    application: [60, 60, 60, 60, 40, 0, 0],
    collection: [80, 80, 80, 80, 60, 0, 0],
  },
  {
    code: 'ELD',
    name: 'Eldoret Regional Office',
    nameSw: 'Ofisi ya Kanda ya Eldoret',
    address: 'KVDA Plaza, Oloo Street, Eldoret',
    application: [50, 50, 50, 50, 40, 0, 0],
    collection: [70, 70, 70, 70, 50, 0, 0],
  },
  {
    code: 'NKR',
    name: 'Nakuru Regional Office',
    nameSw: 'Ofisi ya Kanda ya Nakuru',
    address: 'Former Provincial Headquarters, Nakuru',
    application: [50, 50, 50, 50, 40, 0, 0],
    collection: [70, 70, 70, 70, 50, 0, 0],
  },
];
