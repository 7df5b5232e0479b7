// The style chooser as a researcher uses it: open the list (or type a
// journal's name, ISSN or field) and pick a style by its name.
import { expect, type Locator } from '@playwright/test'

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Chooses the style named `label`; `typed` is what is typed first (nothing: the list of favourites, recent and bundled styles). */
export async function chooseStyle(scope: Locator, label: string, typed = ''): Promise<void> {
  const box = scope.getByRole('combobox', { name: 'Citation style' })
  await expect(box).toBeEnabled()
  await box.click()
  await box.fill(typed)
  await scope
    .getByRole('listbox', { name: 'Citation styles' })
    .getByRole('option', { name: new RegExp(`^${escaped(label)}( |$)`) })
    .first()
    .click()
  await expect(chosenStyle(scope)).toContainText(label)
  await expect(chosenStyle(scope)).not.toContainText('loading…')
}

export function chosenStyle(scope: Locator): Locator {
  return scope.getByRole('group', { name: 'Chosen style' })
}
