// Where the bundled demo site is served (mapped to a local HTTPS server with --host-resolver-rules).
export const DEMO_HOST = 'demo.walkaway.test';
export const DEMO_ORIGIN = `https://${DEMO_HOST}`;
export const DEMO_ORIGIN_PATTERN = `${DEMO_ORIGIN}/*`;
