#!/usr/bin/env bash
# Builds the Dockerfile with podman (no Docker engine or container registry is needed) and checks the running
# container: HTTP 200 on /, liveness UP, Java 25, uid 1000, /app owned by 1000, port 7860 exposed, a CMD that runs
# the jar, the HEALTHCHECK passes, logs under /data.
# Upstream images named in FROM lines are stood in for by local images built from Debian trixie's archive
# (OpenJDK 25 from Debian, not Temurin; see docs/deployment.md, "Checking an image locally").
# Usage: scripts/container-check.sh [context-dir]
# Knobs: CTR_WORK (podman storage, kept between runs), MAVEN_CACHE (mounted as /root/.m2 in the build stage),
#        HOST_PORT (default: a free port), DOCKERFILE (default: <context-dir>/Dockerfile).
set -euo pipefail
CTX=$(cd "${1:-$(dirname "$0")/..}" && pwd)
DOCKERFILE=${DOCKERFILE:-$CTX/Dockerfile}
WORK=${CTR_WORK:-/var/tmp/safla-ctr}
PORT=7860
HOST_PORT=${HOST_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
SUITE=trixie                  # the Debian release with OpenJDK 25 (bookworm has none)
JDK=openjdk-25
REV=r1                        # bump when the stand-in recipes below change, so a kept CTR_WORK rebuilds them
JRE_BASE=localhost/safla-standin:25-jre-$REV
JDK_BASE=localhost/safla-standin:25-jdk-$REV
MVN_BASE=localhost/safla-standin:25-maven-$REV
IMG=localhost/safla-space:check
NAME=safla-check-$$
T_START=$SECONDS
mkdir -p "$WORK"
export DEBIAN_FRONTEND=noninteractive

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v mmdebstrap >/dev/null; then
  t0=$SECONDS
  # another apt run (e.g. CI installing chromium) may hold the dpkg lock: wait for it instead of failing
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends podman runc mmdebstrap uidmap \
      fuse-overlayfs slirp4netns containernetworking-plugins netavark aardvark-dns iptables catatonit conmon >/dev/null
  echo "tools installed in $((SECONDS-t0))s"
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
# docker format: the OCI format silently drops HEALTHCHECK
export CONTAINERS_CONF=$WORK/containers.conf CONTAINERS_STORAGE_CONF=$WORK/storage.conf BUILDAH_FORMAT=docker

# Stand-in for eclipse-temurin:25-jre, shaped like the upstream (Ubuntu-based) image: JAVA_HOME=/opt/java/openjdk
# on PATH, a uid-1000 user `ubuntu`, no curl or wget, ENTRYPOINT /__cacert_entrypoint.sh (here: a plain exec "$@")
# and no CMD. The machine's extra CA certificates are added so HTTPS from RUN steps (Maven) is trusted.
if ! podman image exists "$JRE_BASE"; then
  t0=$SECONDS
  arch=$(dpkg --print-architecture)
  # the host's own mirrors (deb822 file) with the suite names swapped, or mmdebstrap's default mirror
  sources=$SUITE
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    host_suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    sources="$WORK/$SUITE.sources"
    if [ -n "$host_suite" ] && [ "$host_suite" != "$SUITE" ]; then
      sed -E "/^Suites:/s/\b$host_suite\b/$SUITE/g" /etc/apt/sources.list.d/debian.sources > "$sources"
    else
      cp /etc/apt/sources.list.d/debian.sources "$sources"
    fi
  fi
  mmdebstrap --quiet --variant=minbase --include=$JDK-jre-headless,ca-certificates,p11-kit,tzdata,passwd \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook="mkdir -p \"\$1\"/opt/java && ln -s /usr/lib/jvm/java-25-openjdk-$arch \"\$1\"/opt/java/openjdk" \
    --customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1"/usr/local/share/ca-certificates/ 2>/dev/null || true; chroot "$1" update-ca-certificates >/dev/null' \
    --customize-hook='chroot "$1" useradd --uid 1000 --create-home --shell /bin/bash ubuntu' \
    --customize-hook='printf "%s\n" "#!/bin/sh" "# stand-in for the Temurin images'"'"' CA-certificate entrypoint" "exec \"\$@\"" > "$1"/__cacert_entrypoint.sh; chmod 755 "$1"/__cacert_entrypoint.sh' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    $SUITE "$WORK/base.tar" "$sources"
  podman import --quiet \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENTRYPOINT ["/__cacert_entrypoint.sh"]' "$WORK/base.tar" "$JRE_BASE" >/dev/null
  rm -f "$WORK/base.tar"
  echo "JRE stand-in ($SUITE, $(podman run --rm --entrypoint java "$JRE_BASE" -version 2>&1 | sed -n 2p)) built in $((SECONDS-t0))s"
fi

# JDK stand-in (eclipse-temurin:25-jdk: upstream adds binutils for jlink, CMD jshell) and, only if a FROM line
# names a maven image, a JDK + Debian's Maven one
standin() { # tag recipe-lines
  podman image exists "$1" && return 0
  local t0=$SECONDS ctx="$WORK/standin-ctx"
  rm -rf "$ctx"; mkdir -p "$ctx"
  printf '%s\n' "${@:2}" > "$ctx/Containerfile"
  podman build --pull=never -q -t "$1" -f "$ctx/Containerfile" "$ctx" >/dev/null
  echo "stand-in $1 built in $((SECONDS-t0))s"
}
apt_in() { echo "RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $* >/dev/null && rm -rf /var/lib/apt/lists/*"; }

stages=$(awk 'toupper($1)=="FROM" && toupper($3)=="AS"{print tolower($4)}' "$DOCKERFILE")
for ref in $(awk 'toupper($1)=="FROM"{for(i=2;i<=NF;i++) if($i !~ /^--/){print $i; break}}' "$DOCKERFILE" | sort -u); do
  case "$ref" in *'$'*|scratch) continue;; esac
  grep -qx "$(echo "$ref" | tr A-Z a-z)" <<<"$stages" && continue
  case "$ref" in
    *maven*) standin "$JDK_BASE" "FROM $JRE_BASE" "$(apt_in $JDK-jdk-headless binutils)" 'CMD ["jshell"]'
             standin "$MVN_BASE" "FROM $JDK_BASE" "$(apt_in maven)" 'CMD ["mvn"]'
             base=$MVN_BASE ;;
    *jdk*)   standin "$JDK_BASE" "FROM $JRE_BASE" "$(apt_in $JDK-jdk-headless binutils)" 'CMD ["jshell"]'
             base=$JDK_BASE ;;
    *)       base=$JRE_BASE ;;
  esac
  podman tag "$base" "$ref"
  echo "local stand-in for $ref: $base"
