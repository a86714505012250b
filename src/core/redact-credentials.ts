/** Credentials kept out of every message: pure, shared by the HTTP client (src/io/http-client.ts) and feed state. */

/**
 * `text` with the userinfo of every URL in it ("http://user:pass@host/" → "http://***@host/"): a feed URL with
 * credentials, or a redirect's Location with them, must never reach the log, state/feeds.json or a public source page
 * through a failure message. The userinfo runs to the last "@" before the host's end ("/", "?", "#", "\\" or white
 * space), as the WHATWG URL parser reads it, so a password holding "@" is hidden whole. Never throws.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\\\s]*@/gi, '$1***@');
}
