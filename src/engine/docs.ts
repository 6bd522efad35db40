/** Where the project and each rule's documentation live; diagnostics and SARIF link here. */
export const PROJECT_URL = 'https://github.com/srlens/shared-responsibility-lens';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
