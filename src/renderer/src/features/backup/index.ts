// What Settings uses of backup and restore.
export { BackupSection } from './BackupSection'
