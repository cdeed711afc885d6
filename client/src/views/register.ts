// The Orders view in its own view container (package.json `viewsContainers`, `views`,
// `viewsWelcome`, `menus`): the tree, its commands, and a badge on the view counting the orders
// whose last submission may have been placed.
import * as vscode from 'vscode';
import type { HistoryStore } from '../history/store';
import type { SubmissionPanel } from '../panel/panel';
import { registerOrdersCommands } from './ordersCommands';
import { ORDERS_VIEW_ID, orderState } from './ordersItems';
import { OrdersTreeProvider } from './ordersView';

export function registerOrdersView(
  context: vscode.ExtensionContext,
  history: HistoryStore,
  panel: SubmissionPanel,
): OrdersTreeProvider {
  const provider = new OrdersTreeProvider(history);
  const view = vscode.window.createTreeView(ORDERS_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const updateBadge = (): void => {
    const doubtful = provider.model
      .orderFiles()
      .filter((file) => orderState(provider.model.submissionsOf(file)).maybePlaced).length;
    view.badge =
      doubtful > 0
        ? { value: doubtful, tooltip: `${doubtful} order${doubtful === 1 ? '' : 's'} may have been placed` }
        : undefined;
  };
  context.subscriptions.push(provider, view, provider.onDidChangeTreeData(updateBadge));
  registerOrdersCommands(context, provider, panel);
  return provider;
}
