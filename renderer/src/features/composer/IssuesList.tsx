import type { QueryPageSummary } from '../../../../shared/contract';

/** OperationOutcome issues, including the ones servers (Redox) put inside a 200. */
export function IssuesList({ page }: { page: QueryPageSummary }) {
  if (page.error === null && page.issues.length === 0) return null;
  return (
    <ul className="issues" role="alert" data-testid="query-issues">
      {page.error !== null && <li className="issue error">{page.error}</li>}
      {page.issues.map((issue, i) => (
        <li key={i} className={`issue ${issue.severity}`}>
          <span className="severity">{issue.severity}</span>
          {issue.code && <code>{issue.code}</code>} {issue.text}
          {issue.expression.length > 0 && <span className="muted"> at {issue.expression.join(', ')}</span>}
          {issue.source === 'entry' && page.status !== null && page.status < 300 && (
            <span className="muted"> (reported inside a successful response)</span>
          )}
        </li>
      ))}
    </ul>
  );
}
