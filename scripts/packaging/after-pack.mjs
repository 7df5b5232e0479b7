// electron-builder's afterPack hook: flips Electron's fuses in the packed
// binary, after the app is packed and before it is signed (a fuse flipped
// after signing would break the signature). Fuses are compiled-in switches
// that no command-line flag or environment variable can turn back.
//
// @electron/fuses 2.x declares Node >= 22.12 but runs on Node 20 (it uses
// only node:fs, node:path and child_process); it is ESM-only, hence .mjs.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'
import { join } from 'node:path'

/** The switches, exactly: nothing that turns the app into a general Node runtime or debugger, and only our own, verified asar. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the signed binary a plain Node interpreter
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require …) would load code into main before Neuroref
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would let anyone who can start the app attach a debugger to main
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // file:// gets no more than a web page: the renderer is served from app:// (src/main/electron/app-protocol.ts)
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // the asar's hash is checked against the one electron-builder records (macOS and Windows; Linux has no such check)
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // no loose app folder beside the asar is ever loaded instead of it
  [FuseV1Options.OnlyLoadAppFromAsar]: true
}

/** electron-builder's Arch enum value for arm64 (builder-util's Arch.arm64). */
const ARM64 = 3

/** The file that holds the fuse wire, for the packed app of this platform. */
export function electronBinaryOf(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName ?? name)
}

export async function afterPack(context) {
  const binary = electronBinaryOf(context)
  // On Apple silicon an unsigned binary must keep a valid ad-hoc signature to run at all.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARM64
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature })
  console.log(`Neuroref: Electron fuses set in ${binary}`)
}

export default afterPack
