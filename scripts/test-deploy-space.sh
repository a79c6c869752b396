#!/usr/bin/env bash
# Tests scripts/deploy-space.sh against local bare repositories: it pushes HEAD, refuses bad input, and never
# prints the token. Prints "deploy-space tests: N passed, M failed".
set -uo pipefail
cd "$(git rev-parse --show-toplevel)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$2"; then echo "PASS: $1"; passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }

# a clean clone, so uncommitted work in this checkout does not matter
git clone -q . "$tmp/src"
git init -q --bare "$tmp/space.git"
git -C "$tmp/space.git" symbolic-ref HEAD refs/heads/main
secret="hf_TestTokenThatMustNeverBePrinted123"

out=$(cd "$tmp/src" && HF_TOKEN=$secret scripts/deploy-space.sh --space someone/safla-space --remote "$tmp/space.git" 2>&1); rc=$?
check "push to a bare repository succeeds" '[ $rc = 0 ] && [ "$(git -C "$tmp/space.git" rev-parse main 2>/dev/null)" = "$(git -C "$tmp/src" rev-parse HEAD)" ]'
check "the Space gets the Dockerfile and README front matter" 'git -C "$tmp/space.git" show main:README.md | grep -q "^sdk: docker$" && git -C "$tmp/space.git" cat-file -e main:Dockerfile'
check "the token is never printed" '! grep -q "$secret" <<<"$out"'

git init -q --bare "$tmp/existing.git"
git clone -q "$tmp/existing.git" "$tmp/other" 2>/dev/null
(cd "$tmp/other" && git commit -q --allow-empty -m "Space's own first commit" && git push -q origin HEAD:main) 2>/dev/null
(cd "$tmp/src" && scripts/deploy-space.sh --space a/b --remote "$tmp/existing.git" >/dev/null 2>&1); rc=$?
check "an unrelated history is not overwritten without --force" '[ $rc != 0 ]'
(cd "$tmp/src" && scripts/deploy-space.sh --space a/b --remote "$tmp/existing.git" --force >/dev/null 2>&1)
check "--force replaces it" '[ "$(git -C "$tmp/existing.git" rev-parse main)" = "$(git -C "$tmp/src" rev-parse HEAD)" ]'

(cd "$tmp/src" && scripts/deploy-space.sh --space "not a space" --remote "$tmp/space.git" >/dev/null 2>&1); rc=$?
check "a malformed --space is refused" '[ $rc = 2 ]'
(cd "$tmp/src" && env -u HF_TOKEN -u HUGGINGFACE_API_KEY scripts/deploy-space.sh --space a/b >/dev/null 2>&1); rc=$?
check "an https push without a token is refused before contacting anyone" '[ $rc = 1 ]'
echo "dirty" >> "$tmp/src/README.md"
(cd "$tmp/src" && scripts/deploy-space.sh --space a/b --remote "$tmp/space.git" >/dev/null 2>&1); rc=$?
check "uncommitted changes are refused" '[ $rc = 1 ]'

echo "deploy-space tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
