import { findCatalogueEvent, type CatalogueEvent } from '../event-catalog';
import { scenes, type SceneId } from './event-scenes';
import { buildRedoxMessage } from './redox-form';
import { samplePatient } from './sample-data';
import { buildSubscriptionNotification } from './subscription-form';
import type { NotificationBody, NotificationTemplate, TemplateBuildOptions } from './template-types';

export { sequentialIds, samplePatient } from './sample-data';
export { templateTopicUrl, testSubscriptionUrl } from './subscription-form';
export * from './template-types';

function catalogueEntry(id: SceneId): CatalogueEvent {
  const entry = findCatalogueEvent(id);
  // The scene ids are catalogue ids; a failure here is a programming error caught by the tests.
  if (!entry) throw new Error(`Event ${id} is missing from the catalogue`);
  return entry;
}

function template(id: SceneId): NotificationTemplate {
  const event = catalogueEntry(id);
  return {
    id,
    label: event.label,
    event: event.code,
    category: event.category,
    build(options: TemplateBuildOptions): NotificationBody {
      const scene = scenes[id]({ now: options.now, ids: options.ids, patient: { ...samplePatient, ...options.patient } });
      switch (options.form) {
        case 'redox':
          return buildRedoxMessage(scene, event, options);
        case 'subscription-r4-backport':
          return buildSubscriptionNotification(scene, event, options, 'r4-backport');
        case 'subscription-r4b':
          return buildSubscriptionNotification(scene, event, options, 'r4b');
        case 'subscription-r5':
          return buildSubscriptionNotification(scene, event, options, 'r5');
      }
    },
  };
}

/** Test notifications for the common events, each in every form and level. */
export const notificationTemplates: readonly NotificationTemplate[] = (Object.keys(scenes) as SceneId[]).map(template);
