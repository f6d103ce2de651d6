#!/bin/sh
# The runtime dependencies of the Docker image (Dockerfile), exactly as the lockfile pins them,
# run in the image's /app and, by test/deploy/image.test.ts, in a temporary folder.
set -eu
# No dev dependencies, and no install scripts but Kuzu's (it puts its prebuilt native binding
# in place); the root package's `prepare` would build bundles the image copies in instead.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund
npm rebuild kuzu
# Kuzu ships its C++ sources (~420 MB, for building where no prebuilt binding fits) and the
# bindings of other platforms: the image needs neither.
rm -rf node_modules/kuzu/kuzu-source node_modules/kuzu/prebuilt
