import type { Result } from './result';

/** What the Electron preload exposes as `window.api`. Web mode implements the same over HTTP. */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Asks where to save and writes the file; resolves to false when the user cancelled. */
  saveFile(fileName: string, base64: string): Promise<boolean>;
  /** Asks for a folder and writes the files into a new subfolder `folderName`; false when cancelled. */
  saveFolder(folderName: string, files: { fileName: string; base64: string }[]): Promise<boolean>;
  /** Asks for a folder (e.g. the network share for back-ups); its path, or null when cancelled. */
  pickFolder(title: string): Promise<string | null>;
}
