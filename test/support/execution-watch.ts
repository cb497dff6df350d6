// Opens a document in Chromium and reports every sign that script from the document ran, not only calls
// to one global hook:
//   - `__xss(n)` called in any frame (the hook is defined in every frame, and `top.__xss` too where top is
//     reachable), and uncaught script errors in any frame (a payload that runs in a cross-origin data: frame
//     cannot reach `top.__xss`, but its SecurityError shows that it ran);
//   - dialogs (alert, confirm, prompt, beforeunload) and print();
//   - requests to the canary host, popups, and navigations of any frame away from the document;
// after the document has loaded, settled, and every element has been focused, hovered, pressed and
// clicked (synthetic events in document order, then a settle again). Navigations are refused at the
// network (the document stays), so one vector that follows a link cannot hide the ones after it.
//
// "Settled" is deterministic, never a sleep: no request in flight, and two animation-frame + task
// round trips in every frame in a row with nothing new reported.
import type { Browser, Frame, Page } from 'playwright-core';

export const CANARY_HOST = 'canary.invalid';

export interface Execution {
  /** `hook` | `script error` | `dialog` | `print` | `canary request` | `navigation` | `popup` */
  how: string;
  detail: string;
  /** the vector number when it is known (the hook's argument, or the data-vector around a frame) */
  vector: number | null;
}

export interface Observed {
  executions: Execution[];
  /** how the main document was decoded */
  characterSet: string;
  baseURI: string;
  cookie: string;
  /** whether `window.__end` was set by the document's last script (it was parsed to its end) */
  end: boolean;
}

export interface OpenOptions {
  /** the document's URL; nothing else on its origin but `files` is served */
  url: string;
  body: Buffer;
  /** exactly as sent: `text/html` with no charset lets the document choose its own encoding */
  contentType: string;
  /** skip the focus/hover/click round (a page that only has to load) */
  interact?: boolean;
}

const INIT = `(() => {
  const report = (how, detail) => { try { window.__xssReport(how, String(detail)); } catch (e) { /* binding gone: the page is closing */ } };
  window.__xss = (n) => report('hook', n);
  window.print = () => report('print', '');
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent) report('script error', e.message + ' @line ' + e.lineno); }, true);
})();`;

// In-page: every element, in document order, focused, hovered, pressed and clicked with synthetic events
// (inline handlers and javascript: links run for those as for real ones).
const EXERCISE = `(async () => {
  const task = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
  const mouse = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown', 'mousedown',
    'pointerup', 'mouseup', 'dblclick', 'contextmenu', 'auxclick', 'mouseout', 'mouseleave', 'pointerout', 'pointerleave'];
  const other = ['keydown', 'keypress', 'keyup', 'input', 'change', 'select', 'copy', 'paste', 'wheel', 'scroll',
    'toggle', 'drag', 'dragstart', 'dragend', 'drop', 'touchstart', 'touchend', 'animationstart', 'transitionend'];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    if (el === document.documentElement || el === document.body || el === document.head) continue;
    try { el.focus && el.focus(); } catch (e) { /* a handler threw: reported by the error listener */ }
    for (const type of mouse) {
      try { el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true })); } catch (e) { /* as above */ }
    }
    for (const type of other) {
      try { el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true })); } catch (e) { /* as above */ }
    }
    // SVG and MathML elements have no click(); a dispatched click still runs a link's activation behaviour.
    try {
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    } catch (e) { /* as above */ }
    try { el.blur && el.blur(); } catch (e) { /* as above */ }
    // A javascript: URL runs in a task of its own, and a later navigation would cancel it (HTML § navigate).
    await task();
  }
})();`;

const TASK = `new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); })`;
const FRAME_AND_TASK = `new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); }))`;

export interface Watcher {
  open(options: OpenOptions): Promise<Observed>;
  close(): Promise<void>;
}

/**
 * One browser context and tab, reused for every document opened through it (making a tab is the slow
 * part on a loaded machine); each open() navigates it to a fresh document and reports only what that
 * document did. Open one document at a time per watcher.
 */
