// The video hosts whose https pages display HTML may frame (sandboxed). On its own, without sanitize-html,
// so the reader's Content-Security-Policy can name them without loading the sanitizer.
export const DEFAULT_IFRAME_HOSTS: readonly string[] = [
  'player.vimeo.com',
  'www.youtube-nocookie.com',
  'www.youtube.com',
  'youtube.com',
];
