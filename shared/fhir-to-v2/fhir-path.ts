/** Builds FHIR element paths as the editor shows them: `Patient.name[0].family`. */
export function child(path: string, key: string, index?: number): string {
  return index === undefined ? `${path}.${key}` : `${path}.${key}[${index}]`;
}

/** Whether `path` is `ancestor` or lies inside it (on element boundaries). */
export function isWithin(path: string, ancestor: string): boolean {
  if (!path.startsWith(ancestor)) return false;
  const next = path[ancestor.length];
  return next === undefined || next === '.' || next === '[';
}