export async function createWatcher(browser: Browser): Promise<Watcher> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let executions: Execution[] = [];
  let current: OpenOptions | null = null;
  let initialDone = false;
  let interacting = false;
  let inFlight = 0;

  const vectorOf = async (frame: Frame | null): Promise<number | null> => {
    const element = await frame?.frameElement().catch(() => null);
    if (!element) return null;
    const n = await element.evaluate((e) => (e as Element).closest('[data-vector]')?.getAttribute('data-vector') ?? null).catch(() => null);
    return n === null ? null : Number(n);
  };
  const record = async (how: string, detail: string, frame: Frame | null): Promise<void> => {
    const into = executions;
    const inMain = frame === null || frame === page.mainFrame();
    const hook = how === 'hook' ? Number(detail) : Number.NaN;
    const vector = Number.isInteger(hook) ? hook : inMain ? null : await vectorOf(frame);
    into.push({ how, detail, vector });
  };

  await page.exposeBinding('__xssReport', (source, how: string, detail: string) => record(how, detail, source.frame));
  await page.addInitScript(INIT);
  page.on('dialog', (dialog) => {
    const message = dialog.message();
    executions.push({ how: 'dialog', detail: `${dialog.type()}: ${message}`, vector: /^\d+$/.test(message) ? Number(message) : null });
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('page', (popup) => {
    executions.push({ how: 'popup', detail: popup.url(), vector: null });
    void popup.close().catch(() => undefined);
  });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    inFlight++;
    try {
      // A navigation answered 204 No Content is cancelled and the document stays (HTML § navigate,
      // "process a navigate response"); an aborted one would replace it with an error page.
      const navigation = request.isNavigationRequest() && (initialDone || url !== current?.url);
      if (new URL(url).hostname === CANARY_HOST) {
        await record(navigation ? 'navigation' : 'canary request', url, request.frame());
        await (navigation ? route.fulfill({ status: 204 }) : route.abort());
      } else if (navigation) {
        // Before anything is clicked, a navigation is the document's own doing (refresh, location=…);
        // after, following a link is what links do.
        if (!interacting) await record('navigation', url, request.frame());
        await route.fulfill({ status: 204 });
      } else if (current !== null && url === current.url) {
        await route.fulfill({ status: 200, headers: { 'content-type': current.contentType }, body: current.body });
      } else {
        // Nothing else exists (x.png is a broken image, which fires error events); no network.
        await route.abort();
      }
    } finally {
      inFlight--;
    }
  });

  return {
    async open(options) {
      executions = [];
      current = options;
      initialDone = false;
      interacting = false;
      await page.goto(options.url, { waitUntil: 'load' });
      initialDone = true;
      await settle(page, () => executions.length, () => inFlight);
      if (options.interact !== false) {
        interacting = true;
        for (const frame of page.frames()) await frame.evaluate(EXERCISE).catch(() => undefined);
        await settle(page, () => executions.length, () => inFlight);
      }
      const state = await page.evaluate(() => ({
        characterSet: document.characterSet,
        baseURI: document.baseURI,
        cookie: document.cookie,
        end: (window as unknown as { __end?: boolean }).__end === true,
      }));
      const seen = executions;
      // Leave the document, so that nothing it still does is counted for the next one.
      initialDone = false;
      interacting = false;
      current = null;
      await page.goto('about:blank');
      return { executions: seen, ...state };
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * No request in flight and two quiet round trips in a row: an animation frame then a task in the main
 * frame (autofocus and image error events run by then), a task in every other frame (an offscreen
 * cross-origin frame gets no animation frames). Bounded by rounds, not time, for a page that never
 * stops reporting (a payload on an interval).
 */
async function settle(page: Page, seen: () => number, inFlight: () => number): Promise<void> {
  for (let quiet = 0, round = 0; quiet < 2 && round < 100; round++) {
    const before = seen();
    await Promise.all(page.frames().map((frame) =>
      frame.evaluate(frame === page.mainFrame() ? FRAME_AND_TASK : TASK).catch(() => undefined)));
    quiet = inFlight() === 0 && seen() === before ? quiet + 1 : 0;
  }
}
