/** Where a one-time set-password link points: the console page that spends it. */
export const passwordLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/console/password/${token}`;
