/**
 * The `govreport/reports` notification, as the server sends it and the VS Code client reads it
 * (features/reportIndex.ts builds it; client/src/reports.ts draws the 报告体检 view from it).
 * Sent only to a client that asks in its initializationOptions (`{ "reportsNotification": true }`).
 */
export const REPORTS_NOTIFICATION = 'govreport/reports';

export interface ReportEntry {
  uri: string;
  /** The report's title as written, when it has one. */
  title?: string;
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
  /** Open in the editor (the counts are the editor's text), or read from disk by the workspace check. */
  open: boolean;
}

export interface ReportsParams {
  /** Whether a workspace check ran in this session: without one, only open reports are listed. */
  checked: boolean;
  reports: ReportEntry[];
}
