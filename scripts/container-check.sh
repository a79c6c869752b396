#!/usr/bin/env bash
# Builds the Dockerfile with podman (no Docker engine or container registry is needed) and checks the running
# container: HTTP 200 on /, liveness UP, uid 1000, port 7860 exposed, the HEALTHCHECK passes, logs under /data.
# Upstream images named in FROM lines are stood in for by local images built from Debian's archive.
# Usage: scripts/container-check.sh [context-dir]
# Knobs: CTR_WORK (podman storage, kept between runs), MAVEN_CACHE (mounted as /root/.m2 in the build stage),
#        HOST_PORT (default: a free port).
set -euo pipefail
CTX=$(cd "${1:-$(dirname "$0")/..}" && pwd)
DOCKERFILE=${DOCKERFILE:-$CTX/Dockerfile}
WORK=${CTR_WORK:-/var/tmp/safla-ctr}
PORT=7860
HOST_PORT=${HOST_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
JRE_BASE=localhost/debian-jre:17
MVN_BASE=localhost/debian-maven-node:17
IMG=localhost/safla-space:check
NAME=safla-check-$$
mkdir -p "$WORK"
export DEBIAN_FRONTEND=noninteractive

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v mmdebstrap >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends podman runc mmdebstrap uidmap fuse-overlayfs slirp4netns \
      containernetworking-plugins netavark aardvark-dns iptables catatonit conmon >/dev/null
fi

# runc (crun refuses this VM's hybrid cgroups), cgroupfs, and rlimits no higher than the VM allows
N=$(ulimit -Hn); P=$(( $(ulimit -Hu) < 32768 ? $(ulimit -Hu) : 32768 ))
cat > "$WORK/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$N:$N", "nproc=$P:$P"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
cat > "$WORK/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$WORK/storage"
runroot = "$WORK/runroot"
CONF
export CONTAINERS_CONF=$WORK/containers.conf CONTAINERS_STORAGE_CONF=$WORK/storage.conf BUILDAH_FORMAT=docker

if ! podman image exists "$JRE_BASE"; then
  t0=$SECONDS
  mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates,passwd \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook='mkdir -p "$1"/opt && ln -s /usr/lib/jvm/java-17-openjdk-amd64 "$1"/opt/java' \
    --customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1"/usr/local/share/ca-certificates/ 2>/dev/null || true; chroot "$1" update-ca-certificates >/dev/null' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$WORK/base.tar" /etc/apt/sources.list.d/debian.sources
  podman import --quiet \
    --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'CMD ["/bin/bash"]' "$WORK/base.tar" "$JRE_BASE" >/dev/null
  rm -f "$WORK/base.tar"
  echo "JRE base image built in $((SECONDS-t0))s"
fi

stages=$(awk 'toupper($1)=="FROM" && toupper($3)=="AS"{print tolower($4)}' "$DOCKERFILE")
for ref in $(awk 'toupper($1)=="FROM"{for(i=2;i<=NF;i++) if($i !~ /^--/){print $i; break}}' "$DOCKERFILE" | sort -u); do
  case "$ref" in *'$'*|scratch) continue;; esac
  grep -qx "$(echo "$ref" | tr A-Z a-z)" <<<"$stages" && continue
  if [[ "$ref" == *maven* ]]; then
    if ! podman image exists "$MVN_BASE"; then
      t0=$SECONDS
      # Vaadin's prepare-frontend wants Node.js >= 20 and would download it (impossible offline): give the
      # stand-in the machine's own Node.js when it has one, else Debian's.
      ctx="$WORK/maven-ctx"; rm -rf "$ctx"; mkdir -p "$ctx"
      node_steps='RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*'
      if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] \
         && [ -d "$(dirname "$(readlink -f "$(command -v node)")")/../lib/node_modules/npm" ]; then
        cp "$(readlink -f "$(command -v node)")" "$ctx/node"
        cp -r "$(dirname "$(readlink -f "$(command -v node)")")/../lib/node_modules/npm" "$ctx/npm"
        node_steps='COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx'
      fi
      printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven && rm -rf /var/lib/apt/lists/*\n%s\n' \
        "$JRE_BASE" "$node_steps" > "$ctx/Containerfile"
      podman build --pull=never -q -t "$MVN_BASE" -f "$ctx/Containerfile" "$ctx" >/dev/null
      echo "Maven base image built in $((SECONDS-t0))s"
    fi
    podman tag "$MVN_BASE" "$ref"
  else
    podman image exists "$ref" || podman tag "$JRE_BASE" "$ref"
  fi
  echo "local stand-in for $ref"
done

t0=$SECONDS
vol=(); if [ -n "${MAVEN_CACHE:-}" ]; then mkdir -p "$MAVEN_CACHE"; vol=(-v "$MAVEN_CACHE:/root/.m2"); fi
podman build --pull=never "${vol[@]}" -t "$IMG" -f "$DOCKERFILE" "$CTX"
echo "image built in $((SECONDS-t0))s"

cleanup() { podman rm -f -t 5 "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
t0=$SECONDS
podman run -d --name "$NAME" -p 127.0.0.1:$HOST_PORT:$PORT "$IMG" >/dev/null 2>&1
failed=0; passed=0
check() { if eval "$2"; then echo "PASS: $1"; passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }
ok=0
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$HOST_PORT/" 2>/dev/null; then ok=1; break; fi
  sleep 0.5
done
echo "container answered after $((SECONDS-t0))s"
check "HTTP 200 on / (host port $HOST_PORT -> $PORT)" '[ "$ok" = 1 ]'
if [ "$ok" != 1 ]; then podman logs "$NAME" 2>&1 | tail -60; fi
check "liveness UP" 'curl -fsS "http://127.0.0.1:$HOST_PORT/actuator/health/liveness" | grep -q "\"UP\""'
user=$(podman image inspect --format '{{.Config.User}}' "$IMG")
ports=$(podman image inspect --format '{{.Config.ExposedPorts}}' "$IMG")
hc=$(podman image inspect --format '{{.HealthCheck}}' "$IMG")
uid=$(podman exec "$NAME" id -u)
echo "user=$user uid=$uid ports=$ports healthcheck=$hc"
check "runs as uid 1000" '[ "$uid" = 1000 ]'
check "exposes 7860/tcp" '[[ "$ports" == *"7860/tcp"* ]]'
check "HEALTHCHECK defined" '[[ -n "$hc" && "$hc" != "<nil>" ]]'
check "HEALTHCHECK passes" 'podman healthcheck run "$NAME" >/dev/null 2>&1'
check "logs written under /data" 'podman exec "$NAME" test -s /data/logs/safla.log'
echo "container check: $passed passed, $failed failed"
[ "$failed" = 0 ]
