# masscast as a container image.
#   docker build -t masscast .
#   docker run -v masscast-data:/data -p 3000:3000 \
#     -e SLACK_BOT_TOKEN_FILE=/run/secrets/slack_bot_token ... masscast
# Secrets are never baked in: pass them at run time, preferably as files (NAME_FILE=/run/secrets/...).

# --- build: the same Maven command as the README's run command ------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# the compiler options Error Prone needs (the build runs it on every compile)
COPY .mvn ./.mvn
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# --- runtime: a slim Java 17 JRE, as an unprivileged user -----------------------------------
FROM eclipse-temurin:17-jre-jammy
# fontconfig and a font: the digest's chart is drawn with Java's headless graphics, which need them
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 masscast \
    && useradd --system --uid 10001 --gid masscast --home-dir /data --shell /usr/sbin/nologin masscast \
    && mkdir -p /data /app \
    && chown masscast:masscast /data
COPY --from=build /src/target/masscast.jar /app/masscast.jar

# The default MASSCAST_DB_URL, jdbc:sqlite:masscast.db, is relative to the working directory: SQLite lives
# at /data/masscast.db on the volume. (Left unset on purpose: `docker run -it masscast --shell` then keeps
# its simulated demo in a temporary database, never in /data.) Set MASSCAST_DB_URL=jdbc:postgresql://...
# for several replicas.
ENV MASSCAST_HTTP_PORT=3000
VOLUME ["/data"]
WORKDIR /data
EXPOSE 3000
USER 10001:10001

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MASSCAST_HTTP_PORT}/healthz" || exit 1

ENTRYPOINT ["java", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "-XX:MaxRAMPercentage=75", \
            "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/masscast.jar"]
