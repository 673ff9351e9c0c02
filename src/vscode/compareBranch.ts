// "Prompt Cost: Compare with Branch…": picks a branch, tag or commit of the workspace's git repository and shows
// the working tree's calls against it in the report view, with a change column.
import * as vscode from 'vscode';
import { currentBranch, GitError, listRefs, recentCommits, repoRoot } from '../node/git';
import { branchItems, type BranchItem } from './branchItems';
import type { ReportView } from './reportView';

/** The folder of the active editor's workspace folder, else the first one. */
function workspaceFolder(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

export async function compareWithBranch(report: ReportView): Promise<void> {
  const folder = workspaceFolder();
  if (!folder) return void vscode.window.showInformationMessage('Prompt Cost: open a folder in a git repository to compare with a branch.');
  let items: BranchItem[];
  try {
    const root = repoRoot(folder);
    items = branchItems(listRefs(root), recentCommits(root), currentBranch(root));
  } catch (e) {
    if (e instanceof GitError) return void vscode.window.showErrorMessage(`Prompt Cost: ${e.message}`);
    throw e;
  }
  type Item = vscode.QuickPickItem & { item: BranchItem };
  const picks: Item[] = items.map((item) =>
    item.separator ? { label: item.label, kind: vscode.QuickPickItemKind.Separator, item } : { label: item.label, description: item.description, detail: item.detail, item },
  );
  const pick = await vscode.window.showQuickPick(picks, {
    title: 'Prompt Cost: compare the working tree with…',
    placeHolder: 'A branch, tag or commit (the working tree, unsaved editors included, is the other side)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return;
  let rev = pick.item.rev;
  if (pick.item.enterRevision) {
    rev = (await vscode.window.showInputBox({ title: 'Prompt Cost: compare with', prompt: 'A branch, tag or commit (e.g. origin/main, HEAD~3, v1.2.0)', ignoreFocusOut: true }))?.trim();
  }
  if (rev) await report.showCompare(rev, folder);
}
