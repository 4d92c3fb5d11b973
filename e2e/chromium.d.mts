/** The Chromium binary: `$CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export declare const chromiumPath: string
/** The command-line flags Chromium is launched with. */
export declare const chromiumArgs: string[]
