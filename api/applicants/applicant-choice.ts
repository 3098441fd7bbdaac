/** The reason recorded on a move an applicant made themselves (appointment_moves.reason). */
export const applicantChoiceReason = "applicant's choice";

/** How many times an applicant may move their own appointment: enough to fix a clash, not to hoard days. */
export const maxApplicantChanges = 2;
