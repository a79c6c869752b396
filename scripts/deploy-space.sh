#!/usr/bin/env bash
# Deploys the committed HEAD of this repository to a HuggingFace Docker Space with git.
# The token comes from HF_TOKEN (or HUGGINGFACE_API_KEY) in the environment and is handed to git through a
# temporary GIT_ASKPASS helper: it never appears in the command line, the remote URL, the output or git config.
#
# Usage: scripts/deploy-space.sh --space OWNER/NAME [--remote URL] [--branch main] [--force] [--dry-run]
#   --remote  push somewhere else than https://huggingface.co/spaces/OWNER/NAME (e.g. a local bare repository)
#   --force   replace the Space's history (a new Space starts with its own README commit)
set -euo pipefail

space="" remote="" branch="main" force=() dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --space) space=${2:?--space needs OWNER/NAME}; shift 2 ;;
    --remote) remote=${2:?--remote needs a URL}; shift 2 ;;
    --branch) branch=${2:?--branch needs a name}; shift 2 ;;
    --force) force=(--force); shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "deploy-space: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(git rev-parse --show-toplevel)"
[ -n "$space" ] || { echo "deploy-space: --space OWNER/NAME is required" >&2; exit 2; }
[[ "$space" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$ ]] \
  || { echo "deploy-space: --space must look like owner/name" >&2; exit 2; }
[ -n "$remote" ] || remote="https://huggingface.co/spaces/$space"

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "deploy-space: uncommitted changes; commit them first so the Space gets exactly what is in git" >&2
  exit 1
fi
for f in Dockerfile README.md config/safla_production.json; do
  git cat-file -e "HEAD:$f" 2>/dev/null || { echo "deploy-space: $f is not committed" >&2; exit 1; }
done
front=$(git show HEAD:README.md | sed -n '1,/^---$/{p}' | sed -n '2,$p')
grep -q '^sdk: docker$' <<<"$front" || { echo "deploy-space: README front matter lacks 'sdk: docker'" >&2; exit 1; }
grep -q '^app_port: 7860$' <<<"$front" || { echo "deploy-space: README front matter lacks 'app_port: 7860'" >&2; exit 1; }

token=${HF_TOKEN:-${HUGGINGFACE_API_KEY:-}}
askpass=""
cleanup() { if [ -n "$askpass" ]; then rm -f "$askpass"; fi; }
trap cleanup EXIT
if [[ "$remote" == http*://* ]]; then
  [ -n "$token" ] || { echo "deploy-space: set HF_TOKEN (a write token) to push to $remote" >&2; exit 1; }
  [[ "$token" == hf_* ]] || echo "deploy-space: warning: the token does not start with hf_; HuggingFace will probably refuse it" >&2
  askpass=$(mktemp)
  chmod 700 "$askpass"
  # the helper reads the token from the environment at call time, so the file itself holds no secret
  printf '#!/bin/sh\ncase "$1" in Username*) echo "hf-deploy" ;; *) printf %%s "$SAFLA_DEPLOY_TOKEN" ;; esac\n' > "$askpass"
fi

commit=$(git rev-parse --short HEAD)
echo "deploy-space: pushing $commit to $space (branch $branch)${force:+ with --force}"
if [ "$dry_run" = 1 ]; then
  echo "deploy-space: dry run, nothing pushed"
  exit 0
fi
SAFLA_DEPLOY_TOKEN="$token" GIT_ASKPASS="${askpass:-}" GIT_TERMINAL_PROMPT=0 \
  git -c credential.helper= push "${force[@]}" "$remote" "HEAD:refs/heads/$branch" 2>&1 \
  | { if [ -n "$token" ]; then sed "s/$token/[redacted]/g"; else cat; fi; }
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || { echo "deploy-space: push failed (exit $status)" >&2; exit "$status"; }
echo "deploy-space: done; the Space rebuilds from the Dockerfile (watch its Logs tab)"
