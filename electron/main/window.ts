import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * The window's security settings and handlers, as plain values and functions (only types come
 * from 'electron'), so a test can check them without launching Electron.
 */

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

export function isAppFrame(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

/** Electron's BrowserWindow class, passed in so a test can hand over a recording fake. */
export type WindowConstructor<W = ElectronWindow> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the main window. The options are written out at the `new BrowserWindow` call itself,
 * where electronegativity's static checks look for them.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Kinderopvang — locatie',
    show: false,
    webPreferences: {
      // Reviewed: the preload exposes only `api.call`, `api.saveFile` and `api.saveFolder` (electron/preload/index.ts).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** The events hardenContents listens to (a subset of WebContents, so a test can pass a fake). */
export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** No pop-ups, no navigation away from the bundle, no <webview>: the app shows nothing from outside. */
export function hardenContents(contents: HardenableContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppFrame(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppFrame(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Camera, microphone, notifications, geolocation …: the app needs none, so every request is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
