// Reads `promptCost.*` through the typed reader, honouring workspace trust for restricted settings.
import * as vscode from 'vscode';
import { KEYS, RESTRICTED, readSettings, type Settings } from './settings';

export const SECTION = 'promptCost';

const restrictedKeys = new Set(RESTRICTED.map((k) => KEYS[k]));

/**
 * One snapshot of the settings. In an untrusted workspace, restricted settings come from the user's
 * own settings only (VS Code does this too for `restrictedConfigurations`; we do not rely on it alone).
 */
export function currentSettings(scope?: vscode.ConfigurationScope): Settings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const trusted = vscode.workspace.isTrusted;
  return readSettings((key) => {
    if (!trusted && restrictedKeys.has(key)) {
      const i = cfg.inspect(key);
      return i?.globalValue ?? i?.defaultValue;
    }
    return cfg.get(key);
  });
}

export function affectsUs(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}

/** Flips a boolean setting where it is set now (folder, workspace or user), so the flip is visible. */
export async function toggleSetting(key: string): Promise<boolean> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const i = cfg.inspect<boolean>(key);
  const next = !(cfg.get<boolean>(key) ?? true);
  const target =
    i?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : i?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await cfg.update(key, next, target);
  return next;
}
