#!/usr/bin/env bash
# Refreshes the list of common passwords that sign-up and password changes refuse
# (src/Passport.Web/Accounts/CommonPasswords.txt, shipped inside the host; no network call at run time).
#
#   scripts/update-common-passwords.sh [version]
#
# The list is the "passwords" dictionary of the zxcvbn-ts project (npm package
# @zxcvbn-ts/language-common, MIT licence): the passwords met most often in leaked
# password sets, most common first. It is taken unchanged, one password per line.
# Needs npm (it only downloads the package; nothing is installed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="${1:-4.1.3}"
target="src/Passport.Web/Accounts/CommonPasswords.txt"
licence="src/Passport.Web/Accounts/CommonPasswords.LICENSE.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@zxcvbn-ts/language-common@${version}" >/dev/null && tar -xzf ./*.tgz)
node -e '
const list = require(process.argv[1]);
if (!Array.isArray(list) || list.length < 10000) { throw new Error("unexpected passwords.json: " + list.length); }
process.stdout.write(list.join("\n") + "\n");
' "$work/package/src/passwords.json" > "$target"
{ printf 'The list in CommonPasswords.txt is the "passwords" dictionary of @zxcvbn-ts/language-common %s, unchanged.\n\n' "$version"; cat "$work/package/LICENSE.txt"; } > "$licence"
printf 'Wrote %s passwords from @zxcvbn-ts/language-common %s to %s\n' "$(wc -l < "$target")" "$version" "$target"
