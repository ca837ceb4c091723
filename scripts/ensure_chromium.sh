#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing and we may (root with apt).
# Never fails: without a browser the browser tests are skipped, and say so.
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null) \
    || echo "could not install chromium: the browser tests will be skipped"
else
  echo "chromium is not installed: the browser tests will be skipped (apt-get install chromium)"
fi
exit 0
