# SAFLA Space: a HuggingFace Docker Space (port 7860, user 1000, persistent /data).
# Build stage: the production jar (pre-compiled Vaadin bundle, no npm), with the project's Maven wrapper
# (Maven 3.9.11, the same as CI and local builds).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY src src
RUN chmod +x mvnw && ./mvnw -B -ntp -Pproduction -DskipTests package

# Runtime stage: JRE 25 only.
FROM eclipse-temurin:25-jre
# Spaces run the container as uid 1000; the Ubuntu-based Temurin images already have a user (`ubuntu`) with that
# uid. They have no curl, which the HEALTHCHECK needs.
RUN set -eux; \
    if getent passwd 1000 >/dev/null; then userdel -r "$(getent passwd 1000 | cut -d: -f1)" 2>/dev/null || true; fi; \
    useradd --uid 1000 --create-home --shell /bin/sh user; \
    if ! command -v curl >/dev/null; then \
      apt-get update; \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    mkdir -p /app /data; \
    chown 1000:1000 /app /data
WORKDIR /app
COPY --from=build --chown=1000:1000 /build/target/safla-space.jar /app/safla-space.jar
COPY --chown=1000:1000 config /app/config
ENV PORT=7860 \
    SAFLA_DATA_DIR=/data \
    HOME=/home/user \
    DJL_CACHE_DIR=/home/user/.djl.ai \
    JAVA_TOOL_OPTIONS="-XX:MaxRAM=2g -XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=10 -XX:+ExitOnOutOfMemoryError"
USER 1000
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" || exit 1
# CMD, not ENTRYPOINT: HuggingFace's Dev Mode starts the app from the image's CMD (the Temurin images' own
# ENTRYPOINT only runs the command it is given). --enable-native-access: JNA (used by OSHI) calls restricted methods.
CMD ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/safla-space.jar"]
