export type SiteResolver = (path: string, url: URL) => Promise<string | null>;
export declare function staticSite(root: string, fallback?: string): SiteResolver;
export declare function startFixtureServer(options: { sites: Record<string, SiteResolver>; port?: number; host?: string }): Promise<{ port: number; close(): Promise<void> }>;
