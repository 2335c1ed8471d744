#!/bin/sh
# Rebuilds icon.png (512x512, window and Linux packages) and icon.ico (16-256 px, Windows) from icon.svg.
# Needs Debian's librsvg2-bin and imagemagick: apt-get install -y librsvg2-bin imagemagick
set -eu
cd "$(dirname "$0")"
rsvg-convert -w 512 -h 512 icon.svg -o icon.png
for size in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icon-$size.tmp.png"
done
convert icon-16.tmp.png icon-24.tmp.png icon-32.tmp.png icon-48.tmp.png icon-64.tmp.png icon-128.tmp.png \
  icon-256.tmp.png icon.ico
rm -f icon-*.tmp.png
