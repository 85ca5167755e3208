#!/usr/bin/env bash
# Runs every test of ForbedringsABC. Works on a fresh machine with the .NET 10 SDK:
# restores the NuGet packages, builds, and runs the xunit suites.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test ForbedringsABC.sln -c Release --nologo -v q "$@"
