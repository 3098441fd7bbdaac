/** The longest reference (as imports allow) and email address (RFC 5321) a lookup reads. */
export const maxReferenceLength = 64;
export const maxEmailLength = 254;
