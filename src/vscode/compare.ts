// "Compare Models for This Call": a Quick Pick of the configured models, per call and per month;
// picking one switches the call's model in place.
import * as vscode from 'vscode';
import { modelEdit } from '../core/editor/edits';
import type { AnalyzedCall, PriceTable } from '../core/types';
import { comparisonItems } from './compareItems';
import { toWorkspaceEdit } from './ranges';
import type { Settings } from './settings';
import type { WorkspaceFiles } from '../core/resolve/files';

/** Shows the pick; applies the switch and returns true when the user chose another model. */
export async function pickModel(doc: vscode.TextDocument, call: AnalyzedCall, table: PriceTable, s: Settings, files?: WorkspaceFiles): Promise<boolean> {
  const items = comparisonItems(call, table, s);
  if (!items.length) {
    void vscode.window.showInformationMessage('Prompt Cost: no models to compare. Set promptCost.compareModels or add price sheets.');
    return false;
  }
  const current = call.site.model?.id ?? call.site.modelUnresolved ?? 'unknown model';
  const pick = await vscode.window.showQuickPick(items, {
    title: `Compare models for this call (now ${current}; per month at promptCost.callsPerMonth)`,
    placeHolder: 'Pick a model to switch this call to it',
    matchOnDescription: true,
  });
  if (!pick || pick.comparison.current) return false;
  const edit = modelEdit(call.site, pick.comparison.model);
  if (!edit) {
    void vscode.window.showWarningMessage(`Prompt Cost: the model here is not a literal or constant that can be edited in place.`);
    return false;
  }
  const we = toWorkspaceEdit(doc, edit, call, (f) => files?.read(f));
  if (!we) {
    void vscode.window.showWarningMessage('Prompt Cost: the cell or file that sets this model changed; try again.');
    return false;
  }
  return vscode.workspace.applyEdit(we);
}
