import { isAppUrl } from './navigation';

/** The parts of Electron's WebFrameMain that decide whether a frame may call the core. */
export interface SenderFrame {
  url: string;
  /** True for a window's top frame; iframes never get to send commands. */
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}
