import { lazy, Suspense } from 'react';

const JsonViewer = lazy(() => import('./JsonViewer'));

/** The Monaco viewer, loaded the first time a JSON view opens. */
export function LazyJsonViewer(props: { value: string; label: string; height?: number | string }) {
  return (
    <Suspense fallback={<pre className="body">{props.value.slice(0, 20_000)}</pre>}>
      <JsonViewer {...props} />
    </Suspense>
  );
}
