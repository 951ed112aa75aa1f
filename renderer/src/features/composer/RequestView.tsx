import type { QueryPageSummary } from '../../../../shared/contract';
import { HeaderTable } from '../../components/HeaderTable';

const HeaderSection = ({ title, headers }: { title: string; headers: [string, string][] }) => (
  <section>
    <h3>{title}</h3>
    <HeaderTable headers={headers} label={title} />
  </section>
);

/** What was sent and what came back, headers included; credentials are already redacted by the core. */
export function RequestView({ page }: { page: QueryPageSummary }) {
  return (
    <div className="request-view">
      <p>
        <code>
          {page.method} {page.url}
        </code>
      </p>
      {page.requestBody !== null && (
        <>
          <h3>Form body</h3>
          <pre className="body">{page.requestBody}</pre>
        </>
      )}
      <HeaderSection title="Request headers" headers={page.requestHeaders} />
      <HeaderSection title="Response headers" headers={page.responseHeaders} />
    </div>
  );
}