done

t0=$SECONDS
vol=(); if [ -n "${MAVEN_CACHE:-}" ]; then mkdir -p "$MAVEN_CACHE"; vol=(-v "$MAVEN_CACHE:/root/.m2"); fi
podman build --pull=never "${vol[@]}" -t "$IMG" -f "$DOCKERFILE" "$CTX"
echo "image built in $((SECONDS-t0))s"

cleanup() { podman rm -f -t 5 "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
t0=$SECONDS
# (podman logs a harmless "unable to get systemd connection to add healthchecks" here: no systemd on this VM)
if ! out=$(podman run -d --name "$NAME" -p 127.0.0.1:$HOST_PORT:$PORT "$IMG" 2>&1); then
  echo "$out"; echo "FAIL: podman run"; echo "container check: 0 passed, 1 failed"; exit 1
fi
failed=0; passed=0
check() { if eval "$2"; then echo "PASS: $1"; passed=$((passed+1)); else echo "FAIL: $1"; failed=$((failed+1)); fi; }
ok=0
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$HOST_PORT/" 2>/dev/null; then ok=1; break; fi
  [ "$(podman inspect --format '{{.State.Running}}' "$NAME" 2>/dev/null)" = true ] || break
  sleep 0.5
done
echo "container answered after $((SECONDS-t0))s"
check "HTTP 200 on / (host port $HOST_PORT -> $PORT)" '[ "$ok" = 1 ]'
if [ "$ok" != 1 ]; then podman logs "$NAME" 2>&1 | tail -60; fi
check "liveness UP" 'curl -fsS "http://127.0.0.1:$HOST_PORT/actuator/health/liveness" | grep -q "\"UP\""'
user=$(podman image inspect --format '{{.Config.User}}' "$IMG")
ports=$(podman image inspect --format '{{.Config.ExposedPorts}}' "$IMG")
hc=$(podman image inspect --format '{{.HealthCheck}}' "$IMG")
cmd=$(podman image inspect --format '{{json .Config.Cmd}}' "$IMG")
entry=$(podman image inspect --format '{{json .Config.Entrypoint}}' "$IMG")
uid=$(podman exec "$NAME" id -u 2>/dev/null || echo "?")
app_owner=$(podman exec "$NAME" stat -c '%u' /app /app/safla-space.jar 2>/dev/null | sort -u | paste -sd, || true)
java_version=$(podman exec "$NAME" java -version 2>&1 | grep -m1 -i 'version' || true)
echo "user=$user uid=$uid ports=$ports healthcheck=$hc"
echo "entrypoint=$entry cmd=$cmd"
echo "owner uid of /app and /app/safla-space.jar: $app_owner; runtime: $java_version"
check "runs as uid 1000 (image USER $user)" '[ "$uid" = 1000 ]'
check "/app and the jar owned by uid 1000" '[ "$app_owner" = 1000 ]'
check "CMD runs the jar" '[[ "$cmd" == *\"-jar\"* && "$cmd" == *safla-space.jar* ]]'
check "Java 25 runtime" '[[ "$java_version" =~ version\ \"25[.\"] ]]'
check "exposes 7860/tcp" '[[ "$ports" == *"7860/tcp"* ]]'
check "HEALTHCHECK defined" '[[ -n "$hc" && "$hc" != "<nil>" ]]'
check "HEALTHCHECK passes" 'podman healthcheck run "$NAME" >/dev/null 2>&1'
check "logs written under /data" 'podman exec "$NAME" test -s /data/logs/safla.log'
check "no restricted-method warning at startup (--enable-native-access)" \
  '! podman logs "$NAME" 2>&1 | grep -q "WARNING: A restricted method"'
echo "total $((SECONDS-T_START))s"
echo "container check: $passed passed, $failed failed"
[ "$failed" = 0 ]
