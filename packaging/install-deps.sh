#!/usr/bin/env bash
# Installs every Debian 12 package Fathom's build, tests, screenshots and packaging need.
# Idempotent: packages already present are not reinstalled, and apt is skipped when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6svg6 libgl1-mesa-dev
  libqcustomplot-dev
  libtorch-dev libgloo-dev libopenblas0-pthread
  libopencv-dev libgdal-dev gdal-bin
  libyaml-cpp-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  xvfb xauth imagemagick poppler-utils fonts-noto-cjk fonts-dejavu-core
  desktop-file-utils appstream
  openssh-client openssh-server  # remote training; its test starts its own sshd on 127.0.0.1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
