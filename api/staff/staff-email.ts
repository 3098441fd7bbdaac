/** Stored and compared lower-cased and trimmed, so "Amina@Example.go.ke " signs in as amina@example.go.ke. */
export const normaliseStaffEmail = (email: string) => email.trim().toLowerCase();

export const staffEmailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
