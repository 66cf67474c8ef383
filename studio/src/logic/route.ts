/** The page's address (the part after #) as a view, and back (pure). */
export type Route = { view: 'library' } | { view: 'models' } | { view: 'model'; id: string };

export function routeOf(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'model' && parts[1]) return { view: 'model', id: parts[1] };
  if (parts[0] === 'models') return { view: 'models' };
  return { view: 'library' };
}

export function hashOf(route: Route): string {
  return route.view === 'model' ? `#/model/${encodeURIComponent(route.id)}` : `#/${route.view}`;
}
