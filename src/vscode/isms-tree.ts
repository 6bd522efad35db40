/**
 * The "ISMS" tree in the Shared Responsibility view container: the nine steps (a checkbox each,
 * bound to done / not done), the asset register grouped Essential / Support, the risk register
 * sorted by score, and the statement of applicability (each Annex A control with its status and
 * the template lines that evidence it). The tree only reads the state; edits go through isms.ts.
 */
import * as vscode from 'vscode';
import {
  ISMS_STEPS,
  compareRisks,
  money,
  riskLevel,
  riskScore,
  type Asset,
  type ControlState,
  type Evidence,
  type IsmsState,
  type Risk,
  type StepState,
  type AccountSnapshot,
  type AccountSnapshotCheck,
} from '../isms';

export type IsmsNode =
  | { kind: 'group'; group: 'steps' | 'assets' | 'risks' | 'controls' | 'account' }
  | { kind: 'account-check'; check: AccountSnapshotCheck; checked: string }
  | { kind: 'account-note'; note: string }
  | { kind: 'category'; category: 'essential' | 'support' }
  | { kind: 'step'; step: StepState }
  | { kind: 'asset'; asset: Asset }
  | { kind: 'risk'; risk: Risk }
  | { kind: 'control'; control: ControlState }
  | { kind: 'evidence'; evidence: Evidence; control: string };

const STATUS_LABEL: Record<StepState['status'], string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  done: 'done',
};
const GROUP_LABEL = {
  steps: 'Steps',
  assets: 'Assets',
  risks: 'Risks',
  controls: 'Statement of applicability',
  account: 'Account',
} as const;
const CONTROL_STATUS_LABEL = {
  yes: 'implemented',
  partial: 'partly implemented',
  no: 'not implemented',
  inherited: 'inherited from AWS',
  unknown: 'not assessed',
} as const;

/** What the statement of applicability says: the status typed by hand, else the scan's suggestion. */
function controlStatus(control: ControlState): keyof typeof CONTROL_STATUS_LABEL {
  return control.implemented ?? control.suggested;
}

export class IsmsTreeProvider implements vscode.TreeDataProvider<IsmsNode> {
  private readonly changed = new vscode.EventEmitter<IsmsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private state: IsmsState | undefined;
  private account: { snapshot?: AccountSnapshot; note?: string } = {};

  constructor(private readonly root: () => vscode.Uri | undefined) {}

  /** The last account check (`.srlens/account.yaml`), shown in the Account section. */
  setAccount(account: { snapshot?: AccountSnapshot; note?: string }): void {
    this.account = account;
    this.changed.fire(undefined);
  }

  setState(state: IsmsState | undefined): void {
    this.state = state;
    this.changed.fire(undefined);
  }

