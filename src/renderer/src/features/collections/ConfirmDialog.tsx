// One confirm dialog for the whole app.
export { ConfirmDialog, type ConfirmDialogProps } from '../../components/ConfirmDialog'
