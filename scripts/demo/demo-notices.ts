/**
 * The words of the demo: the department's own notice and apology (as reported in the news) and
 * the updates that follow it, in English and Swahili.
 */
export const outageNotice = {
  name: 'Passport application receiving and collection services down',
  nameSw: 'Huduma za kupokea maombi na kukabidhi pasipoti hazipatikani',
  body:
    'We regret to inform our clients that our normal passport application receiving and collection services are currently experiencing downtime. ' +
    'Our engineers are actively working to resolve the issue promptly. Alternative dates for affected applicants will be communicated swiftly. ' +
    'We apologise for any inconvenience caused.',
  bodySw:
    'Tunasikitika kuwajulisha wateja wetu kwamba huduma zetu za kawaida za kupokea maombi ya pasipoti na kukabidhi pasipoti zimekatizwa kwa sasa. ' +
    'Wahandisi wetu wanashughulikia tatizo hili ili kulitatua haraka iwezekanavyo. Tarehe mbadala kwa waombaji walioathirika zitatangazwa hivi karibuni. ' +
    'Tunaomba radhi kwa usumbufu wowote uliosababishwa.',
  xText:
    'NOTICE: We regret to inform our clients that our normal passport application receiving and collection services are currently experiencing downtime. ' +
    'Alternative dates for affected applicants will be communicated swiftly. We apologise for any inconvenience caused.',
};

export const outageIdentified = {
  body:
    'The fault has been traced to the central passport processing system. Replacement equipment is being installed and we expect to resume receiving ' +
    'applications and issuing passports at all offices on the date shown. Every applicant whose appointment falls within the outage has been given a new date ' +
    'by email; please come on your new date with the documents listed in the email. We apologise once more for the disruption.',
  bodySw:
    'Hitilafu imetambuliwa katika mfumo mkuu wa kushughulikia pasipoti. Vifaa vipya vinawekwa na tunatarajia kuendelea kupokea maombi na kutoa pasipoti ' +
    'katika ofisi zote kuanzia tarehe iliyoonyeshwa. Kila mwombaji ambaye miadi yake iko ndani ya kipindi cha hitilafu amepewa tarehe mpya kwa barua pepe; ' +
    'tafadhali fika siku hiyo ukiwa na hati zilizoorodheshwa kwenye barua pepe. Tunaomba radhi tena kwa usumbufu huu.',
};

export const paymentIncident = {
  name: 'eCitizen payment confirmations delayed',
  nameSw: 'Uthibitisho wa malipo ya eCitizen umechelewa',
  updates: [
    {
      status: 'investigating' as const,
      body: 'Some passport fee payments made through eCitizen are not being confirmed. Your payment is safe; please do not pay twice. We are investigating.',
      bodySw: 'Baadhi ya malipo ya ada ya pasipoti kupitia eCitizen hayathibitishwi. Malipo yako yako salama; tafadhali usilipe mara mbili. Tunachunguza.',
    },
    {
      status: 'monitoring' as const,
      body: 'A fix has been applied with the payment provider and delayed confirmations are arriving. We are monitoring.',
      bodySw: 'Suluhisho limewekwa pamoja na mtoa huduma wa malipo na uthibitisho uliochelewa unawasili. Tunafuatilia hali.',
    },
    {
      status: 'resolved' as const,
      body: 'All delayed payments have been confirmed and applications are being processed normally. Thank you for your patience.',
      bodySw: 'Malipo yote yaliyochelewa yamethibitishwa na maombi yanashughulikiwa kama kawaida. Asanteni kwa uvumilivu wenu.',
    },
  ],
};

export const printingMaintenance = {
  name: 'Passport printing system upgrade',
  nameSw: 'Uboreshaji wa mfumo wa kuchapisha pasipoti',
  body:
    'The new passport printers are being installed at Nyayo House. Passport collection at Nyayo House will pause during the work; all other services continue.',
  bodySw:
    'Mashine mpya za kuchapisha pasipoti zinawekwa katika Nyayo House. Huduma ya kukabidhi pasipoti katika Nyayo House itasitishwa wakati wa kazi hii; huduma nyingine zote zinaendelea.',
};
