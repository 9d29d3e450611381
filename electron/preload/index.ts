import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../../shared/api/bridge';

/** The one object the renderer gets: never ipcRenderer itself. */
const api: DesktopBridge = {
  call: (method, input) => ipcRenderer.invoke('api', method, input),
  saveFile: (fileName, base64) => ipcRenderer.invoke('save-file', fileName, base64),
  saveFolder: (folderName, files) => ipcRenderer.invoke('save-folder', folderName, files),
  pickFolder: (title) => ipcRenderer.invoke('pick-folder', title),
};

contextBridge.exposeInMainWorld('api', api);
