/** The sign-in page URL that brings the user back to `location` afterwards. */
export function signInPath(location: { pathname: string; search: string; hash?: string }): string {
  const target = `${location.pathname}${location.search}${location.hash ?? ''}`;
  if (target === '/' || target.startsWith('/login')) return '/login';
  return `/login?next=${encodeURIComponent(target)}`;
}

/** Where to go after signing in: the `next` parameter when it is a path on this site, else Home. */
export function safeNextPath(next: string | null): string {
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    next.startsWith('/login')
  )
    return '/';
  return next;
}
