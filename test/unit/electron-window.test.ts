import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createMainWindow, denyAllPermissions, hardenContents, type HardenableContents } from '../../electron/main/window';

const ROOT = path.resolve(__dirname, '../..');

/** Records the options a window is created with (Electron itself cannot run on these machines). */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

type Listener = (event: { preventDefault(): void }, url: string) => void;

/** A stand-in for WebContents that keeps the handlers hardenContents installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
  };
  /** Fires an event; true when the handler blocked it. */
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => void (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as unknown as HardenableContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('Electron window security', () => {
  it('creates the window isolated and sandboxed, without Node and with web security', () => {
    const window = createMainWindow(RecordingWindow, '/app/preload/index.js');
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('denies every window.open and every navigation or redirect away from the bundle', () => {
    const { contents, fire, open } = fakeContents();
    hardenContents(contents);
    for (const url of ['https://example.org', `${APP_ORIGIN}/index.html`, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.org/'), event).toBe(true);
      expect(fire(event, 'app://bundle.evil.org/'), event).toBe(true);
      expect(fire(event, 'file:///C:/Windows/'), event).toBe(true);
      expect(fire(event, `${APP_ORIGIN}/index.html#/kinderen`), event).toBe(false);
    }
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('refuses every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => void (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => void (check = handler),
    } as unknown as Parameters<typeof denyAllPermissions>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
  });

  it('electronegativity finds nothing of medium severity or worse', { timeout: 120_000 }, () => {
    const scan = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'electronegativity.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(scan.stdout).toMatch(/electronegativity: \d+ finding\(s\), 0 of medium severity or worse/);
    expect(scan.status).toBe(0);
  });
});
