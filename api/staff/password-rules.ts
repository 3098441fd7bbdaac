/** NIST SP 800-63B: length over composition rules; a passphrase is welcome. */
export const passwordMinLength = 12;
export const passwordMaxLength = 200;

/** What is wrong with a new password, in words a person acts on; null when it is acceptable. */
export function passwordProblem(password: string, context: { email: string; name: string }): string | null {
  if (password.length < passwordMinLength) return `Use at least ${passwordMinLength} characters; a few unrelated words make a strong, memorable password.`;
  if (password.length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`;
  const lower = password.toLowerCase();
  if (lower === context.email.toLowerCase() || lower === context.name.toLowerCase()) return 'Do not use your email address or name as your password.';
  if (new Set(password).size < 5) return 'This password repeats too few characters; choose something less guessable.';
  return null;
}
