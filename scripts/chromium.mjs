// Starts Debian's Chromium with an extension loaded, for npm start, the e2e tests and
// the benchmark. Flags keep it off the network: this machine (and CI) has none.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Chromium flags: extension loaded, host names mapped to local servers, no network chatter. */
export function chromiumArgs({ extensionPath, hostMap = {}, headless = true, userDataDir }) {
  const rules = Object.entries(hostMap)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');
  return [
    ...(headless ? ['--headless=new'] : []),
    `--user-data-dir=${userDataDir}`,
    // extensionPath null: the same browser without the extension (the benchmark's baseline).
    ...(extensionPath ? [`--load-extension=${extensionPath}`, `--disable-extensions-except=${extensionPath}`] : []),
    ...(rules ? [`--host-resolver-rules=${rules}`] : []),
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--password-store=basic',
    '--window-size=1280,900',
  ];
}

/**
 * Spawns Chromium with a DevTools port and resolves once it listens, with the
 * WebSocket endpoint Playwright connects to (connectOverCDP). One browser can then
 * be shared by every e2e test file.
 */
export async function spawnChromium({ extensionPath, hostMap, headless = true, extraArgs = [] }) {
  const executable = chromiumPath();
  if (!executable) throw new Error('Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  const userDataDir = mkdtempSync(join(tmpdir(), 'walkaway-chromium-'));
  const args = [...chromiumArgs({ extensionPath, hostMap, headless, userDataDir }), '--remote-debugging-port=0', ...extraArgs, 'about:blank'];
  // Its own process group, so closing it also ends the renderers and helpers it started,
  // even when Node exits without closing it (a failed test run, an interrupted script).
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const wsEndpoint = await new Promise((ok, fail) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start in 30 s:\n${buffered.slice(-2000)}`)), 30_000);
    child.stderr.on('data', (data) => {
      buffered += data.toString();
      const match = buffered.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${code}):\n${buffered.slice(-2000)}`));
    });
  });
  child.stderr.resume();
  return {
    wsEndpoint,
    process: child,
    async close() {
      if (child.exitCode === null) {
        killGroup('SIGTERM');
        await new Promise((ok) => {
          const timer = setTimeout(ok, 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            ok(undefined);
          });
        });
      }
      killGroup('SIGKILL');
      process.off('exit', onExit);
      // A renderer may still be flushing the profile for a moment: a leftover temp folder is harmless.
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // left in the temp folder
      }
    },
  };
}
