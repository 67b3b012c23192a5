export declare function startStaticServer(options: { root: string; fallback?: string; port?: number; host?: string }): Promise<{ port: number; close(): Promise<void> }>;
