import { lazy, Suspense } from 'react';
import type { FhirEditorProps } from './FhirEditor';

const FhirEditor = lazy(() => import('./FhirEditor'));

/** Monaco loads with the first visit to this screen; until then the text shows as it is. */
export function LazyFhirEditor(props: FhirEditorProps) {
  return (
    <Suspense fallback={<pre className="wb-editor wb-editor-loading">{props.draft().slice(0, 20_000)}</pre>}>
      <FhirEditor {...props} />
    </Suspense>
  );
}
