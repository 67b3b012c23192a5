export declare const DEMO_HOST: string;
export declare const DEMO_ORIGIN: string;
export declare const DEMO_ORIGIN_PATTERN: string;
