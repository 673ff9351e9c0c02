// Every command the extension registers, in one place. Palette commands are declared in package.json
// `contributes.commands`; internal ones (run by lenses and quick picks) are hidden from the palette.
export const Commands = {
  showReport: 'promptCost.showReport',
  compareModels: 'promptCost.compareModels',
  toggleLenses: 'promptCost.toggleLenses',
  openPriceSheets: 'promptCost.openPriceSheets',
  reloadPriceSheets: 'promptCost.reloadPriceSheets',
  compareWithBranch: 'promptCost.compareWithBranch',
  /** Internal: apply one suggestion (route lens click). Arguments: uri, anchor offset, suggestion index. */
  applySuggestion: 'promptCost.applySuggestion',
} as const;

export type CommandKey = keyof typeof Commands;

/** Commands a user sees in the palette, with their titles (package.json mirrors this). */
export const PALETTE: Partial<Record<CommandKey, string>> = {
  showReport: 'Show Workspace Report',
  compareModels: 'Compare Models for This Call',
  toggleLenses: 'Toggle Cost Lenses',
  openPriceSheets: 'Open Price Sheets',
  reloadPriceSheets: 'Reload Price Sheets',
  compareWithBranch: 'Compare with Branch…',
};

export const CATEGORY = 'Prompt Cost';
