import type { DesktopBridge } from '../../shared/api/bridge';

declare global {
  interface Window {
    /** Present only inside Electron (preload bridge); absent in web mode. */
    api?: DesktopBridge;
  }
}

export {};
