import type { EventName, EventPayload } from '../../../shared/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Core → hosts. Each host forwards every event to its renderer(s) over its own transport. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dropped SSE stream) must not stop the others.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
