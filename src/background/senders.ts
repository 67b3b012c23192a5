/** Who may send what: pure checks on a runtime.MessageSender. */
import type { Runtime } from 'webextension-polyfill';

/** A content script of ours, in the top frame of a normal web tab. */
export function isTopFrameOfTab(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    sender.frameId === 0 &&
    typeof sender.url === 'string' &&
    /^https?:/.test(sender.url) &&
    !sender.url.startsWith(extensionOrigin)
  );
}

/** Our popup or options page (opened as a popup, an options page or a tab). */
export function isExtensionPage(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
