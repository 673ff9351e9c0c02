// The e2e's yardstick for "first lens after opening a file": one constant code lens at the top of every file,
// returned whole by provideCodeLenses (no resolve step, no analysis), so its time to the screen is what
// VS Code itself needs. VS Code shows a file's lenses once every provider has answered, so the two are measured
// one at a time: "E2E Baseline: Switch Lenses" turns this lens on and Prompt Cost's off, and back. Off at start.
const vscode = require('vscode');

exports.activate = (context) => {
  let on = false;
  const changed = new vscode.EventEmitter();
  const lens = new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'E2E baseline lens', command: 'e2eBaseline.noop' });
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, {
      onDidChangeCodeLenses: changed.event,
      provideCodeLenses: () => (on ? [lens] : []),
    }),
    vscode.commands.registerCommand('e2eBaseline.noop', () => {}),
    vscode.commands.registerCommand('e2eBaseline.switch', async () => {
      on = !on;
      await vscode.workspace.getConfiguration('promptCost').update('codeLens.enable', !on, vscode.ConfigurationTarget.Global);
      changed.fire();
      vscode.window.setStatusBarMessage(`E2E lenses: ${on ? 'baseline' : 'Prompt Cost'}`, 3000);
    }),
  );
};
