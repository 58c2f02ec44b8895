#!/usr/bin/env bash
# Install the Debian packages the suite needs beyond Python, when missing and the caller is root (CI):
#   .ci/paket.sh PERINTAH:PAKET ...   e.g. chromium:chromium, or /path/of/a/file:PAKET for a package with no command
# A package is skipped when its command is already on PATH (or its file exists); not root and missing → a
# warning (the tests that need it then fail in CI, where CI=true, and skip elsewhere).
set -euo pipefail
kurang=()
for pasangan in "$@"; do
    perintah=${pasangan%%:*}
    paket=${pasangan#*:}
    case "$perintah" in
        /*) [ -e "$perintah" ] || kurang+=("$paket") ;;
        *) command -v "$perintah" >/dev/null 2>&1 || kurang+=("$paket") ;;
    esac
done
[ ${#kurang[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "paket.sh: belum terpasang: ${kurang[*]} (pasang dengan apt-get sebagai root)" >&2
    exit 0
fi
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${kurang[@]}" >&2
