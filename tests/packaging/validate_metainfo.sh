#!/usr/bin/env bash
# validate_metainfo TOOL METAINFO VERSION: `appstreamcli validate --no-net` passes, and the newest
# <release> is the project's version (a release bump must come with its release notes).
source "$(dirname "$0")/common.sh"
tool=$1 metainfo=$2 version=$3
require_tool "$tool" appstreamcli appstream

output=$("$tool" validate --no-net "$metainfo" 2>&1) || { echo "$output"; fail "appstreamcli rejects $metainfo"; }
echo "$output"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || fail "$metainfo: the newest release is '$newest', the project is $version"
echo "PASS: $metainfo (newest release $newest)"
