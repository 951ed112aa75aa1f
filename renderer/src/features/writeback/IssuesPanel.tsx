import { memo } from 'react';
import { sameIssues, SOURCE_LABEL, type ShownIssue } from './issues-model';

interface Props {
  issues: readonly ShownIssue[];
  onLocate(issue: ShownIssue): void;
}

/**
 * Every problem in one list; a click shows it in the editor, the preview, or both. Each preview
 * brings a new list, usually the same as the last: it re-renders only when a row differs.
 */
export const IssuesPanel = memo(function IssuesPanel({ issues, onLocate }: Props) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  return (
    <section className="wb-issues" aria-label="Issues">
      <h3>
        Issues{' '}
        <span className="muted small" data-testid="issue-counts">
          {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}, {issues.length - errors - warnings} notes
        </span>
      </h3>
      {issues.length === 0 ? (
        <p className="muted small">No issues: the FHIR is valid and the message passes v2.5.1 validation.</p>
      ) : (
        <ul className="wb-issue-list">
          {issues.map((i) => {
            const locatable = i.range !== undefined || i.field !== undefined;
            return (
              <li key={i.key} className={`issue ${i.severity}`}>
                <button type="button" className="wb-issue" disabled={!locatable} onClick={() => onLocate(i)} data-testid="issue">
                  <span className="severity">{i.severity}</span>
                  <span className="wb-issue-source">{SOURCE_LABEL[i.source]}</span>
                  <span className="wb-issue-message">{i.message}</span>
                  {(i.location || i.fhirPath) && (
                    <span className="wb-issue-where mono">
                      {[i.location, i.fhirPath].filter(Boolean).join(' ← ')}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}, (a, b) => a.onLocate === b.onLocate && sameIssues(a.issues, b.issues));
