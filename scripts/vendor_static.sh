#!/usr/bin/env bash
# Vendor the dashboard's map assets from npm into src/marsad/web/static/vendor/ (run once; the
# outputs are committed so that the dashboard works offline and nothing is fetched at run time).
#   world-atlas 2.0.2: countries-110m.json (TopoJSON, ISO 3166 numeric ids), ISC licence
#   topojson-client 3.1.0: dist/topojson-client.min.js (TopoJSON -> GeoJSON in the browser), ISC licence
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/marsad/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null)
for pkg in world-atlas-2.0.2 topojson-client-3.1.0; do
  mkdir -p "$work/$pkg" && tar -xzf "$work/$pkg.tgz" -C "$work/$pkg"
done
mkdir -p "$dest"
cp "$work/world-atlas-2.0.2/package/countries-110m.json" "$dest/countries-110m.json"
cp "$work/world-atlas-2.0.2/package/LICENSE" "$dest/LICENSE.world-atlas"
cp "$work/topojson-client-3.1.0/package/dist/topojson-client.min.js" "$dest/topojson-client.min.js"
cp "$work/topojson-client-3.1.0/package/LICENSE" "$dest/LICENSE.topojson-client"
echo "vendored into $dest:" && ls -l "$dest"