  get current(): IsmsState | undefined {
    return this.state;
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: IsmsNode): IsmsNode[] {
    const state = this.state;
    // No state file yet: an empty tree shows the view's welcome content.
    if (!state) return [];
    if (!node)
      return [
        { kind: 'group', group: 'steps' },
        { kind: 'group', group: 'assets' },
        { kind: 'group', group: 'risks' },
        { kind: 'group', group: 'controls' },
        { kind: 'group', group: 'account' },
      ];
    if (node.kind === 'group' && node.group === 'account') {
      const { snapshot, note } = this.account;
      const notes: IsmsNode[] = note ? [{ kind: 'account-note', note }] : [];
      if (!snapshot)
        return [...notes, { kind: 'account-note', note: 'Not checked yet: run "AWS: Check This Account".' }];
      return [
        ...notes,
        ...snapshot.checks.map((check): IsmsNode => ({ kind: 'account-check', check, checked: snapshot.checked })),
      ];
    }
    if (node.kind === 'group' && node.group === 'controls')
      return state.controls.map((control) => ({ kind: 'control', control }));
    if (node.kind === 'control')
      return node.control.evidence.map((evidence) => ({ kind: 'evidence', evidence, control: node.control.id }));
    if (node.kind === 'group' && node.group === 'steps') return state.steps.map((step) => ({ kind: 'step', step }));
    if (node.kind === 'group' && node.group === 'assets')
      return [
        { kind: 'category', category: 'essential' },
        { kind: 'category', category: 'support' },
      ];
    if (node.kind === 'category') {
      return state.assets
        .filter((a) => a.category === node.category)
        .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'active' ? -1 : 1))
        .map((asset) => ({ kind: 'asset', asset }));
    }
    if (node.kind === 'group' && node.group === 'risks') {
      return [...state.risks]
        .sort((a, b) => (a.status === b.status ? compareRisks(a, b) : a.status === 'open' ? -1 : 1))
        .map((risk) => ({ kind: 'risk', risk }));
    }
    return [];
  }

  getTreeItem(node: IsmsNode): vscode.TreeItem {
    const state = this.state;
    switch (node.kind) {
      case 'group': {
        const label = GROUP_LABEL[node.group];
        const item = new vscode.TreeItem(
          label,
          node.group === 'controls'
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `group:${node.group}`;
        item.contextValue = `srlens.isms.group.${node.group}`;
        if (state) {
          if (node.group === 'steps')
            item.description = `${state.steps.filter((s) => s.status === 'done').length} of ${state.steps.length} done`;
          if (node.group === 'assets')
            item.description = `${state.assets.filter((a) => a.status === 'active').length} active`;
          if (node.group === 'risks')
            item.description = `${state.risks.filter((r) => r.status === 'open').length} open`;
          if (node.group === 'controls') {
            const applicable = state.controls.filter((c) => c.applicable);
            item.description = `${applicable.filter((c) => controlStatus(c) === 'yes').length} of ${applicable.length} applicable implemented`;
            item.tooltip = 'ISO/IEC 27001:2022 Annex A controls mapped to the concerns the templates settle.';
          }
        }
        if (node.group === 'account') {
          const snapshot = this.account.snapshot;
          item.description = snapshot
            ? `${snapshot.account} ${snapshot.region}, checked ${snapshot.checked}: ${snapshot.checks.filter((c) => c.status === 'fail').length} failed`
            : 'not checked';
          item.tooltip = 'The account-level checks no template shows (AWS: Check This Account), read-only.';
        }
        return item;
      }
      case 'category': {
        const item = new vscode.TreeItem(
          node.category === 'essential' ? 'Essential' : 'Support',
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `category:${node.category}`;
        item.description = String(state?.assets.filter((a) => a.category === node.category).length ?? 0);
        item.tooltip =
          node.category === 'essential'
            ? 'What the business values: information and processes.'
            : 'What the essential assets run on: software, hardware, people and partners.';
        return item;
      }
      case 'step': {
        const meta = ISMS_STEPS.find((s) => s.id === node.step.id);
        const index = ISMS_STEPS.findIndex((s) => s.id === node.step.id) + 1;
        const item = new vscode.TreeItem(
          `${index}. ${meta?.title ?? node.step.id}`,
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `step:${node.step.id}`;
        item.contextValue = 'srlens.isms.step';
        item.checkboxState = {
          state:
            node.step.status === 'done' ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
          tooltip: node.step.status === 'done' ? 'Mark as not done' : 'Mark as done',
          accessibilityInformation: {
            label: `${meta?.title ?? node.step.id}: ${STATUS_LABEL[node.step.status]}`,
            role: 'checkbox',
          },
        };
        item.description = [STATUS_LABEL[node.step.status], node.step.owner].filter(Boolean).join(' · ');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(meta?.guidance ?? '');
        tooltip.appendText(
          `\n\nStatus: ${STATUS_LABEL[node.step.status]}${node.step.owner ? `. Owner: ${node.step.owner}` : ''}${node.step.due ? `. Due: ${node.step.due}` : ''}.`,
        );
        item.tooltip = tooltip;
        return item;
      }
      case 'asset': {
        const a = node.asset;
        const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
        item.id = `asset:${a.id}`;
        item.contextValue = 'srlens.isms.asset';
        item.iconPath = new vscode.ThemeIcon(
          a.status === 'retired' ? 'archive' : a.category === 'essential' ? 'database' : 'server',
        );
        item.description = [
          a.value !== undefined ? money(a.value) : 'no value',
          a.owner ?? 'no owner',
          a.status === 'retired' ? 'retired' : undefined,
        ]
          .filter(Boolean)
          .join(' · ');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(
          `${a.name}${a.type ? ` (${a.type})` : ''}\n\n${a.file ? `${a.file}${a.line ? `:${a.line}` : ''}` : 'Added by hand'}` +
            (a.parts && a.parts.length > 0
              ? `\n\nWith ${a.parts.length} supporting ${a.parts.length === 1 ? 'resource' : 'resources'}: ${a.parts.join(', ')}`
              : ''),
        );
        item.tooltip = tooltip;
        this.link(item, a.file, a.line);
        return item;
      }
      case 'risk': {
        const r = node.risk;
        const score = riskScore(r);
        const item = new vscode.TreeItem(r.title, vscode.TreeItemCollapsibleState.None);
        item.id = `risk:${r.id}`;
        item.contextValue = 'srlens.isms.risk';
        item.iconPath = new vscode.ThemeIcon(
          r.status === 'closed' ? 'pass' : score >= 10 ? 'error' : score >= 5 ? 'warning' : 'info',
          r.status === 'closed'
            ? undefined
            : new vscode.ThemeColor(
                score >= 10 ? 'list.errorForeground' : score >= 5 ? 'list.warningForeground' : 'foreground',
              ),
        );
        const assetName = state?.assets.find((a) => a.id === r.asset)?.name ?? r.asset;
        item.description = `${score} ${riskLevel(score)} · ${r.treatment}${r.status === 'closed' ? ' · closed' : ''} · ${assetName}`;
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(
          `${r.title}\n\nRule ${r.ruleId} on ${assetName}. Likelihood ${r.likelihood} × impact ${r.impact} = ${score}. Treatment: ${r.treatment}.${r.riskOwner ? ` Owner: ${r.riskOwner}.` : ''}`,
        );
        item.tooltip = tooltip;
        this.link(item, r.file, r.lines[0]);
        return item;
      }
      case 'control': {
        const c = node.control;
        const status = controlStatus(c);
        const item = new vscode.TreeItem(
          `${c.id} ${c.title}`,
          c.evidence.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `control:${c.id}`;
        item.contextValue = 'srlens.isms.control';
        item.iconPath = new vscode.ThemeIcon(
          !c.applicable
            ? 'circle-slash'
            : c.inheritedFromAws
              ? 'cloud'
              : status === 'yes'
                ? 'pass'
                : status === 'inherited'
                  ? 'cloud'
                  : status === 'partial'
                    ? 'circle-large-outline'
                    : status === 'no'
                      ? 'error'
                      : 'question',
        );
        item.description = [
          !c.applicable
            ? 'not applicable'
            : c.inheritedFromAws
              ? 'inherited from AWS'
              : `${CONTROL_STATUS_LABEL[status]}${c.implemented || status === 'unknown' ? '' : ' (suggested)'}`,
          c.openRisks > 0 ? `${c.openRisks} open ${c.openRisks === 1 ? 'risk' : 'risks'}` : undefined,
        ]
          .filter(Boolean)
          .join(' · ');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(
          `${c.id} ${c.title}\n\n${c.implemented ? `Implemented: ${c.implemented} (recorded by hand).` : `Suggested by the scan: ${c.suggested}.`}` +
            `${c.justification ? `\n\nJustification: ${c.justification}` : ''}${c.missing ? `\n\nMissing: ${c.missing}.` : ''}\n\n${c.evidence.length} evidence ${c.evidence.length === 1 ? 'line' : 'lines'} in the templates.`,
        );
        item.tooltip = tooltip;
        return item;
      }
      case 'account-check': {
        const c = node.check;
        const item = new vscode.TreeItem(c.title, vscode.TreeItemCollapsibleState.None);
        item.id = `account:${c.id}`;
        item.contextValue = 'srlens.isms.accountCheck';
        item.iconPath = new vscode.ThemeIcon(
          c.status === 'pass'
            ? 'pass'
            : c.status === 'fail'
              ? c.severity === 'error'
                ? 'error'
                : 'warning'
              : 'circle-slash',
        );
        item.description =
          c.status === 'pass' ? 'pass' : c.status === 'fail' ? `failed (${c.severity})` : 'not checked';
        item.tooltip = `${c.id}, checked ${node.checked}${c.resources?.length ? `\n\n${c.resources.slice(0, 10).join('\n')}` : ''}`;
        return item;
      }
      case 'account-note': {
        const item = new vscode.TreeItem(node.note, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = node.note;
        return item;
      }
      case 'evidence': {
        const e = node.evidence;
        const item = new vscode.TreeItem(
          `${e.resource}${e.property ? `.${e.property}` : ''}`,
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `evidence:${node.control}:${e.file}:${e.line}:${e.ruleId}:${e.property ?? ''}`;
        item.iconPath = new vscode.ThemeIcon('file-code');
        item.description = `${e.file}:${e.line}`;
        item.tooltip = e.checked
          ? `The account check ${e.ruleId} passed on ${e.checked}.`
          : `Checked by ${e.ruleId}: nothing to report here.`;
        this.link(item, e.file, e.line);
        return item;
      }
    }
  }

  /** Clicking an item opens its template at the resource (files are relative to the workspace root). */
  private link(item: vscode.TreeItem, file: string | undefined, line: number | undefined): void {
    const root = this.root();
    if (!root || !file) return;
    const uri = /^([a-z]:)?[\\/]/i.test(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(root, file);
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    item.command = {
      command: 'vscode.open',
      title: 'Open',
      arguments: [uri, { selection: new vscode.Range(position, position), preview: true }],
    };
  }
}
