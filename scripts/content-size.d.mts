export interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}
export interface ContentSize {
  files: FileSize[];
  raw: number;
  gzip: number;
}
export declare const CONTENT_BUDGET_GZIP: number;
export declare function importGraph(root: string, entries: string[]): string[];
export declare function contentScriptSizes(root: string): Array<ContentSize & { matches: string[] }>;
export declare function matchesPattern(pattern: string, href: string): boolean;
export declare function contentSizeFor(root: string, href: string): ContentSize;
export declare function pageScripts(html: string): string[];
export declare function filesInUse(root: string, alsoLoaded?: string[]): Set<string>;
