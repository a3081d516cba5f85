#!/usr/bin/env bash
# validate_mime TOOL MIME_XML: update-mime-database builds a database from the MIME package
# without a complaint, and that database knows .rnnwb projects: the glob, the JSON parent
# type and the magic that recognises a project by its content.
source "$(dirname "$0")/common.sh"
tool=$1 xml=$2
require_tool "$tool" update-mime-database shared-mime-info

type=application/x-rnnwb-project
mkdir -p "$scratch/mime/packages"
cp "$xml" "$scratch/mime/packages/"
# update-mime-database exits 0 even for a file it cannot parse: its messages are the verdict.
# (XDG_DATA_HOME names the scratch directory, so it does not note that it is off the search path.)
messages=$(XDG_DATA_HOME="$scratch" "$tool" "$scratch/mime" 2>&1)
[ -z "$messages" ] || { echo "$messages"; fail "update-mime-database complains about $xml"; }
grep -qx "[0-9]*:$type:\*\.rnnwb" "$scratch/mime/globs2" || fail "no *.rnnwb glob for $type"
grep -qx "$type application/json" "$scratch/mime/subclasses" || fail "$type is not a subclass of application/json"
grep -q "\[[0-9]*:$type\]" "$scratch/mime/magic" || fail "no content magic for $type"
[ -f "$scratch/mime/application/x-rnnwb-project.xml" ] || fail "no type file for $type"
echo "PASS: $xml defines $type (*.rnnwb, subclass of application/json, content magic)"
