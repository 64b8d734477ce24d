#!/usr/bin/env bash
# The NSIS installer under Wine, as a user without administrator rights would run it (silently, /S): it
# installs passerelles.exe, the content and the fonts in %LOCALAPPDATA%\Programs\Passerelles, a Start-menu
# entry and an uninstall entry for this user only; the installed pack tool validates the installed
# content; the uninstaller removes all of it and leaves the learner's data folder alone.
# Usage: installer_under_wine.sh INSTALLER.exe   (WINEPREFIX set by tools/package windows --test)
set -euo pipefail
installer="$1"
fail() {
    echo "installer_under_wine: $*" >&2
    exit 1
}
local_app_data="$(winepath -u "$(wine cmd /c echo %LOCALAPPDATA% | tr -d '\r')")"
app_data="$(winepath -u "$(wine cmd /c echo %APPDATA% | tr -d '\r')")"
programs="$(winepath -u "$(wine cmd /c echo %APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs | tr -d '\r')")"
target="$local_app_data/Programs/Passerelles"
rm -rf "$target"
mkdir -p "$app_data/Passerelles"
echo "donnée de l'apprenant" >"$app_data/Passerelles/garder.txt"

wine "$installer" /S
wineserver --wait
for file in passerelles.exe passerelles-pack.exe "Desinstaller Passerelles.exe" fonts/DejaVuSans.ttf \
    content/cahier-ludique/pack.json licences/sdl2.txt; do
    [[ -f "$target/$file" ]] || fail "the installer did not install $file in $target"
done
[[ -f "$programs/Passerelles.lnk" ]] || fail "no Start-menu entry in $programs"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelles' /v UninstallString \
    >/dev/null 2>&1 || fail "no uninstall entry for the current user"
wine "$target/passerelles-pack.exe" validate "$target/content/cahier-ludique" >/dev/null ||
    fail "the installed passerelles-pack.exe does not validate the installed content"

wine "$target/Desinstaller Passerelles.exe" /S
wineserver --wait
# NSIS's uninstaller copies itself to a temporary folder and returns at once: wait for it to finish.
for _ in $(seq 1 60); do
    [[ -e "$target/passerelles.exe" ]] || break
    sleep 0.5
done
[[ ! -e "$target/passerelles.exe" && ! -e "$target/content" ]] || fail "the uninstaller left files in $target"
[[ ! -e "$programs/Passerelles.lnk" ]] || fail "the uninstaller left the Start-menu entry"
[[ -f "$app_data/Passerelles/garder.txt" ]] || fail "the uninstaller touched the learner's data"
rm -rf "$app_data/Passerelles"
echo "installer_under_wine: installed, validated and uninstalled for the current user, data kept" >&2
