/** Where to go after signing in: only a console path of this site, never another host (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/console(\/[A-Za-z0-9/_.-]*)?$/.test(next) || next.includes('//') || next.includes('..')) return '/console';
  return next;
}
