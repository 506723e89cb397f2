/**
 * The ribbon's function file (manifest FunctionFile → commands.html). The only ribbon button opens the
 * task pane (ShowTaskpane), so there are no function commands yet; Office still requires the page to
 * initialise office.js.
 */
const office = (globalThis as unknown as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  void office.onReady();
}

export {};
