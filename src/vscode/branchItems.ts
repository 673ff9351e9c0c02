// The QuickPick of "Compare with Branch…": branches, remote branches and tags (newest first), then recent commits,
// then a free-form revision. Pure: no `vscode` import (separators are a flag the command maps to QuickPickItemKind).
import type { GitRef } from '../node/git';

export interface BranchItem {
  label: string;
  description?: string;
  detail?: string;
  /** The revision to compare with; absent for a separator and for "enter a revision". */
  rev?: string;
  separator?: boolean;
  enterRevision?: boolean;
}

const ICON: Record<GitRef['kind'], string> = { branch: '$(git-branch)', remote: '$(cloud)', tag: '$(tag)' };

export function branchItems(refs: GitRef[], commits: { commit: string; when: string; subject: string }[], current?: string): BranchItem[] {
  const out: BranchItem[] = [];
  const section = (label: string, items: BranchItem[]) => {
    if (items.length) out.push({ label, separator: true }, ...items);
  };
  const byKind = (kind: GitRef['kind']) =>
    refs
      .filter((r) => r.kind === kind && r.name !== current)
      .map((r) => ({ label: `${ICON[kind]} ${r.name}`, description: `${r.commit} · ${r.when}`, detail: r.subject, rev: r.name }));
  section('Branches', byKind('branch'));
  section('Remote branches', byKind('remote'));
  section('Tags', byKind('tag'));
  section(
    'Recent commits',
    commits.map((c) => ({ label: `$(git-commit) ${c.commit}`, description: c.when, detail: c.subject, rev: c.commit })),
  );
  out.push({ label: '', separator: true }, { label: '$(edit) Enter a branch, tag or commit…', enterRevision: true });
  return out;
}
