/** The words of the sign-in backoff per address (issue 13, D-SEC-19), spread into ja.ts and en.ts. */
export const hardeningMoreJa = {
  'refusal.throttled': 'サインインの失敗が続いたため、しばらく受け付けられません。時間をおいてお試しください。',
};

export const hardeningMoreEn: Record<keyof typeof hardeningMoreJa, string> = {
  'refusal.throttled': 'Too many failed sign-ins: please wait a while, then try again.',
};
