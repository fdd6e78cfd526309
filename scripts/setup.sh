#!/usr/bin/env bash
# Installs what building and testing the translator needs, when missing:
# LLVM 19, clang-19 and lld-19 from Debian (see DEVELOPERS.md), make, python3, and a
# Rust toolchain check. Safe to run again: it only installs what is absent.
set -euo pipefail

need=()
command -v clang-19 >/dev/null 2>&1 || need+=(clang-19)
command -v llvm-link-19 >/dev/null 2>&1 || need+=(llvm-19)
[ -e /usr/lib/llvm-19/lib/libLLVM-19.so ] && [ -e /usr/lib/llvm-19/include/llvm-c/Core.h ] || need+=(llvm-19-dev)
[ -e /usr/lib/llvm-19/lib/libPolly.a ] || need+=(libpolly-19-dev)
[ -e /usr/include/zstd.h ] || need+=(libzstd-dev)
# lld links the ThinLTO build of several codegen units (translate --jobs).
[ -e /usr/lib/llvm-19/bin/ld.lld ] || need+=(lld-19)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)

if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
        sudo=sudo
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

command -v cargo >/dev/null 2>&1 || { echo "setup: cargo not found; install Rust (rustup) first" >&2; exit 1; }
