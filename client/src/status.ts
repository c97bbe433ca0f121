// Icons and Markdown for statuses, shared by the tree and the status bar.
import * as vscode from 'vscode';
import type { ComputedStatus } from '../../server/src/engine/progress/types';
import { STATUS_ICONS, statusWords } from './status-words';

export function statusIcon(status: ComputedStatus): vscode.ThemeIcon {
  const { icon, colour } = STATUS_ICONS[status] ?? STATUS_ICONS['no-data'];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
}

export const statusText = statusWords;

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** A Markdown string that runs nothing and links nowhere: text from .okr files is escaped, HTML off. */
export function safeMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
