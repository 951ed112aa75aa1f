import { lazy, Suspense } from 'react';

// The screen brings the translator's v2.5.1 dictionary and the templates: loaded on first visit, not with the app.
const Screen = lazy(() => import('./WritebackScreen').then((m) => ({ default: m.WritebackScreen })));

export function WritebackScreen() {
  return (
    <Suspense fallback={<p className="muted pad">Loading the writeback editor…</p>}>
      <Screen />
    </Suspense>
  );
}
