import { describe, expect, it } from 'vitest';
import { computePreview } from './preview-compute';
import { DEFAULT_DESTINATION } from './destination-options';
import { TEMPLATES } from './templates';

describe('writeback templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s translates to the message it names, without errors', (_id, template) => {
    const out = computePreview(template.text, { ...DEFAULT_DESTINATION, ...template.intent, now: '2024-03-01T12:00:00-05:00' });
    if (out.kind !== 'ok') throw new Error(out.message);
    expect(out.result.ok).toBe(true);
    expect(out.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(out.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(template.message.split(' / ')[0]).toBe(out.result.messageType.split('^').slice(0, 2).join('^'));
  });

  it('covers every kind of writeback the issue lists', () => {
    const ids = TEMPLATES.map((t) => t.id);
    for (const kind of ['lab-result', 'vitals', 'patient-update', 'appointment-booked', 'appointment-rescheduled', 'appointment-cancelled', 'note', 'immunization', 'order', 'medication-order', 'charge', 'allergy']) {
      expect(ids).toContain(kind);
    }
  });
});
