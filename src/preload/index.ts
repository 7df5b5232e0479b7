// Exposes exactly the contract's channels as window.neuroref, nothing more.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type NeurorefApi } from '@shared/contract'

const api = Object.fromEntries(CHANNELS.map(channel => [channel, (arg: unknown) => ipcRenderer.invoke(channel, arg)])) as unknown as NeurorefApi

contextBridge.exposeInMainWorld('neuroref', Object.freeze(api))
