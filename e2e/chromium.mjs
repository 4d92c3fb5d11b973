// The Chromium the browser tests and the bench run: Debian's (`CHROMIUM_PATH` to use another), and
// the flags it needs here (no sandbox as root, no GPU, no background traffic).

/** The Chromium binary: `$CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The command-line flags Chromium is launched with. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
