#!/usr/bin/env bash
# Installs the native dependencies of CircuitNeuro on Debian/Ubuntu when they are missing:
#   libklu1, libngspice0, ngspice   - ngspice (shared library + command line) used as the
#                                     reference simulator for the circuit engine cross-checks
#   python3-brian                   - Brian simulator used as the reference for neuron models
# and checks that the .NET SDK (dotnet) is on PATH (reported only, never installed).
# Idempotent: does nothing (and says so) when everything is present. Exits non-zero when
# something needed is still missing at the end.
set -u

PACKAGES=(libklu1 libngspice0 ngspice python3-brian)

is_installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for p in "${PACKAGES[@]}"; do
    if is_installed "$p"; then
        present+=("$p")
    else
        missing+=("$p")
    fi
done

have_dotnet=1
command -v dotnet >/dev/null 2>&1 || have_dotnet=0

if [ ${#missing[@]} -eq 0 ] && [ $have_dotnet -eq 1 ]; then
    echo "setup: all native dependencies present"
    exit 0
fi

echo "setup: present: ${present[*]:-none}"

if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: apt-get not found; install these packages by hand: ${missing[*]}" >&2
    else
        SUDO=()
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then
                SUDO=(sudo)
            else
                echo "setup: not root and sudo not available; cannot install: ${missing[*]}" >&2
            fi
        fi
        if [ "$(id -u)" -eq 0 ] || [ ${#SUDO[@]} -gt 0 ]; then
            echo "setup: installing: ${missing[*]}"
            export DEBIAN_FRONTEND=noninteractive
            "${SUDO[@]}" apt-get update -qq || echo "setup: apt-get update failed" >&2
            "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
                || echo "setup: apt-get install reported a failure" >&2
        fi
    fi
fi

still_missing=()
for p in "${PACKAGES[@]}"; do
    is_installed "$p" || still_missing+=("$p")
done
if [ $have_dotnet -eq 0 ]; then
    echo "setup: dotnet (the .NET 10 SDK) is not on PATH; install it yourself (this script does not)" >&2
    still_missing+=("dotnet")
fi

if [ ${#still_missing[@]} -gt 0 ]; then
    echo "setup: still missing: ${still_missing[*]}" >&2
    exit 1
fi
echo "setup: all native dependencies present"
