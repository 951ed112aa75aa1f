import type { QueryPageSummary } from '../../../../shared/contract';

const HeaderTable = ({ title, headers }: { title: string; headers: [string, string][] }) => (
  <section>
    <h3>{title}</h3>
    <table className="headers">
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <HeaderTable title="Request headers" headers={page.requestHeaders} />
      <HeaderTable title="Response headers" headers={page.responseHeaders} />
    </div>
  );
}
