#!/usr/bin/env bash
# One newsvault cycle for cron. Every line of output is appended to the log with a UTC timestamp, then the
# exit code. Exit 0 (all went through) and 1 (some sources failed, the rest was archived) are logged only.
# Any other code (2 bad usage or config, 3 the archive could not advance, 4 an internal error) is also
# printed on stderr, which cron mails to MAILTO (or the crontab's owner), and the script exits with it.
#
#   NEWSVAULT_DIR  the folder holding newsvault.config.json (required)
#   NEWSVAULT_BIN  the newsvault program (default: the one in the package this script came with)
#   NEWSVAULT_LOG  the log file (default: $NEWSVAULT_DIR/newsvault.log)
set -u
: "${NEWSVAULT_DIR:?set NEWSVAULT_DIR to the folder holding newsvault.config.json}"
here=$(cd "$(dirname "$0")" && pwd)
bin=${NEWSVAULT_BIN:-$here/../../bin/newsvault.js}
log=${NEWSVAULT_LOG:-$NEWSVAULT_DIR/newsvault.log}

stamp() {
  while IFS= read -r line; do printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$line"; done
}

cd "$NEWSVAULT_DIR" || exit 2
"$bin" run 2>&1 | stamp >> "$log"
status=${PIPESTATUS[0]}
echo "newsvault run: exit $status" | stamp >> "$log"
if [ "$status" -gt 1 ]; then
  echo "newsvault run in $NEWSVAULT_DIR failed with exit code $status (2 usage or config, 3 the archive could not advance, 4 internal error); see $log" >&2
  exit "$status"
fi
exit 0
