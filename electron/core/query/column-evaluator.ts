import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import { formatValues } from '../../../shared/fhir/format-value';

type Compiled = (resource: unknown) => unknown[];

/** Evaluates result-table columns (FHIRPath) against resources; each expression is compiled once. */
export class ColumnEvaluator {
  private readonly compiled = new Map<string, Compiled | { error: string }>();

  private compile(expression: string): Compiled | { error: string } {
    let entry = this.compiled.get(expression);
    if (!entry) {
      try {
        const fn = fhirpath.compile(expression, r4Model) as unknown as Compiled;
        entry = fn;
      } catch (error) {
        entry = { error: error instanceof Error ? error.message : String(error) };
      }
      if (this.compiled.size > 500) this.compiled.clear();
      this.compiled.set(expression, entry);
    }
    return entry;
  }

  /** Why each expression cannot be used, or null. */
  errors(expressions: readonly string[]): (string | null)[] {
    return expressions.map((e) => {
      const compiled = this.compile(e);
      return typeof compiled === 'function' ? null : compiled.error;
    });
  }

  cells(resource: unknown, expressions: readonly string[]): string[] {
    return expressions.map((expression) => {
      const compiled = this.compile(expression);
      if (typeof compiled !== 'function' || resource === null || typeof resource !== 'object') return '';
      try {
        return formatValues(compiled(resource));
      } catch (error) {
        return `⚠ ${error instanceof Error ? error.message : String(error)}`;
      }
    });
  }
}
