#!/bin/sh
# Install the bundle that `make dist` built (dist/loyalty-desk) on a Linux till.
#
#   sudo installer/install-linux.sh                    # /opt/loyalty-desk, /usr/local/bin, menu entry
#   installer/install-linux.sh --prefix ~/.local       # for one user, no root needed
#   installer/install-linux.sh --data-dir /srv/till     # the till's data in a fixed folder
#
# Installing again upgrades in place: the program folder is replaced, the data directory
# (default ~/.local/share/loyalty-desk of whoever runs the client) is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bundle="$here/../dist/loyalty-desk"
prefix=/usr/local
opt=""
data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --bundle) bundle=$2; shift 2 ;;
    *) echo "usage: $0 [--prefix DIR] [--data-dir DIR] [--bundle DIR]" >&2; exit 2 ;;
  esac
done
[ -x "$bundle/loyalty-desk-gui" ] || { echo "no bundle at $bundle: run make dist first" >&2; exit 1; }
if [ "$prefix" = /usr/local ] || [ "$prefix" = /usr ]; then opt=/opt/loyalty-desk; else opt="$prefix/opt/loyalty-desk"; fi

mkdir -p "$(dirname "$opt")" "$prefix/bin" "$prefix/share/applications"
rm -rf "$opt.new"
cp -a "$bundle" "$opt.new"
if [ -n "$data_dir" ]; then
  mkdir -p "$data_dir"
  printf '[data]\ndir = %s\n' "$data_dir" > "$opt.new/loyalty-desk.ini"
elif [ -f "$opt/loyalty-desk.ini" ]; then
  cp "$opt/loyalty-desk.ini" "$opt.new/"  # keep the data location of the last install
fi
rm -rf "$opt.old"
[ -d "$opt" ] && mv "$opt" "$opt.old"
mv "$opt.new" "$opt"
rm -rf "$opt.old"
ln -sf "$opt/loyalty-desk" "$prefix/bin/loyalty-desk"
ln -sf "$opt/loyalty-desk-gui" "$prefix/bin/loyalty-desk-gui"
for dir in "$here"/icons/hicolor/*/apps; do
  size=$(basename "$(dirname "$dir")")
  mkdir -p "$prefix/share/icons/hicolor/$size/apps"
  cp "$dir"/loyalty-desk.* "$prefix/share/icons/hicolor/$size/apps/"
done
sed "s|^Exec=.*|Exec=$prefix/bin/loyalty-desk-gui|; s|^TryExec=.*|TryExec=$prefix/bin/loyalty-desk-gui|" \
  "$here/loyalty-desk.desktop" > "$prefix/share/applications/loyalty-desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "installed $("$opt/loyalty-desk" --version) in $opt"
