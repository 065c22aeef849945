#!/usr/bin/env bash
# Neovim as an LSP client of dist/server.js: opens a report fixture headless, waits (bounded)
# for the diagnostics, asserts their codes and applies a quick fix. Fails loudly without nvim.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v nvim >/dev/null 2>&1; then
  echo "test:nvim: nvim is not installed (Debian: apt-get install -y neovim); this test needs it" >&2
  exit 1
fi
if [ ! -f dist/server.js ]; then
  echo "test:nvim: dist/server.js is missing; run node scripts/build.mjs first" >&2
  exit 1
fi
echo "test:nvim: $(nvim --version | head -n 1), $(node --version)"

# Neovim's state, logs and shada go to a temporary home, not the user's.
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export XDG_CONFIG_HOME="$state/config" XDG_DATA_HOME="$state/data" XDG_STATE_HOME="$state/state" XDG_CACHE_HOME="$state/cache"

export GOVREPORT_SERVER="$PWD/dist/server.js"
export GOVREPORT_EXPECT="cell-not-number,section-missing,sum-applicant-total,sum-review-litigation"
export GOVREPORT_TIMEOUT_MS=15000
# A copy: the quick fix edits the buffer (never written back), and the fixture stays as it is.
cp test/fixtures/lsp/wrong-totals.md "$state/wrong-totals.md"
timeout 60 nvim --headless -n -i NONE --noplugin -u test/nvim/init.lua "$state/wrong-totals.md"
