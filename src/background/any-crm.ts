/**
 * Keeps one dynamically registered content script in step with the CRM origins the rep
 * allowed from the options page. Runs on every grant and removal, and at each worker
 * start (Chromium may have stopped the worker while a permission changed, and a
 * registration can outlive the permission that justified it).
 */
import { crmPatterns } from '../sites/generic/origins';

export const ANY_CRM_SCRIPT_ID = 'walkaway-any-crm';
/** The self-contained IIFE build of src/content/index.ts (vite.config.ts emits it). */
export const ANY_CRM_SCRIPT_FILE = 'content-any-crm.js';

/** The few browser calls the sync needs, so it can be tested with a fake. */
export interface ScriptingPort {
  /** Host patterns granted now, required and optional alike. */
  grantedOrigins(): Promise<string[]>;
  /** Whether the optional "scripting" permission is granted (without it nothing can be registered). */
  canRegister(): Promise<boolean>;
  /** The matches of our registered script, or null when none is registered. */
  registered(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

/** Brings the registration in line with the grants; returns the patterns now registered. */
export async function syncAnyCrmScript(port: ScriptingPort): Promise<string[]> {
  if (!(await port.canRegister())) return [];
  const wanted = crmPatterns(await port.grantedOrigins());
  const current = await port.registered();
  if (wanted.length === 0) {
    if (current) await port.unregister();
    return [];
  }
  if (!current) await port.register(wanted);
  else if (current.length !== wanted.length || [...current].sort().some((pattern, at) => pattern !== wanted[at])) await port.update(wanted);
  return wanted;
}

/** Runs syncs one after another: grant events and the startup sync may overlap. */
export function serialSync(port: ScriptingPort, onError: (error: unknown) => void = () => undefined): () => Promise<string[]> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(() => syncAnyCrmScript(port));
    last = next.catch(onError);
    return next;
  };
}

/** The real port over chrome.permissions and chrome.scripting (present only once granted). */
export const chromeScriptingPort: ScriptingPort = {
  async grantedOrigins() {
    return (await chrome.permissions.getAll()).origins ?? [];
  },
  async canRegister() {
    return (await chrome.permissions.contains({ permissions: ['scripting'] })) && typeof chrome.scripting !== 'undefined';
  },
  async registered() {
    const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: [ANY_CRM_SCRIPT_ID] });
    return script ? (script.matches ?? []) : null;
  },
  async register(matches) {
    await chrome.scripting.registerContentScripts([
      { id: ANY_CRM_SCRIPT_ID, matches, js: [ANY_CRM_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  },
  async update(matches) {
    await chrome.scripting.updateContentScripts([{ id: ANY_CRM_SCRIPT_ID, matches, js: [ANY_CRM_SCRIPT_FILE] }]);
  },
  async unregister() {
    await chrome.scripting.unregisterContentScripts({ ids: [ANY_CRM_SCRIPT_ID] });
  },
};

/** Worker wiring: listeners are added synchronously, as MV3 requires, then one startup sync. */
export function startAnyCrmSync(port: ScriptingPort = chromeScriptingPort): () => Promise<string[]> {
  const sync = serialSync(port);
  chrome.permissions.onAdded.addListener(() => void sync().catch(() => undefined));
  chrome.permissions.onRemoved.addListener(() => void sync().catch(() => undefined));
  void sync().catch(() => undefined);
  return sync;
}
