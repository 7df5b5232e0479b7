#!/usr/bin/env bash
# Makes the app's icon set from resources/icon/icon.svg (run by hand after
# changing the drawing; the results are committed). Debian tools:
#   apt-get install -y librsvg2-bin icnsutils icoutils
# Gives: resources/icon.png (1024 px: electron-builder's default and the
# window icon), resources/icon/<N>x<N>.png (Linux: AppImage and .deb),
# resources/icon.ico (Windows/NSIS: 16–256 px) and resources/icon.icns (macOS: 16–1024 px).
set -euo pipefail
cd "$(dirname "$0")/../resources"
svg=icon/icon.svg
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "icon/${size}x${size}.png"
done
cp icon/1024x1024.png icon.png
icotool -c -o icon.ico icon/16x16.png icon/24x24.png icon/32x32.png icon/48x48.png icon/64x64.png icon/128x128.png -r icon/256x256.png
png2icns icon.icns icon/16x16.png icon/32x32.png icon/128x128.png icon/256x256.png icon/512x512.png icon/1024x1024.png
echo "Icons made from $svg"
